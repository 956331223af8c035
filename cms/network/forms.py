"""Admin forms of the Network area: adding a site, its members, picking a site."""

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from cms.access.sites import site_label
from cms.i18n.access import site_locales
from cms.models import Role
from cms.network.kinds import SiteKind
from cms.network.provisioning import MAX_NAME_LENGTH, NewSite, provision_site
from groups.models import PlaceType, Region, Stage
from streams.models import Sector

KINDS = [  # the national site is made once, by seed_demo or the command
    (SiteKind.GROUP, _("A group (a village, town, city, region or nation)")),
    (SiteKind.STREAM, _("A stream of sanctuary (a sector such as schools)")),
]
OTHER_LANGUAGES = [
    (code, name) for code, name in settings.LANGUAGES if code != settings.LANGUAGE_CODE
]


def blank(choices):
    return [("", "---------"), *choices]


class AddSiteForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Kind of site"), choices=KINDS, widget=forms.RadioSelect
    )
    name = forms.CharField(
        label=_("Name"),
        max_length=MAX_NAME_LENGTH,
        help_text=_("The name of the group or stream, as people know it: Sheffield."),
    )
    hostname = forms.CharField(
        label=_("Web address"),
        required=False,
        max_length=253,
        help_text=_(
            "Leave empty to use the name, like sheffield.%(domain)s. "
            "Only letters, digits, dots and dashes."
        )
        % {"domain": settings.NETWORK_DOMAIN},
    )
    languages = forms.MultipleChoiceField(
        label=_("Other languages"),
        required=False,
        choices=OTHER_LANGUAGES,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Every site is in English; tick the languages it adds."),
    )
    place_type = forms.ChoiceField(
        label=_("Kind of place"),
        required=False,
        choices=blank(PlaceType.choices),
        help_text=_("For groups only."),
    )
    region = forms.ChoiceField(
        label=_("Region"),
        required=False,
        choices=blank(Region.choices),
        help_text=_("For groups only."),
    )
    stage = forms.ChoiceField(
        label=_("Stage"),
        required=False,
        choices=blank(Stage.choices),
        help_text=_("For groups only: where the group is on the way to recognition."),
    )
    sector = forms.ChoiceField(
        label=_("Sector"),
        required=False,
        choices=blank(Sector.choices),
        help_text=_("For streams only: the sector the stream works with."),
    )

    def clean(self):
        data = super().clean()
        kind = data.get("kind")
        if kind == SiteKind.STREAM and not data.get("sector"):
            self.add_error("sector", _("Choose the sector this stream works with."))
        if self.errors:
            return data
        self.request = NewSite(
            kind=kind,
            name=data["name"],
            hostname=data["hostname"],
            languages=data["languages"],
            facts=self.facts(kind, data),
        )
        try:
            self.request.clean()
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                self.add_error(field if field in self.fields else None, messages)
        return data

    @staticmethod
    def facts(kind, data):
        if kind == SiteKind.GROUP:
            keys = ("place_type", "region", "stage")
        else:
            keys = ("sector",)
        return {key: data[key] for key in keys if data.get(key)}

    def save(self, owner):
        return provision_site(self.request, owner=owner)


class AddMemberForm(forms.Form):
    person = forms.CharField(
        label=_("Person"),
        help_text=_("Their username or email address. They need an account first."),
    )
    role = forms.ChoiceField(
        label=_("Role"),
        choices=Role.choices,
        help_text=_(
            "Editors write pages, moderators approve and publish them, "
            "translators translate them into one language."
        ),
    )
    language = forms.ChoiceField(
        label=_("Language"),
        required=False,
        choices=blank(OTHER_LANGUAGES),
        help_text=_("For translators only: the language they translate into."),
    )

    def clean_person(self):
        value = self.cleaned_data["person"].strip()
        users = get_user_model().objects.filter(
            Q(username__iexact=value) | Q(email__iexact=value), is_active=True
        )
        if len(users[:2]) != 1:
            raise ValidationError(
                _("Nobody with this username or email has an account.")
            )
        return users.get()

    def clean(self):
        return check_role_language(self, super().clean())


def check_role_language(form, data):
    """A translator needs a language; nobody else has one."""
    role, language = data.get("role"), data.get("language")
    if role == Role.TRANSLATOR and not language:
        form.add_error("language", _("Choose the language they translate into."))
    if role and role != Role.TRANSLATOR and language:
        form.add_error("language", _("Only translators have a language."))
    return data


class RemoveMemberForm(forms.Form):
    """Which person to take out of which of the site's role groups."""

    def __init__(self, *args, site, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"] = forms.ModelChoiceField(queryset=site.roles.all())
        self.fields["person"] = forms.ModelChoiceField(
            queryset=get_user_model().objects.filter(groups__site_role__site=site)
        )


class ChooseSiteForm(forms.Form):
    def __init__(self, *args, sites, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["site"] = forms.ModelChoiceField(
            label=_("The site you work on"), queryset=sites, empty_label=None
        )
        self.fields["site"].label_from_instance = site_label


class InviteForm(forms.Form):
    """Who to invite to a site, in which role (and language, for a translator)."""

    email = forms.EmailField(
        label=_("Email address"),
        help_text=_("We email them a link to choose their own password."),
    )
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)
    language = forms.ChoiceField(
        label=_("Language"),
        required=False,
        help_text=_("For translators only: the language they translate into."),
    )

    def __init__(self, *args, site, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].help_text = AddMemberForm.base_fields["role"].help_text
        names = dict(settings.LANGUAGES)
        self.fields["language"].choices = blank(
            [
                (loc.language_code, names[loc.language_code])
                for loc in site_locales(site)
            ]
        )

    def clean_email(self):
        email = self.cleaned_data["email"].strip()
        if get_user_model().objects.filter(email__iexact=email).exists():
            raise ValidationError(
                _(
                    "Someone with this email address already has an account: "
                    "ask the national team to add them to the site."
                )
            )
        return email

    def clean(self):
        return check_role_language(self, super().clean())
