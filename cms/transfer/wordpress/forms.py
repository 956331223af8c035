"""The admin form that starts an import: the export, the uploads, the options."""

import secrets

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.storage import storages
from django.core.validators import FileExtensionValidator
from django.utils.translation import gettext_lazy as _

from .pages import POST_TYPES


class ImportForm(forms.Form):
    export = forms.FileField(
        label=_("WordPress export"),
        help_text=_("The .xml file from Tools → Export → All content."),
        validators=[FileExtensionValidator(["xml"])],
    )
    uploads = forms.FileField(
        label=_("Uploads"),
        required=False,
        help_text=_(
            "A .zip of the subsite's uploads folder (wp-content/uploads/sites/N)."
        ),
        validators=[FileExtensionValidator(["zip"])],
    )
    mapping = forms.CharField(
        label=_("Categories to page types"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "One per line, such as Stories=story. Types: %(types)s. "
            "Other posts become news."
        )
        % {"types": ", ".join(POST_TYPES)},
    )
    dry_run = forms.BooleanField(
        label=_("Dry run: only show the report, change nothing"), required=False
    )

    def clean_mapping(self):
        found = {}
        for line in self.cleaned_data["mapping"].splitlines():
            if not line.strip():
                continue
            category, _sep, kind = line.partition("=")
            if not category.strip() or kind.strip() not in POST_TYPES:
                raise ValidationError(
                    _("Write CATEGORY=TYPE, one per line: %(line)s") % {"line": line}
                )
            found[category.strip().lower()] = kind.strip()
        return found

    def store(self):
        """Save the uploaded files under random names; returns their names."""
        files = storages["imports"]
        folder = secrets.token_urlsafe(16)
        names = []
        for field, name in (("export", "export.xml"), ("uploads", "uploads.zip")):
            upload = self.cleaned_data.get(field)
            names.append(files.save(f"{folder}/{name}", upload) if upload else "")
        return names
