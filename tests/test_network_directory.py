import json
from datetime import date

import pytest
from bs4 import BeautifulSoup

from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings

from groups.models import SupportingOrganisation
from home.models import GroupDirectoryPage
from streams.models import AwardedOrganisation, AwardScheme
from tests.factories import make_site

GROUPS = [
    ("Leeds", "city", "yorkshire", "working-towards", "53.8", "-1.55"),
    ("Hebden", "town", "yorkshire", "exploring", None, None),
    ("Cardiff", "city", "wales", "recognised", "51.48", "-3.18"),
]


def make_group(name, place_type, region, stage, lat=None, lon=None):
    facts = {"place_type": place_type, "region": region, "stage": stage}
    if stage == "recognised":
        facts["recognised_on"] = date(2015, 5, 1)
    if lat:
        facts.update(latitude=lat, longitude=lon)
    return make_site(name=name, hostname=f"{name.lower()}.localhost", **facts)


@pytest.fixture
def directory(national_site):
    page = GroupDirectoryPage(title="Find a group", slug="groups")
    national_site.root_page.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def groups(directory):
    return [make_group(*row) for row in GROUPS]


def get_directory(client, query=""):
    response = client.get(f"/groups/{query}", HTTP_HOST="localhost")
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def listed(soup):
    return [a.get_text(strip=True) for a in soup.select("ul.directory h2 a")]


def test_directory_lists_every_group_with_facts_and_a_link_to_its_site(
    client, groups, stream_site
):
    soup = get_directory(client)
    assert listed(soup) == ["Cardiff", "Hebden", "Leeds"]
    cardiff = soup.select("ul.directory li")[0]
    assert cardiff.a["href"] == "http://cardiff.localhost/"
    facts = cardiff.select_one(".meta").get_text(" ", strip=True)
    assert "City" in facts and "Wales" in facts and "Recognised" in facts
    assert "Schools of Sanctuary" not in listed(soup)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?q=lee", ["Leeds"]),
        ("?place_type=town", ["Hebden"]),
        ("?region=yorkshire", ["Hebden", "Leeds"]),
        ("?stage=recognised", ["Cardiff"]),
        ("?region=yorkshire&stage=exploring", ["Hebden"]),
        ("?q=nowhere", []),
    ],
)
def test_directory_filters_without_javascript(client, groups, query, expected):
    assert listed(get_directory(client, query)) == expected


def test_directory_shows_a_form_error_for_an_unknown_choice(client, groups):
    soup = get_directory(client, "?stage=<script>")
    assert soup.select_one(".errorlist")
    assert listed(soup) == ["Cardiff", "Hebden", "Leeds"]
    assert "<script>" not in str(soup.select_one("main"))


def test_unpublished_group_is_not_in_the_directory(client, groups):
    groups[0].root_page.unpublish()
    assert "Leeds" not in listed(get_directory(client))


def test_map_data_has_the_groups_with_coordinates_and_no_tiles_by_default(
    client, groups
):
    soup = get_directory(client)
    points = json.loads(soup.find(id="group-map-data").string)
    assert {p["name"] for p in points} == {"Leeds", "Cardiff"}
    assert points[0]["url"].startswith("http://")
    map_box = soup.find(id="group-map")
    assert map_box["data-tiles"] == ""
    assert "plain background" in map_box.find_next("p").get_text()
    scripts = [s["src"] for s in soup.find_all("script", src=True)]
    assert "/static/vendor/leaflet/leaflet.js" in scripts
    assert all(not src.startswith(("http:", "https:", "//")) for src in scripts)


@override_settings(NETWORK_MAP_TILES_URL="https://tiles.example.org/{z}/{x}/{y}.png")
def test_map_tiles_come_from_the_setting(client, groups):
    soup = get_directory(client)
    assert soup.find(id="group-map")["data-tiles"].startswith("https://tiles.example")
    assert "plain background" not in soup.get_text()


def count_queries(client, path):
    client.get(path, HTTP_HOST="localhost")
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path, HTTP_HOST="localhost").status_code == 200
    return len(queries)


def test_directory_and_home_queries_do_not_grow_with_the_number_of_groups(
    client, groups
):
    small = {path: count_queries(client, path) for path in ("/groups/", "/")}
    for number in range(27):
        make_group(f"Town{number}", "town", "east", "exploring", "52.1", "0.5")
    large = {path: count_queries(client, path) for path in ("/groups/", "/")}
    assert len(listed(get_directory(client))) == 30
    assert large == small


def figures_on_home(client):
    soup = BeautifulSoup(client.get("/", HTTP_HOST="localhost").content, "html.parser")
    return {
        div.dt.get_text(strip=True): div.dd.get_text(strip=True)
        for div in soup.select(".figure-list div")
    }


def test_home_shows_network_figures_computed_from_the_data(
    client, national_site, groups, stream_site
):
    leeds = groups[0]
    for name, status in [("Food bank", "approved"), ("Pending club", "pending")]:
        SupportingOrganisation.objects.create(
            site=leeds,
            name=name,
            contact_name="A",
            contact_email="a@example.org",
            status=status,
        )
    scheme = AwardScheme.objects.create(site=stream_site, name="School of Sanctuary")
    AwardedOrganisation.objects.create(
        scheme=scheme, name="Hill School", place="Leeds", awarded_on=date(2024, 1, 1)
    )
    AwardedOrganisation.objects.create(
        scheme=scheme,
        name="Lapsed School",
        place="Leeds",
        awarded_on=date(2019, 1, 1),
        renew_by=date(2022, 1, 1),
    )
    assert figures_on_home(client) == {
        "Groups": "3",
        "Recognised places of sanctuary": "1",
        "Supporting organisations": "1",
        "Sanctuary awards": "1",
        "Languages in use": "1",
    }
    make_group("Newport", "city", "wales", "recognised")
    figures = figures_on_home(client)
    assert (figures["Groups"], figures["Recognised places of sanctuary"]) == ("4", "2")
