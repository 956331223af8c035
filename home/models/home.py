"""The national site's home page and the network figures it shows."""

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page

from cms.models import SiteHomePage
from cms.models.base import SHARED_SECTION_TYPES
from groups.models import GroupHomePage, Stage, SupportingOrganisation
from streams.models import AwardedOrganisation

NATIONAL_SECTION_TYPES = [
    "home.GroupDirectoryPage",
    "home.NetworkPage",
    "home.DeclarationPage",
]


def network_figures():
    """Counted from the data, never typed in: [(label, number)]."""
    groups = (
        GroupHomePage.objects.live()
        .filter(sites_rooted_here__isnull=False)
        .aggregate(
            total=Count("pk", distinct=True),
            recognised=Count("pk", filter=Q(stage=Stage.RECOGNISED), distinct=True),
        )
    )
    languages = Page.objects.live().values("locale").distinct().count()
    return [
        (_("groups"), groups["total"]),
        (_("recognised places of sanctuary"), groups["recognised"]),
        (
            _("supporting organisations"),
            SupportingOrganisation.objects.approved().count(),
        ),
        (_("sanctuary awards"), AwardedOrganisation.objects.current().count()),
        (_("languages in use"), languages),
    ]


class HomePage(SiteHomePage):
    """The national site's home page."""

    max_count = 1
    template = "home/home_page.html"
    subpage_types = SHARED_SECTION_TYPES + NATIONAL_SECTION_TYPES

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["figures"] = network_figures()
        return context
