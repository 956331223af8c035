from django import forms
from django.utils.translation import gettext_lazy as _

from .models import SupportingOrganisation


class PledgeForm(forms.ModelForm):
    """The public pledge form: it never lets the public choose site or status."""

    website = forms.URLField(
        label=_("website"), required=False, max_length=200, assume_scheme="https"
    )

    class Meta:
        model = SupportingOrganisation
        fields = [
            "name",
            "place",
            "website",
            "pledge",
            "contact_name",
            "contact_email",
            "listed",
        ]
        help_texts = {"contact_email": _("Only the group's coordinators see this.")}

    def __init__(self, *args, site, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.site = site
