"""Network-wide pages on the national site: stories, inspirations and events."""

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Site

from cms.ical import calendar_response
from cms.models import BasePage
from cms.pagination import page_of
from home.network import KINDS, SiteLabels, kind_of, network_items, upcoming_events


class NetworkFilter(forms.Form):
    site = forms.ModelChoiceField(
        label=_("Site"),
        required=False,
        empty_label=_("Every site"),
        queryset=Site.objects.order_by("site_name"),
    )
    type = forms.ChoiceField(
        label=_("Type"), required=False, choices=[("", _("Everything")), *KINDS.items()]
    )

    def chosen(self):
        if not self.is_valid():
            return {"kind": "", "site": None}
        return {"kind": self.cleaned_data["type"], "site": self.cleaned_data["site"]}


class NetworkPage(RoutablePageMixin, BasePage):
    """Stories, inspirations and upcoming events from every site, newest first."""

    per_page = 20
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("network-wide page")

    @path("")
    def listing(self, request):
        form = NetworkFilter(request.GET or None)
        items = network_items(**form.chosen())
        results = page_of(request, items, self.per_page)
        labels = SiteLabels()
        for item in results:
            item.site_name = labels(item)
            item.kind = kind_of(item)
            item.kind_label = KINDS[item.kind]
        return self.render(
            request, context_overrides={"form": form, "results": results}
        )

    @path("calendar/")
    def events_feed(self, request):
        form = NetworkFilter(request.GET or None)
        site = form.chosen()["site"]
        events = upcoming_events().order_by("start")
        if site is not None:
            events = events.descendant_of(site.root_page)
        return calendar_response(
            events, request, "network-events.ics", name=self.title, inline=True
        )
