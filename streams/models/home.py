"""Stream sites: the home page of a stream of sanctuary."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel

from cms.models import SiteHomePage
from cms.models.base import SHARED_SECTION_TYPES


class Sector(models.TextChoices):
    SCHOOLS = "schools", _("Schools")
    UNIVERSITIES = "universities", _("Universities")
    COLLEGES = "colleges", _("Colleges")
    MATERNITY = "maternity", _("Maternity")
    HEALTH = "health", _("Health")
    ARTS = "arts", _("Arts")
    LIBRARIES = "libraries", _("Libraries")
    THEATRE = "theatre", _("Theatre")
    SPORT = "sport", _("Sport")
    FAITH = "faith", _("Faith")
    LOCAL_GOVERNMENT = "local-government", _("Local government")


class StreamHomePage(SiteHomePage):
    """The home page of a stream of sanctuary, such as Schools of Sanctuary."""

    sector = models.CharField(_("sector"), max_length=30, choices=Sector.choices)

    content_panels = [*SiteHomePage.content_panels, FieldPanel("sector")]
    subpage_types = [*SHARED_SECTION_TYPES, "streams.AwardsPage"]
