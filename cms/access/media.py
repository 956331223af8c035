"""Admin forms accept only images and documents the person may choose.

Wagtail's choosers list only what a person may choose, but a form takes any
id it is sent: a crafted POST could put another site's photo or private
document on one's own page, settings or snippet (T3). These forms check every
image and document a form refers to, in its fields and in its StreamFields.
What the object already held stays allowed, so a moderator can still save a
page the national team gave a national photo.

The same base forms compare every field with the saved value, so a page saved
unchanged is not an edit.
"""

from django.forms import ModelChoiceField
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm
from wagtail.contrib.forms.forms import WagtailAdminFormPageForm
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from cms.access.sites import objects_in_scope

REFUSED = _("Choose an image or document from your own site's collections.")


def _media_models():
    return (get_image_model(), get_document_model())


def _stream_refs(block, value, media_models):
    if value is None:
        return set()
    return {
        (model, str(pk))
        for model, pk, _path, _content in block.extract_references(value)
        if model in media_models
    }


def _references(form, name, field, cleaned, media_models):
    """What a field of `form` refers to now, and what its object held before."""
    if isinstance(field, ModelChoiceField):
        model = field.queryset.model
        if model not in media_models:
            return set(), set()
        chosen = cleaned.get(name)
        wanted = {(model, str(chosen.pk))} if hasattr(chosen, "pk") else set()
        old = form.initial.get(name)  # the object's value when the form was made
        old = getattr(old, "pk", old)
        held = {(model, str(old))} if old not in (None, "") else set()
        return wanted, held
    block = getattr(field, "block", None)
    if block is None or not hasattr(block, "extract_references"):
        return set(), set()
    wanted = _stream_refs(block, cleaned.get(name), media_models)
    held = _stream_refs(block, getattr(form.instance, name, None), media_models)
    return wanted, held


def refuse_unchoosable_media(form, user, media_models):
    """Adds an error to each field of `form` holding media `user` may not choose."""
    cleaned = getattr(form, "cleaned_data", None) or {}
    refused = False
    for name, field in list(form.fields.items()):
        if name in form.errors or name not in cleaned:
            continue
        wanted, held = _references(form, name, field, cleaned, media_models)
        for model, pk in wanted - held:
            allowed = objects_in_scope(user, model, ["choose"])
            if not allowed.filter(pk=pk).exists():
                form.add_error(name, REFUSED)
                refused = True
                break
    return refused


class ChoosableMediaMixin:
    """Refuses images and documents outside what `for_user` may choose, in the
    form's own fields and in its inline forms (a resource page's documents)."""

    def _media_checker(self):
        user = getattr(self, "for_user", None)
        if user is None or user.is_superuser:
            return None
        return user

    def clean(self):
        cleaned = super().clean()
        user = self._media_checker()
        if user is not None:
            refuse_unchoosable_media(self, user, _media_models())
        return cleaned

    def is_valid(self):
        valid = super().is_valid()
        user = self._media_checker()
        if user is None:
            return valid
        media_models = _media_models()
        refused = False
        for formset in getattr(self, "formsets", {}).values():
            for child in formset.forms:
                if child in getattr(formset, "deleted_forms", []):
                    continue
                refused |= refuse_unchoosable_media(child, user, media_models)
        return valid and not refused


class SavedValueMixin:
    """Compares each field with the object's saved value.

    Django gives a field with a callable default (a news date, a story's
    review-by day) a hidden copy of its first value to compare with, which
    Wagtail's panels never render: the field then always looks changed, every
    save is an edit, and Approve in the page editor restarts the workflow
    instead of publishing.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.show_hidden_initial = False


class SitePageForm(SavedValueMixin, ChoosableMediaMixin, WagtailAdminPageForm):
    """The form of every page type of the network."""


class SiteFormPageForm(SavedValueMixin, ChoosableMediaMixin, WagtailAdminFormPageForm):
    """The form of form pages."""


class SiteModelForm(SavedValueMixin, ChoosableMediaMixin, WagtailAdminModelForm):
    """The form of settings and snippets."""
