from django import forms
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page, Site, get_page_models

from cms.access.sites import site_label
from cms.network.kinds import SiteKind
from search.excerpts import MAX_QUERY_LENGTH


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search for"),
        required=False,
        widget=forms.SearchInput(attrs={"maxlength": MAX_QUERY_LENGTH}),
    )

    def clean_q(self):
        """Long queries are cut short rather than refused."""
        return " ".join(self.cleaned_data["q"][:MAX_QUERY_LENGTH].split())


class NetworkSearchForm(SearchForm):
    """The national search: the whole network, narrowed by site, kind and type."""

    site = forms.ModelChoiceField(
        label=_("Site"),
        queryset=Site.objects.order_by("site_name"),
        required=False,
        empty_label=_("Every site"),
    )
    site.label_from_instance = site_label
    kind = forms.ChoiceField(
        label=_("Kind of site"),
        required=False,
        choices=[
            ("", _("Every kind")),
            (SiteKind.GROUP, _("Groups")),
            (SiteKind.STREAM, _("Streams")),
            (SiteKind.NATIONAL, _("National")),
        ],
    )
    page_type = forms.ChoiceField(label=_("Type of page"), required=False)
    language = forms.ChoiceField(
        label=_("Language"),
        required=False,
        choices=[("", _("Every language")), *settings.LANGUAGES],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.page_types = {
            model._meta.label_lower: model
            for model in get_page_models()
            if model is not Page
        }
        self.fields["page_type"].choices = [
            ("", _("Every type")),
            *sorted(
                (
                    (label, capfirst(model._meta.verbose_name))
                    for label, model in self.page_types.items()
                ),
                key=lambda choice: str(choice[1]),
            ),
        ]

    def clean_kind(self):
        kind = self.cleaned_data["kind"]
        return kind if kind in SiteKind.values else None

    def clean_page_type(self):
        model = self.page_types.get(self.cleaned_data["page_type"])
        return ContentType.objects.get_for_model(model) if model else None
