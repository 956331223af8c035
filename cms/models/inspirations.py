"""Inspirations: practical ideas of welcome that other groups can copy."""

from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from cms.blocks import BodyBlock

from .base import BasePage


class InspirationIndexPage(BasePage):
    parent_page_types = [
        "home.HomePage",
        "groups.GroupHomePage",
        "streams.StreamHomePage",
    ]
    subpage_types = ["cms.InspirationPage"]
    max_count_per_parent = 1

    def inspirations(self):
        return (
            InspirationPage.objects.child_of(self)
            .live()
            .order_by("-first_published_at")
        )


class InspirationPage(BasePage):
    body = StreamField(BodyBlock(), blank=True)

    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    content_panels = [
        *BasePage.content_panels,
        FieldPanel("summary"),
        FieldPanel("body"),
    ]
    parent_page_types = ["cms.InspirationIndexPage"]
    subpage_types = []
