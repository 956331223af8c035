from datetime import date, timedelta

import pytest
from bs4 import BeautifulSoup
from icalendar import Calendar

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.models import PageViewRestriction

from cms.models import (
    EventIndexPage,
    EventPage,
    InspirationIndexPage,
    InspirationPage,
    StoryIndexPage,
    StoryPage,
)
from home.models import NetworkPage
from tests.factories import make_site


def publish(index_model, site, page):
    index_model.objects.child_of(site.root_page).get().add_child(instance=page)
    page.save_revision().publish()
    return page


def story(site, title, **consent):
    fields = {
        "storyteller": "Amal",
        "consent_given_on": date(2024, 1, 1),
        "consent_method": "Signed form",
        "consent_recorded_by": "Sheffield coordinator",
        "consent_web": True,
        "network_display": True,
        **consent,
    }
    return publish(StoryIndexPage, site, StoryPage(title=title, **fields))


def inspiration(site, title):
    return publish(InspirationIndexPage, site, InspirationPage(title=title))


def event(site, title, days=10):
    start = timezone.now() + timedelta(days=days)
    page = EventPage(
        title=title, start=start, end=start + timedelta(hours=2), venue="Town hall"
    )
    return publish(EventIndexPage, site, page)


@pytest.fixture
def network_page(national_site):
    page = NetworkPage(title="Across the network", slug="network")
    national_site.root_page.add_child(instance=page)
    page.save_revision().publish()
    return page


def listed(client, query=""):
    response = client.get(f"/network/{query}", HTTP_HOST="localhost")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return [a.get_text(strip=True) for a in soup.select("article.card h2 a")]


def test_network_page_gathers_content_from_every_site_newest_first(
    client, network_page, group_site, stream_site
):
    story(group_site, "Arriving in Sheffield")
    inspiration(stream_site, "A welcome assembly")
    event(group_site, "Refugee Week picnic")
    assert listed(client) == [
        "Refugee Week picnic",
        "A welcome assembly",
        "Arriving in Sheffield",
    ]


def test_network_page_leaves_out_stories_without_network_consent(
    client, network_page, group_site
):
    story(group_site, "Shared widely")
    story(group_site, "Only on Sheffield", network_display=False)
    story(group_site, "Consent withdrawn", consent_withdrawn_on=date(2025, 1, 1))
    draft = story(group_site, "Draft story")
    draft.unpublish()
    private = story(group_site, "Private story")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.LOGIN
    )
    past = event(group_site, "Last year's summit", days=-400)
    assert past.live
    assert listed(client) == ["Shared widely"]


def test_network_page_filters_by_site_and_type(
    client, network_page, group_site, stream_site
):
    story(group_site, "Sheffield story")
    inspiration(group_site, "Sheffield idea")
    inspiration(stream_site, "Schools idea")
    assert listed(client, f"?site={group_site.pk}") == [
        "Sheffield idea",
        "Sheffield story",
    ]
    assert listed(client, "?type=inspiration") == ["Schools idea", "Sheffield idea"]
    assert listed(client, f"?type=story&site={stream_site.pk}") == []


def test_bad_filter_values_give_a_form_error_not_a_server_error(
    client, network_page, group_site
):
    inspiration(group_site, "An idea")
    response = client.get("/network/?site=999999&type=spam", HTTP_HOST="localhost")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert len(soup.select(".errorlist")) == 2
    assert client.get("/network/?page=abc", HTTP_HOST="localhost").status_code == 200


def test_network_page_is_paginated(client, network_page, group_site):
    for number in range(23):
        inspiration(group_site, f"Idea {number:02}")
    first = listed(client)
    second = listed(client, "?page=2")
    assert len(first) == 20 and len(second) == 3
    assert first[0] == "Idea 22" and second[-1] == "Idea 00"


def test_network_events_feed_is_valid_icalendar_with_upcoming_events(
    client, network_page, group_site, stream_site
):
    event(group_site, "Sheffield summit", days=5)
    event(stream_site, "Schools celebration", days=20)
    event(group_site, "Old meeting", days=-30)
    response = client.get("/network/calendar/", HTTP_HOST="localhost")
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    events = calendar.walk("VEVENT")
    assert [str(e["summary"]) for e in events] == [
        "Sheffield summit",
        "Schools celebration",
    ]
    assert str(events[0]["url"]).startswith("http://sheffield.localhost/events/")
    assert str(events[0]["location"]) == "Town hall"
    only_schools = client.get(
        f"/network/calendar/?site={stream_site.pk}", HTTP_HOST="localhost"
    )
    schools_events = Calendar.from_ical(only_schools.content).walk("VEVENT")
    summaries = [str(e["summary"]) for e in schools_events]
    assert summaries == ["Schools celebration"]


def count_queries(client, path):
    client.get(path, HTTP_HOST="localhost")
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path, HTTP_HOST="localhost").status_code == 200
    return len(queries)


def test_network_pages_queries_do_not_grow_with_the_number_of_sites(
    client, network_page, national_site
):
    def add_site(number):
        site = make_site(name=f"Place {number}", hostname=f"place{number}.localhost")
        story(site, f"Story {number}")
        inspiration(site, f"Idea {number}")
        event(site, f"Event {number}")

    for number in range(3):
        add_site(number)
    paths = ("/network/", "/network/?type=event", "/network/calendar/")
    small = {path: count_queries(client, path) for path in paths}
    for number in range(3, 30):
        add_site(number)
    large = {path: count_queries(client, path) for path in paths}
    assert len(listed(client)) == 20
    assert large == small
