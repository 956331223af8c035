"""Sanctuary Award schemes on stream sites, listed, filtered and site-scoped."""

from datetime import date

import pytest

from django.urls import reverse

from wagtail.test.utils.form_data import inline_formset, nested_form_data

from streams.models import AwardedOrganisation, AwardScheme, AwardsPage
from tests import content
from tests.factories import make_member, make_site

HOST = "schools.localhost"


@pytest.fixture
def other_stream_site(db):
    return make_site(
        kind="stream", name="Universities", hostname="unis.localhost", sector="arts"
    )


def scheme(site, name, *awards):
    made = AwardScheme.objects.create(site=site, name=name)
    for org, place, year, renewal in awards:
        AwardedOrganisation.objects.create(
            scheme=made,
            name=org,
            place=place,
            awarded_on=date(year, 6, 1),
            renew_by=date(renewal, 6, 1) if renewal else None,
        )
    return made


@pytest.fixture
def awards_page(stream_site):
    scheme(
        stream_site,
        "School of Sanctuary",
        ("Hillside Primary", "Sheffield", 2020, 2023),
        ("Riverside Academy", "Bristol", 2024, 2099),
    )
    scheme(stream_site, "Early years award", ("Little Acorns", "Sheffield", 2025, None))
    return content.publish(
        stream_site.root_page, AwardsPage(title="Awards", slug="awards")
    )


def rows(client, query=""):
    soup = content.soup(client.get(f"/awards/{query}", HTTP_HOST=HOST))
    return [row.th.get_text() for row in soup.select("table.awards tbody tr")]


def test_awards_page_lists_every_award_newest_first(client, awards_page):
    assert rows(client) == ["Little Acorns", "Riverside Academy", "Hillside Primary"]


def test_awards_filter_by_scheme_place_and_status(client, stream_site, awards_page):
    early = AwardScheme.objects.get(name="Early years award")
    assert rows(client, f"?scheme={early.pk}") == ["Little Acorns"]
    assert rows(client, "?place=bristol") == ["Riverside Academy"]
    assert rows(client, "?status=renewal-due") == ["Hillside Primary"]
    assert rows(client, "?status=current") == ["Little Acorns", "Riverside Academy"]


def test_awards_filter_refuses_another_streams_scheme(
    client, awards_page, other_stream_site
):
    theirs = scheme(other_stream_site, "University award", ("Uni", "Leeds", 2024, 0))
    soup = content.soup(client.get(f"/awards/?scheme={theirs.pk}", HTTP_HOST=HOST))
    assert soup.select(".errorlist")
    assert "Uni" not in [r.th.get_text() for r in soup.select("tbody tr")]


def scheme_form(site, name, awards=()):
    return nested_form_data(
        {
            "site": site.pk,
            "name": name,
            "description": "",
            "awards": inline_formset(list(awards)),
        }
    )


def test_stream_moderator_records_awards_for_own_stream(client, stream_site):
    moderator = make_member(stream_site, "moderator")
    client.force_login(moderator)
    award = {
        "name": "Hillside Primary",
        "place": "Sheffield",
        "awarded_on": "2025-06-01",
        "renew_by": "2028-06-01",
    }
    response = client.post(
        reverse("award_schemes:add"), scheme_form(stream_site, "Schools", [award])
    )
    assert response.status_code == 302
    made = AwardScheme.objects.get()
    assert (made.site, made.awards.get().name) == (stream_site, "Hillside Primary")


def test_stream_moderator_cannot_see_or_change_another_streams_awards(
    client, stream_site, other_stream_site
):
    moderator = make_member(stream_site, "moderator")
    theirs = scheme(other_stream_site, "University sentinel award")
    client.force_login(moderator)
    listing = client.get(reverse("award_schemes:index"))
    assert b"sentinel" not in listing.content
    edit = client.get(reverse("award_schemes:edit", args=[theirs.pk]))
    assert edit.status_code == 404  # like supporters and search promotions
    client.post(
        reverse("award_schemes:edit", args=[theirs.pk]),
        scheme_form(stream_site, "Stolen"),
    )
    client.post(reverse("award_schemes:delete", args=[theirs.pk]))
    theirs.refresh_from_db()
    assert (theirs.name, theirs.site) == (
        "University sentinel award",
        other_stream_site,
    )
