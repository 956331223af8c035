"""General page types: standard pages, the charter page and form pages."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from cms.access.media import SiteFormPageForm
from cms.blocks import BodyBlock

from .base import SITE_HOME_TYPES, BasePage, ListingMixin
from .charter import (
    CharterPart,
    CharterStatement,
    DeclarationPrinciple,
    in_active_locale,
)


class StandardPage(BasePage):
    """A plain page of text and pictures: about us, how to help, contact."""

    body = StreamField(BodyBlock(), blank=True)

    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    subpage_types = ["cms.StandardPage", "cms.FormPage"]


class CharterPage(BasePage):
    """The network charter, with this site's own local commitments beside it."""

    local_commitments = StreamField(
        BodyBlock(),
        blank=True,
        help_text=_("What your group promises to do, in your own words."),
    )

    search_fields = [*BasePage.search_fields, index.SearchField("local_commitments")]
    content_panels = [*BasePage.content_panels, FieldPanel("local_commitments")]
    parent_page_types = SITE_HOME_TYPES
    subpage_types = []
    max_count_per_parent = 1

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        statements = in_active_locale(CharterStatement.objects.all())
        context["charter"] = {
            part.value: [s for s in statements if s.part == part.value]
            for part in CharterPart
        }
        context["declaration"] = in_active_locale(DeclarationPrinciple.objects.all())
        return context


class FormField(AbstractFormField):
    page = ParentalKey("FormPage", on_delete=models.CASCADE, related_name="form_fields")


class FormPage(ListingMixin, AbstractEmailForm):
    """A form people fill in: volunteer offers, contact, sign-up."""

    intro = RichTextField(blank=True, features=["bold", "italic", "link"])
    thank_you_text = RichTextField(blank=True, features=["bold", "italic", "link"])
    base_form_class = SiteFormPageForm
    retention_days = models.PositiveSmallIntegerField(
        _("keep submissions for (days)"),
        default=90,
        validators=[MinValueValidator(1), MaxValueValidator(730)],
        help_text=_("Older submissions are deleted every night. From 1 to 730 days."),
    )

    content_panels = [
        *AbstractEmailForm.content_panels,
        FormSubmissionsPanel(),
        FieldPanel("intro"),
        InlinePanel("form_fields", label=_("Form fields")),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
                FieldPanel("retention_days"),
            ],
            _("Email notification"),
        ),
    ]
    promote_panels = [*AbstractEmailForm.promote_panels, *ListingMixin.listing_panels]
    parent_page_types = [*SITE_HOME_TYPES, "cms.StandardPage"]
    subpage_types = []

    def render_email(self, form):
        """Say that someone wrote, never what: the words stay in the admin."""
        listing = reverse("wagtailforms:list_submissions", args=[self.pk])
        return _(
            'Someone filled in the form "%(title)s". For their privacy this '
            "email does not contain what they wrote; read it in the admin:\n%(link)s"
        ) % {"title": self.title, "link": settings.WAGTAILADMIN_BASE_URL + listing}
