"""Demo content for the national team's features; idempotent by slug."""

from datetime import date, timedelta

from django.utils import timezone
from django.utils.text import slugify

from wagtail.models import Site

from cms.models import (
    EventIndexPage,
    EventPage,
    InspirationIndexPage,
    InspirationPage,
    NewsIndexPage,
    StoryIndexPage,
    StoryPage,
)
from home.models import (
    DeclarationPage,
    GroupDirectoryPage,
    NetworkNewsPage,
    NetworkPage,
    Syndication,
)

NEWS = [
    ("Sanctuary summit dates announced", Syndication.ALL, {}, 3),
    ("New handbook for starting a group", Syndication.GROUPS, {}, 10),
    (
        "Yorkshire groups meet in Hull",
        Syndication.REGIONS,
        {"regions": ["yorkshire"]},
        20,
    ),
    (
        "Award scheme refreshed for schools",
        Syndication.SITES,
        {"sites": ["schools.localhost"]},
        30,
    ),
]
CONTENT = {
    "sheffield.localhost": (
        "A welcome meal every Friday",
        "Finding my voice on the radio",
    ),
    "bristol.localhost": ("Myth-busting drinks mats", "From Eritrea to Bristol"),
    "schools.localhost": ("A welcome assembly", None),
    "wales.localhost": (
        "Language café in Cardiff",
        "Learning Welsh as a new Welsh speaker",
    ),
}


def _add(parent, page):
    page.slug = page.slug or slugify(page.title)
    existing = type(page).objects.child_of(parent).filter(slug=page.slug).first()
    if existing:
        return existing, False
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page, True


def _child(site, model):
    return model.objects.child_of(site.root_page).first()


def seed_national(national):
    home = national.root_page
    _add(
        home,
        GroupDirectoryPage(title="Find a group", slug="groups", show_in_menus=True),
    )
    _add(
        home,
        NetworkPage(title="Across the network", slug="network", show_in_menus=True),
    )
    _add(
        home,
        DeclarationPage(
            title="The Birmingham Declaration",
            slug="birmingham-declaration",
            intro="Agreed at the first Sanctuary Summit in 2014.",
        ),
    )
    index = _child(national, NewsIndexPage)
    for title, syndication, choice, days_ago in NEWS:
        page = NetworkNewsPage(
            title=title,
            date=date.today() - timedelta(days=days_ago),
            summary=f"{title}: news from the national team.",
            syndication=syndication,
            syndicated_regions=choice.get("regions", []),
        )
        page, created = _add(index, page)
        if created and choice.get("sites"):
            page.syndicated_sites.set(Site.objects.filter(hostname__in=choice["sites"]))
            page.save_revision().publish()


def seed_site_content():
    for number, (hostname, (idea, story)) in enumerate(CONTENT.items()):
        site = Site.objects.filter(hostname=hostname).first()
        if site is None:
            continue
        _add(
            _child(site, InspirationIndexPage),
            InspirationPage(title=idea, summary=idea),
        )
        start = timezone.now().replace(minute=0, second=0) + timedelta(days=7 + number)
        event = EventPage(
            title=f"Welcome gathering in {site.site_name}",
            start=start,
            end=start + timedelta(hours=2),
            venue="Community hall",
        )
        _add(_child(site, EventIndexPage), event)
        if story:
            _add(
                _child(site, StoryIndexPage),
                StoryPage(
                    title=story,
                    storyteller="A.",
                    consent_given_on=date(2025, 3, 1),
                    consent_method="Signed form",
                    consent_recorded_by="Demo volunteer",
                    consent_web=True,
                    network_display=True,
                ),
            )


def seed_demo_national():
    national = Site.objects.filter(is_default_site=True).first()
    if national is None:
        return
    seed_national(national)
    seed_site_content()
