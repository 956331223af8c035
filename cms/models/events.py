"""Events: meetings, celebrations and Refugee Week events."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.fields import StreamField
from wagtail.search import index

from cms.blocks import BodyBlock

from .base import BasePage


class EventIndexPage(BasePage):
    parent_page_types = [
        "home.HomePage",
        "groups.GroupHomePage",
        "streams.StreamHomePage",
    ]
    subpage_types = ["cms.EventPage"]
    max_count_per_parent = 1

    def upcoming(self):
        return (
            EventPage.objects.child_of(self)
            .live()
            .filter(end__gte=timezone.now())
            .order_by("start")
        )


class EventPage(BasePage):
    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"))
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    body = StreamField(BodyBlock(), blank=True)

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("venue"),
        index.SearchField("body"),
    ]
    content_panels = [
        *BasePage.content_panels,
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
        FieldPanel("venue"),
        FieldPanel("summary"),
        FieldPanel("body"),
    ]
    parent_page_types = ["cms.EventIndexPage"]
    subpage_types = []
