"""News: an index of dated news items per site."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from cms.blocks import BodyBlock

from .base import BasePage


class NewsQuerySet(PageQuerySet):
    def newest_first(self):
        return self.order_by("-date", "-first_published_at")


class NewsIndexPage(BasePage):
    """Lists the site's news, newest first."""

    parent_page_types = [
        "home.HomePage",
        "groups.GroupHomePage",
        "streams.StreamHomePage",
    ]
    subpage_types = ["cms.NewsPage", "home.NetworkNewsPage"]
    max_count_per_parent = 1

    def news(self):
        return NewsPage.objects.child_of(self).live().newest_first()


class NewsPage(BasePage):
    date = models.DateField(
        _("date"), default=timezone.localdate, help_text=_("The date of the news.")
    )
    body = StreamField(BodyBlock(), blank=True)

    objects = PageManager.from_queryset(NewsQuerySet)()

    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("summary"),
        FieldPanel("body"),
    ]
    promote_panels = Page.promote_panels + [FieldPanel("listing_image")]
    parent_page_types = ["cms.NewsIndexPage"]
    subpage_types = []
