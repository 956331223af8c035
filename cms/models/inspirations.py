"""Inspirations: practical ideas of welcome that other groups can copy."""

from django.db import models

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from cms.blocks import BodyBlock
from cms.i18n.listings import children_in_language

from .base import BasePage, IndexPage


class InspirationPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "cms.InspirationPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class InspirationIndexPage(IndexPage):
    subpage_types = ["cms.InspirationPage"]
    tag_model = InspirationPageTag

    def listing(self, language=None):
        return children_in_language(InspirationPage, self, language).order_by(
            "-first_published_at"
        )


class InspirationPage(BasePage):
    body = StreamField(BodyBlock(), blank=True)
    tags = ClusterTaggableManager(through=InspirationPageTag, blank=True)

    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    content_panels = [
        *BasePage.content_panels,
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("tags"),
    ]
    parent_page_types = ["cms.InspirationIndexPage"]
    subpage_types = []
