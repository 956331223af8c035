"""Group sites: the home page of a place and the facts about it."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index

from cms.models import SiteHomePage
from cms.models.base import SHARED_SECTION_TYPES

from .supporters import SupportingOrganisation


class PlaceType(models.TextChoices):
    VILLAGE = "village", _("Village")
    TOWN = "town", _("Town")
    CITY = "city", _("City")
    REGION = "region", _("Region")
    NATION = "nation", _("Nation")


class Region(models.TextChoices):
    NORTH_EAST = "north-east", _("North East")
    NORTH_WEST = "north-west", _("North West")
    YORKSHIRE = "yorkshire", _("Yorkshire and the Humber")
    EAST_MIDLANDS = "east-midlands", _("East Midlands")
    WEST_MIDLANDS = "west-midlands", _("West Midlands")
    EAST = "east", _("East of England")
    LONDON = "london", _("London")
    SOUTH_EAST = "south-east", _("South East")
    SOUTH_WEST = "south-west", _("South West")
    WALES = "wales", _("Wales")
    SCOTLAND = "scotland", _("Scotland")
    NORTHERN_IRELAND = "northern-ireland", _("Northern Ireland")


class Stage(models.TextChoices):
    EXPLORING = "exploring", _("Exploring")
    WORKING_TOWARDS = "working-towards", _("Working towards recognition")
    RECOGNISED = "recognised", _("Recognised")


class GroupHomePage(SiteHomePage):
    """The home page of a village, town, city, region or nation group."""

    place_type = models.CharField(
        _("kind of place"),
        max_length=20,
        choices=PlaceType.choices,
        default=PlaceType.CITY,
    )
    region = models.CharField(
        _("region"), max_length=20, choices=Region.choices, blank=True
    )
    stage = models.CharField(
        _("stage"),
        max_length=20,
        choices=Stage.choices,
        default=Stage.EXPLORING,
        help_text=_("Where your group is on the way to recognition."),
    )
    recognised_on = models.DateField(
        _("recognised on"),
        null=True,
        blank=True,
        help_text=_("The date your place was recognised, if it has been."),
    )
    latitude = models.DecimalField(
        max_digits=8, decimal_places=5, null=True, blank=True
    )
    longitude = models.DecimalField(
        max_digits=8, decimal_places=5, null=True, blank=True
    )
    contact_name = models.CharField(_("contact person"), max_length=120, blank=True)

    search_fields = [*SiteHomePage.search_fields, index.FilterField("stage")]
    subpage_types = [*SHARED_SECTION_TYPES, "groups.SupportersPage"]
    content_panels = [
        *SiteHomePage.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("place_type"), FieldPanel("region")]),
                FieldRowPanel([FieldPanel("stage"), FieldPanel("recognised_on")]),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
                FieldPanel("contact_name"),
            ],
            _("About your group"),
        ),
    ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        site = self.get_site()
        context["supporter_count"] = (
            SupportingOrganisation.objects.on_site(site).approved().count()
        )
        return context

    def clean(self):
        super().clean()
        if self.stage == Stage.RECOGNISED and not self.recognised_on:
            raise ValidationError(
                {"recognised_on": _("Give the date your place was recognised.")}
            )
