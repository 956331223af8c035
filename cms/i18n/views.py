"""wagtail-localize's translation views, narrowed to the user's site and languages.

They are mounted at wagtail-localize's own addresses, ahead of its URLs, so
every link it renders reaches these checks (see cms/i18n/admin_hooks.py).
"""

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wagtail.models import Page
from wagtail.snippets.permissions import get_permission_name
from wagtail.snippets.views.snippets import get_snippet_model_from_url_params
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.views import (
    edit_translation,
    submit_translations,
    update_translations,
)

from cms.access.roles import is_site_moderator
from cms.access.sites import site_for_page

from .access import machine_translation_allowed, translatable_locales


class SubmitPageTranslationView(submit_translations.SubmitPageTranslationView):
    """Start a page's translation: only into languages the user translates on
    the page's own site."""

    def dispatch(self, request, *args, **kwargs):
        page = get_object_or_404(Page, id=kwargs["page_id"])
        self.allowed_locales = translatable_locales(request.user, site_for_page(page))
        if not self.allowed_locales.exists():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_form(self):
        form = super().get_form()
        field = form.fields["locales"]
        field.queryset = field.queryset.filter(pk__in=self.allowed_locales)
        return form


class SubmitSnippetTranslationView(submit_translations.SubmitSnippetTranslationView):
    """Translatable snippets are network-wide: only people who may edit them."""

    def dispatch(self, request, *args, **kwargs):
        model = get_snippet_model_from_url_params(
            kwargs["app_label"], kwargs["model_name"]
        )
        if not request.user.has_perm(get_permission_name("change", model)):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class UpdateTranslationsView(update_translations.UpdateTranslationsView):
    """Sync a source's text: its site's moderators and translators may; only
    moderators may publish every language at once."""

    def dispatch(self, request, *args, **kwargs):
        source = get_object_or_404(
            TranslationSource, id=kwargs["translation_source_id"]
        )
        model = source.specific_content_type.model_class()
        if issubclass(model, Page):
            page = get_object_or_404(
                Page, translation_key=source.object_id, locale=source.locale_id
            )
            site = site_for_page(page)
            allowed = translatable_locales(request.user, site).exists()
            self.full_control = allowed and is_site_moderator(request.user, site)
            # Stories go live only through safeguarding (cms.stories.safeguarding).
            self.may_publish = self.full_control and (
                page.permissions_for_user(request.user).can_publish()
            )
        else:
            allowed = request.user.has_perm(get_permission_name("change", model))
            self.full_control = self.may_publish = allowed
        if not allowed:
            raise PermissionDenied
        self.machine_translation = machine_translation_allowed(model)
        return super().dispatch(request, *args, **kwargs)

    def get_form(self):
        form = super().get_form()
        if not self.may_publish:
            form.fields["publish_translations"].disabled = True
            form.fields["publish_translations"].widget = forms.HiddenInput()
        if not (self.full_control and self.machine_translation):
            form.fields.pop("use_machine_translation", None)
        return form


def machine_translate(request, translation_id):
    """Machine translation, never for content kept away from third parties."""
    translation = get_object_or_404(Translation, id=translation_id)
    model = translation.source.specific_content_type.model_class()
    if not machine_translation_allowed(model):
        raise PermissionDenied
    return edit_translation.machine_translate(request, translation_id)


def network_admins_only(view):
    def guarded(request, *args, **kwargs):
        if not request.user.is_superuser:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return guarded


@require_POST
def upload_pofile(request, translation_id):
    """wagtail-localize's PO upload, refusing a missing or foreign file with a
    400 instead of failing on it."""
    upload = request.FILES.get("file")
    if upload is None:
        return HttpResponseBadRequest(_("Choose a PO file to upload."))
    head = upload.read()
    upload.seek(0)
    if b"X-WagtailLocalize-TranslationID" not in head:
        return HttpResponseBadRequest(
            _("This is not a PO file downloaded from this translation.")
        )
    return edit_translation.upload_pofile(request, translation_id)
