"""Each public page renders in at most 12 queries, uncached, however long its list
and however many sites the network has."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Page, Site, get_page_models

from groups.models import GroupHomePage, SupportersPage, SupportingOrganisation
from streams.models import AwardedOrganisation, AwardScheme, AwardsPage
from tests import content
from tests.security.xss import corpus_sites, place

HOST = "sheffield.localhost"
MAX_QUERIES = 12


def count_queries(client, path, host=HOST):
    client.get(path, HTTP_HOST=host)  # warm the per-process caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, HTTP_HOST=host)
    assert response.status_code == 200
    return len(queries)


def add_inspirations(site, start, stop):
    for n in range(start, stop):
        picture = content.make_image(f"Card {n}")
        content.add_inspiration(
            site, f"Idea {n}", tags=[f"t{n}"], listing_image=picture
        )


def add_news(site, start, stop):
    for n in range(start, stop):
        content.add_news(site, f"News {n}", days_ago=n, tags=["local"])


def add_events(site, start, stop):
    for n in range(start, stop):
        content.add_event(site, f"Event {n}", days_ahead=n + 1)


def add_stories(site, start, stop):
    for n in range(start, stop):
        portrait = content.make_image(f"Portrait {n}")
        content.add_story(
            site,
            f"Story {n}",
            portrait=portrait,
            hide_face=n % 2 == 0,
            photo_permission=True,
        )


def add_resources(site, start, stop):
    for n in range(start, stop):
        content.add_resource(site, f"Resource {n}", tags=["kit"])


@pytest.mark.parametrize(
    ("path", "add"),
    [
        ("/inspirations/", add_inspirations),
        ("/news/", add_news),
        ("/events/", add_events),
        ("/stories/", add_stories),
        ("/resources/", add_resources),
    ],
)
def test_index_pages_do_not_grow_with_their_children(client, group_site, path, add):
    add(group_site, 0, 2)
    with_two = count_queries(client, path)
    add(group_site, 2, 12)
    with_twelve = count_queries(client, path)
    soup = content.soup(client.get(path, HTTP_HOST=HOST))
    assert len(soup.select(".card")) == 12
    assert with_twelve == with_two <= MAX_QUERIES


def test_supporters_page_does_not_grow_with_supporters(client, group_site):
    content.publish(group_site.root_page, SupportersPage(title="Supporters"))

    def add(start, stop):
        SupportingOrganisation.objects.bulk_create(
            SupportingOrganisation(
                site=group_site,
                name=f"Org {n}",
                status="approved",
                contact_name="Jo",
                contact_email="jo@example.org",
            )
            for n in range(start, stop)
        )

    add(0, 2)
    with_two = count_queries(client, "/supporters/")
    add(2, 12)
    assert count_queries(client, "/supporters/") == with_two <= MAX_QUERIES
    assert count_queries(client, "/") <= MAX_QUERIES


def test_awards_page_does_not_grow_with_awards(client, stream_site):
    content.publish(stream_site.root_page, AwardsPage(title="Awards"))
    scheme = AwardScheme.objects.create(site=stream_site, name="Schools")

    def add(start, stop):
        AwardedOrganisation.objects.bulk_create(
            AwardedOrganisation(
                scheme=scheme,
                name=f"School {n}",
                place="Leeds",
                awarded_on="2024-01-01",
            )
            for n in range(start, stop)
        )

    add(0, 2)
    with_two = count_queries(client, "/awards/", "schools.localhost")
    add(2, 12)
    with_twelve = count_queries(client, "/awards/", "schools.localhost")
    assert with_twelve == with_two <= MAX_QUERIES


def test_detail_pages_render_in_a_bounded_number_of_queries(client, group_site):
    pages = [
        content.add_inspiration(group_site, "Idea", tags=["a", "b"]),
        content.add_news(group_site, "News", tags=["a"]),
        content.add_event(group_site, "Event"),
        content.add_story(
            group_site,
            "Story",
            portrait=content.make_image("P"),
            photo_permission=True,
        ),
        content.add_resource(group_site, "Kit"),
        content.charter_page(group_site),
    ]
    for page in pages:
        assert count_queries(client, page.url) <= MAX_QUERIES, page.title
    assert count_queries(client, "/get-involved/") <= MAX_QUERIES
    assert count_queries(client, "/about/") <= MAX_QUERIES


def one_page_of_each_type():
    """A national, a group and a stream site with a live page of every type."""
    sites = corpus_sites()
    content.add_story(sites[0], "A story", network_display=True)
    content.add_news(sites[0], "Local news")
    content.add_event(sites[0], "A meeting")
    content.add_inspiration(sites[0], "A welcome meal")
    for model in get_page_models():
        page, parent = place(model, sites)
        if parent is not None:
            page.title = f"A {model._meta.verbose_name}"
            content.publish(parent, page)
    return sites


def public_addresses():
    """(label, host, path): every live page, then search, feeds and a translation."""
    hosts = dict(Site.objects.values_list("pk", "hostname"))
    found = []
    for page in Page.objects.live().filter(depth__gt=1).specific():
        site_id, _root, path = page.get_url_parts()
        found.append((type(page).__name__, hosts[site_id], path))
    found += [
        ("national search", "localhost", "/search/?q=news"),
        ("site search", HOST, "/search/?q=news"),
        ("news feed", HOST, "/feeds/news.rss"),
        ("events feed", HOST, "/feeds/events.ics"),
        ("sitemap", HOST, "/sitemap.xml"),
        ("network calendar", "localhost", "/a-network-wide-page/calendar/"),
        ("Arabic group home", HOST, "/ar/"),
    ]
    return found


def add_group_sites(count):
    root = Page.get_first_root_node()
    for n in range(count):
        home = root.add_child(instance=GroupHomePage(title=f"Town {n}", slug=f"t{n}"))
        Site.objects.create(hostname=f"town-{n}.localhost", root_page=home)


def test_every_public_page_takes_at_most_12_queries_at_3_and_300_sites(client, db):
    one_page_of_each_type()
    addresses = public_addresses()
    shown = {label for label, _host, _path in addresses}
    assert {model.__name__ for model in get_page_models()} - {"Page"} <= shown
    with_three = {
        (label, path): count_queries(client, path, host)
        for label, host, path in addresses
    }
    assert max(with_three.values()) <= MAX_QUERIES, with_three
    add_group_sites(297)
    assert Site.objects.count() == 300
    with_300 = {
        (label, path): count_queries(client, path, host)
        for label, host, path in addresses
    }
    assert with_300 == with_three
