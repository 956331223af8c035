"""Abstract mixins shared by every page type, and the abstract site home."""

from django.db import models
from django.db.models import Prefetch
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from taggit.models import Tag
from wagtail.admin.panels import FieldPanel
from wagtail.images import get_image_model
from wagtail.models import Page, PageManager, PageViewRestriction
from wagtail.query import PageQuerySet
from wagtail.search import index

from cms.access.media import SitePageForm
from cms.cache.network import network_data, private_q
from cms.pagination import page_of

SHARED_SECTION_TYPES = [
    "cms.StandardPage",
    "cms.CharterPage",
    "cms.InspirationIndexPage",
    "cms.StoryIndexPage",
    "cms.NewsIndexPage",
    "cms.EventIndexPage",
    "cms.ResourceIndexPage",
    "cms.FormPage",
]
SITE_HOME_TYPES = ["home.HomePage", "groups.GroupHomePage", "streams.StreamHomePage"]
CARD_IMAGE = "fill-480x270"


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

    def __init_subclass__(cls, **kwargs):
        """The listing fields sit on the Promote tab unless a page type places
        them with its content: a field shown twice posts twice, and the empty
        copy wins."""
        super().__init_subclass__(**kwargs)
        in_content = panel_field_names(getattr(cls, "content_panels", []))
        cls.promote_panels = [
            panel
            for panel in cls.promote_panels
            if getattr(panel, "field_name", None) not in in_content
        ]


def panel_field_names(panels):
    """The names of the fields the `panels` show, at any depth."""
    names = set()
    for panel in panels:
        if getattr(panel, "field_name", None):
            names.add(panel.field_name)
        names |= panel_field_names(getattr(panel, "children", ()))
    return names


class NetworkPageQuerySet(PageQuerySet):
    def private_q(self):
        """Wagtail's, from the cached list of view restrictions."""
        return private_q()


class BasePage(ListingMixin, Page):
    """The root of every page type of the network."""

    objects = PageManager.from_queryset(NetworkPageQuerySet)()

    # Search ranks a word in the title first (Wagtail's boost 2), then in the
    # summary (any boost, even below 1, weighs more than the text's none).
    search_fields = [*Page.search_fields, index.SearchField("summary", boost=0.5)]
    base_form_class = SitePageForm
    promote_panels = [*Page.promote_panels, *ListingMixin.listing_panels]

    class Meta:
        abstract = True

    @property
    def social_image(self):
        return self.listing_image

    def get_view_restrictions(self):
        """Wagtail's, without a query where the cached list shows that no
        restriction can apply (cms.cache.network)."""
        if network_data().possibly_restricted(self.path):
            return super().get_view_restrictions()
        return PageViewRestriction.objects.none()


def with_card_images(queryset, fields=("listing_image",)):
    """Fetch the card pictures and their renditions in two queries per field."""
    images = get_image_model().objects.prefetch_renditions(
        f"format-webp|{CARD_IMAGE}", f"format-jpeg|{CARD_IMAGE}"
    )
    return queryset.prefetch_related(
        *(Prefetch(name, queryset=images) for name in fields)
    )


class IndexPage(BasePage):
    """A section that lists its children, newest first, a page at a time."""

    per_page = 12
    tag_model = None
    image_fields = ("listing_image",)

    subpage_types = []
    max_count_per_parent = 1
    parent_page_types = SITE_HOME_TYPES

    class Meta:
        abstract = True

    def listing(self, language=None):
        """The live children to list, in `language` (default: this section's)
        by the rule of cms.i18n.listings."""
        raise NotImplementedError

    def tags(self):
        """The tags used by this section's live children, for the filter links."""
        if self.tag_model is None:
            return Tag.objects.none()
        used = self.tag_model.objects.filter(content_object__in=self.listing())
        return Tag.objects.filter(pk__in=used.values("tag_id")).order_by("name")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        items = self.listing()
        tag = request.GET.get("tag", "")
        if self.tag_model is not None and tag:
            items = items.filter(tags__slug=tag)
        items = with_card_images(items, self.image_fields)
        context["items"] = page_of(request, items, self.per_page)
        context["current_tag"] = tag
        return context


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

    @property
    def localized_draft(self):
        """As Wagtail's, from the translations the site bundle (cms.cache.sites)
        fetched with this home page, when it comes from there."""
        homes = self.__dict__.get("localized_homes")
        if homes is None:
            return super().localized_draft
        return homes.get(get_language(), self)
