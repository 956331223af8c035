"""Abstract mixins shared by every page type, and the abstract site home."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index

SHARED_SECTION_TYPES = [
    "cms.StandardPage",
    "cms.CharterPage",
    "cms.InspirationIndexPage",
    "cms.StoryIndexPage",
    "cms.NewsIndexPage",
    "cms.EventIndexPage",
    "cms.FormPage",
]


class ListingMixin(models.Model):
    """What a page shows when it appears in a list of pages."""

    summary = models.TextField(
        _("summary"),
        blank=True,
        max_length=300,
        help_text=_("One or two sentences shown in lists and search results."),
    )
    listing_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("listing image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown beside the summary in lists. Optional."),
    )

    listing_panels = [FieldPanel("summary"), FieldPanel("listing_image")]

    class Meta:
        abstract = True


class BasePage(ListingMixin, Page):
    """The root of every page type of the network."""

    search_fields = [*Page.search_fields, index.SearchField("summary")]
    promote_panels = [*Page.promote_panels, *ListingMixin.listing_panels]

    class Meta:
        abstract = True


class SiteHomePage(BasePage):
    """A site's home page: the national site, a group or a stream."""

    intro = models.TextField(
        _("welcome text"),
        blank=True,
        help_text=_("A short welcome shown at the top of your home page."),
    )

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = SHARED_SECTION_TYPES
    content_panels = [*Page.content_panels, FieldPanel("intro")]

    class Meta:
        abstract = True
