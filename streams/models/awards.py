"""Sanctuary Awards: the schemes a stream runs and the organisations awarded."""

from django import forms
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Site
from wagtail.search import index

from cms.models import BasePage
from cms.pagination import page_of


class AwardScheme(index.Indexed, ClusterableModel):
    """A Sanctuary Award scheme, e.g. the School of Sanctuary award."""

    site = models.ForeignKey(
        Site,
        verbose_name=_("stream site"),
        on_delete=models.CASCADE,
        related_name="award_schemes",
    )
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)

    search_fields = [index.SearchField("name"), index.FilterField("site")]
    panels = [
        FieldPanel("site"),
        FieldPanel("name"),
        FieldPanel("description"),
        InlinePanel("awards", label=_("Awarded organisations")),
    ]

    class Meta:
        verbose_name = _("Sanctuary Award scheme")
        verbose_name_plural = _("Sanctuary Award schemes")
        ordering = ["name", "pk"]

    def __str__(self):
        return self.name


class AwardQuerySet(models.QuerySet):
    def on_site(self, site):
        return self.filter(scheme__site=site)

    def current(self):
        """Awards not yet due for renewal."""
        today = timezone.localdate()
        return self.filter(
            models.Q(renew_by__isnull=True) | models.Q(renew_by__gte=today)
        )

    def renewal_due(self):
        return self.filter(renew_by__lt=timezone.localdate())


class AwardedOrganisation(Orderable):
    scheme = ParentalKey(AwardScheme, on_delete=models.CASCADE, related_name="awards")
    name = models.CharField(_("organisation"), max_length=200)
    place = models.CharField(_("place"), max_length=120)
    awarded_on = models.DateField(_("award date"))
    renew_by = models.DateField(_("renewal date"), null=True, blank=True)

    objects = AwardQuerySet.as_manager()

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("place")]),
        FieldRowPanel([FieldPanel("awarded_on"), FieldPanel("renew_by")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("awarded organisation")

    def __str__(self):
        return self.name


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


class AwardsPage(BasePage):
    """Lists the stream's awarded organisations, filterable by scheme and place."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "link"])

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    parent_page_types = ["streams.StreamHomePage"]
    subpage_types = []
    max_count_per_parent = 1

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        site = self.get_site()
        form = AwardFilterForm(request.GET or None, site=site)
        awards = form.filter(
            AwardedOrganisation.objects.on_site(site).select_related("scheme")
        )
        context["filter_form"] = form
        context["awards"] = page_of(request, awards, 50)
        return context
