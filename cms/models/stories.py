"""Stories of sanctuary: people telling their experience in their own voice."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from cms.blocks import BodyBlock

from .base import BasePage


class StoryIndexPage(BasePage):
    parent_page_types = [
        "home.HomePage",
        "groups.GroupHomePage",
        "streams.StreamHomePage",
    ]
    subpage_types = ["cms.StoryPage"]
    max_count_per_parent = 1

    def stories(self):
        return StoryPage.objects.child_of(self).live().order_by("-first_published_at")


class StoryPage(BasePage):
    storyteller = models.CharField(
        _("storyteller's name or pseudonym"),
        max_length=120,
        help_text=_("Use a made-up name unless the storyteller asked for their own."),
    )
    body = StreamField(BodyBlock(), blank=True)

    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    content_panels = [
        *BasePage.content_panels,
        FieldPanel("storyteller"),
        FieldPanel("summary"),
        FieldPanel("body"),
    ]
    parent_page_types = ["cms.StoryIndexPage"]
    subpage_types = []
