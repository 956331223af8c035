"""News: an index of dated news items per site."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager
from wagtail.search import index

from cms.blocks import BodyBlock
from cms.i18n.listings import children_in_language

from .base import BasePage, IndexPage, NetworkPageQuerySet


class NewsQuerySet(NetworkPageQuerySet):
    def newest_first(self):
        return self.order_by("-date", "-first_published_at")

    def on_site(self, site):
        return self.descendant_of(site.root_page, inclusive=True)


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "cms.NewsPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class NewsIndexPage(IndexPage):
    """Lists the site's news, newest first."""

    subpage_types = ["cms.NewsPage", "home.NetworkNewsPage"]
    tag_model = NewsPageTag

    def listing(self, language=None):
        return children_in_language(NewsPage, self, language).newest_first()

    def news(self):
        return self.listing()


class NewsPage(BasePage):
    date = models.DateField(
        _("date"), default=timezone.localdate, help_text=_("The date of the news.")
    )
    byline = models.CharField(
        _("byline"),
        max_length=120,
        blank=True,
        help_text=_("Who wrote it, as shown under the title. Optional."),
    )
    body = StreamField(BodyBlock(), blank=True)
    tags = ClusterTaggableManager(through=NewsPageTag, blank=True)

    objects = PageManager.from_queryset(NewsQuerySet)()

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("byline"),
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("tags"),
    ]
    parent_page_types = ["cms.NewsIndexPage"]
    subpage_types = []
