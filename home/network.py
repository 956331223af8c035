"""Content gathered from every site of the network, in a fixed number of queries."""

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page, Site

from cms.i18n.listings import below, in_language
from cms.models import EventPage, InspirationPage, StoryPage

KINDS = {
    "story": _("Story of sanctuary"),
    "inspiration": _("Inspiration"),
    "event": _("Event"),
}


def upcoming_events():
    return EventPage.objects.live().public().filter(end__gte=timezone.now())


def network_sources():
    return {
        "story": StoryPage.objects.network_visible(),
        "inspiration": InspirationPage.objects.live().public(),
        "event": upcoming_events(),
    }


in_active_language = in_language  # the name home sections know it by


def network_items(kind="", site=None):
    """Live pages of the chosen kind (all kinds if empty), newest first, specific."""
    sources = network_sources()
    chosen = [sources[kind]] if kind else sources.values()
    wanted = Q()
    for queryset in chosen:
        wanted |= Q(pk__in=queryset.values("pk"))
    pages = Page.objects.filter(wanted)
    if site is not None:
        pages = pages.filter(below(site.root_page))
    return in_language(pages).order_by("-first_published_at").specific()


class SiteLabels:
    """Which site a page belongs to, from one query for all sites."""

    def __init__(self):
        sites = Site.objects.select_related("root_page").order_by("-root_page__depth")
        self.roots = [(site.root_page.path, site.site_name) for site in sites]

    def __call__(self, page):
        for path, name in self.roots:
            if page.path.startswith(path):
                return name
        return ""


def kind_of(page):
    name = type(page).__name__
    return {"StoryPage": "story", "InspirationPage": "inspiration"}.get(name, "event")
