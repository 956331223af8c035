"""Events: meetings, celebrations and Refugee Week events."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import PageManager
from wagtail.search import index

from cms.blocks import BodyBlock
from cms.i18n.listings import children_in_language
from cms.ical import calendar_response

from .base import BasePage, IndexPage, NetworkPageQuerySet


class EventQuerySet(NetworkPageQuerySet):
    def upcoming(self):
        """Events that have not ended yet, soonest first."""
        return self.filter(end__gte=timezone.now()).order_by("start", "pk")

    def on_site(self, site):
        return self.descendant_of(site.root_page, inclusive=True)


class EventIndexPage(IndexPage):
    subpage_types = ["cms.EventPage"]

    def listing(self, language=None):
        return children_in_language(EventPage, self, language).upcoming()

    def upcoming(self):
        return self.listing()


class EventPage(RoutablePageMixin, BasePage):
    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"))
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    address = models.TextField(_("address"), blank=True)
    online_url = models.URLField(
        _("online link"),
        blank=True,
        help_text=_("For an online event: the address people join at."),
    )
    accessibility = models.TextField(
        _("accessibility"),
        blank=True,
        help_text=_("Step-free access, hearing loop, quiet room, interpreters..."),
    )
    cost = models.CharField(
        _("cost"),
        max_length=100,
        blank=True,
        help_text=_("Leave empty if the event is free."),
    )
    body = StreamField(BodyBlock(), blank=True)

    objects = PageManager.from_queryset(EventQuerySet)()

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("venue"),
        index.SearchField("body"),
        index.FilterField("start"),
        index.FilterField("end"),
    ]
    content_panels = [
        *BasePage.content_panels,
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
        MultiFieldPanel(
            [FieldPanel("venue"), FieldPanel("address"), FieldPanel("online_url")],
            _("Where"),
        ),
        FieldPanel("accessibility"),
        FieldPanel("cost"),
        FieldPanel("summary"),
        FieldPanel("body"),
    ]
    parent_page_types = ["cms.EventIndexPage"]
    subpage_types = []

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end < self.start:
            errors["end"] = _("An event cannot end before it starts.")
        if not (self.venue or self.address or self.online_url):
            errors["venue"] = _("Give a venue and address, or an online link.")
        if errors:
            raise ValidationError(errors)

    @path("ical/", name="ical")
    def ical(self, request):
        return calendar_response([self], request, f"{self.slug}.ics", name=self.title)
