"""Admin forms accept only images and documents the person may choose.

Wagtail's choosers list only what a person may choose, but a form takes any
id it is sent: a crafted POST could put another site's photo or private
document on one's own page, settings or snippet (T3). These forms check every
image and document a form refers to, in its fields and in its StreamFields.
What the object already held stays allowed, so a moderator can still save a
page the national team gave a national photo.
"""

from django.forms import ModelChoiceField
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm
from wagtail.contrib.forms.forms import WagtailAdminFormPageForm
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.permissions import policy_registry

REFUSED = _("Choose an image or document from your own site's collections.")


def _policies():
    models = (get_image_model(), get_document_model())
    return {model: policy_registry.get_by_type(model) for model in models}


def _stream_refs(block, value, policies):
    if value is None:
        return set()
    return {
        (model, str(pk))
        for model, pk, _path, _content in block.extract_references(value)
        if model in policies
    }


class ChoosableMediaMixin:
    """Refuses images and documents outside what `for_user` may choose."""

    def clean(self):
        cleaned = super().clean()
        user = getattr(self, "for_user", None)
        if user is None or user.is_superuser:
            return cleaned
        policies = _policies()
        for name, field in self.fields.items():
            if name in self.errors:
                continue
            wanted, held = self._references(name, field, cleaned, policies)
            for model, pk in wanted - held:
                allowed = policies[model].instances_user_has_any_permission_for(
                    user, ["choose"]
                )
                if not allowed.filter(pk=pk).exists():
                    self.add_error(name, REFUSED)
                    break
        return cleaned

    def _references(self, name, field, cleaned, policies):
        if isinstance(field, ModelChoiceField):
            model = field.queryset.model
            if model not in policies:
                return set(), set()
            chosen = cleaned.get(name)
            has_pk = hasattr(chosen, "pk")
            wanted = {(model, str(chosen.pk))} if has_pk else set()
            old = getattr(self.instance, f"{name}_id", None)
            held = {(model, str(old))} if old is not None else set()
            return wanted, held
        block = getattr(field, "block", None)
        if block is None or not hasattr(block, "extract_references"):
            return set(), set()
        wanted = _stream_refs(block, cleaned.get(name), policies)
        held = _stream_refs(block, getattr(self.instance, name, None), policies)
        return wanted, held


class SitePageForm(ChoosableMediaMixin, WagtailAdminPageForm):
    """The form of every page type of the network."""


class SiteFormPageForm(ChoosableMediaMixin, WagtailAdminFormPageForm):
    """The form of form pages."""


class SiteModelForm(ChoosableMediaMixin, WagtailAdminModelForm):
    """The form of settings and snippets."""
