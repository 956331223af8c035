"""Stories of sanctuary: people telling their experience in their own voice."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from cms.blocks import BodyBlock

from .base import BasePage


class StoryQuerySet(PageQuerySet):
    def consented(self):
        """Stories whose storyteller's consent is recorded and not withdrawn."""
        return self.filter(
            consent_given_on__isnull=False, consent_withdrawn_on__isnull=True
        )

    def network_visible(self):
        """Live, consented stories that may appear beyond their own site."""
        return self.live().public().consented().filter(network_display=True)


class StoryIndexPage(BasePage):
    parent_page_types = [
        "home.HomePage",
        "groups.GroupHomePage",
        "streams.StreamHomePage",
    ]
    subpage_types = ["cms.StoryPage"]
    max_count_per_parent = 1

    def stories(self):
        return (
            StoryPage.objects.child_of(self)
            .live()
            .consented()
            .order_by("-first_published_at")
        )


class StoryPage(BasePage):
    storyteller = models.CharField(
        _("storyteller's name or pseudonym"),
        max_length=120,
        help_text=_("Use a made-up name unless the storyteller asked for their own."),
    )
    body = StreamField(BodyBlock(), blank=True)
    consent_given_on = models.DateField(
        _("consent given on"),
        null=True,
        blank=True,
        help_text=_("The day the storyteller agreed to share this story."),
    )
    consent_method = models.CharField(
        _("how consent was given"),
        max_length=200,
        blank=True,
        help_text=_("For example: signed form, recorded voice message, email."),
    )
    consent_recorded_by = models.CharField(
        _("consent recorded by"),
        max_length=120,
        blank=True,
        help_text=_("The name of the volunteer who recorded the consent."),
    )
    consent_withdrawn_on = models.DateField(
        _("consent withdrawn on"),
        null=True,
        blank=True,
        help_text=_("Set this if the storyteller takes their consent back."),
    )
    network_display = models.BooleanField(
        _("may appear beyond this site"),
        default=False,
        help_text=_(
            "Tick only if the storyteller agreed that the story may appear on "
            "network pages and in search engines."
        ),
    )

    objects = PageManager.from_queryset(StoryQuerySet)()

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("body"),
        index.FilterField("network_display"),
        index.FilterField("consent_given_on"),
        index.FilterField("consent_withdrawn_on"),
    ]
    content_panels = [
        *BasePage.content_panels,
        FieldPanel("storyteller"),
        FieldPanel("summary"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("consent_given_on"), FieldPanel("consent_withdrawn_on")]
                ),
                FieldPanel("consent_method"),
                FieldPanel("consent_recorded_by"),
                FieldPanel("network_display"),
            ],
            _("Consent"),
        ),
    ]
    parent_page_types = ["cms.StoryIndexPage"]
    subpage_types = []
