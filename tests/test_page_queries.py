"""Each public page renders in a bounded number of queries, however long its list."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from groups.models import SupportersPage, SupportingOrganisation
from streams.models import AwardedOrganisation, AwardScheme, AwardsPage
from tests import content

HOST = "sheffield.localhost"
MAX_QUERIES = 25


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
