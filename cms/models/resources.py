"""Resources: handbooks, toolkits and leaflets to download."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from cms.blocks import BodyBlock
from cms.i18n.listings import children_in_language

from .base import BasePage, IndexPage


class ResourcePageTag(TaggedItemBase):
    content_object = ParentalKey(
        "cms.ResourcePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class ResourceIndexPage(IndexPage):
    subpage_types = ["cms.ResourcePage"]
    tag_model = ResourcePageTag

    def listing(self, language=None):
        return children_in_language(ResourcePage, self, language).order_by(
            "-first_published_at"
        )


class ResourcePage(BasePage):
    body = StreamField(BodyBlock(), blank=True)
    tags = ClusterTaggableManager(through=ResourcePageTag, blank=True)

    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    content_panels = [
        *BasePage.content_panels,
        FieldPanel("summary"),
        FieldPanel("body"),
        InlinePanel("documents", label=_("Documents"), min_num=1),
        FieldPanel("tags"),
    ]
    parent_page_types = ["cms.ResourceIndexPage"]
    subpage_types = []

    def downloads(self):
        return self.documents.select_related("document")


class ResourceDocument(Orderable):
    page = ParentalKey(ResourcePage, on_delete=models.CASCADE, related_name="documents")
    document = models.ForeignKey(
        "wagtaildocs.Document", on_delete=models.CASCADE, related_name="+"
    )
    description = models.CharField(
        _("description"),
        max_length=250,
        blank=True,
        help_text=_("What is in the document, in a few words."),
    )

    panels = [FieldPanel("document"), FieldPanel("description")]
