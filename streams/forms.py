from django import forms
from django.utils.translation import gettext_lazy as _

from .models import AwardScheme


class AwardFilterForm(forms.Form):
    """The filters above the list of awarded organisations."""

    scheme = forms.ModelChoiceField(
        queryset=AwardScheme.objects.none(),
        required=False,
        empty_label=_("All awards"),
        label=_("Award"),
    )
    place = forms.CharField(required=False, max_length=120, label=_("Place"))
    status = forms.ChoiceField(
        required=False,
        label=_("Status"),
        choices=[
            ("", _("Any")),
            ("current", _("Current")),
            ("renewal-due", _("Due for renewal")),
        ],
    )

    def __init__(self, *args, site, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["scheme"].queryset = AwardScheme.objects.filter(site=site)

    def filter(self, awards):
        awards = awards.order_by("-awarded_on", "name")
        if not self.is_valid():
            return awards
        data = self.cleaned_data
        if data["scheme"]:
            awards = awards.filter(scheme=data["scheme"])
        if data["place"]:
            awards = awards.filter(place__icontains=data["place"])
        if data["status"] == "current":
            awards = awards.current()
        elif data["status"] == "renewal-due":
            awards = awards.renewal_due()
        return awards
