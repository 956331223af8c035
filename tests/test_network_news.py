from datetime import date

import pytest
from bs4 import BeautifulSoup

from django.urls import reverse

from cms.models import NewsIndexPage, NewsPage
from home.models import NetworkNewsPage, Syndication, SyndicationChoice
from tests.factories import make_member


def news_index(site):
    return NewsIndexPage.objects.child_of(site.root_page).get()


def publish_network_news(national, title, syndication=Syndication.ALL, **fields):
    sites = fields.pop("sites", [])
    page = NetworkNewsPage(
        title=title, syndication=syndication, date=fields.pop("date", date.today())
    )
    for name, value in fields.items():
        setattr(page, name, value)
    news_index(national).add_child(instance=page)
    page.syndicated_sites.set(sites)
    page.save_revision().publish()
    return page


def publish_local_news(site, title, day):
    page = NewsPage(title=title, date=day)
    news_index(site).add_child(instance=page)
    page.save_revision().publish()
    return page


def news_titles(client, site, path="/"):
    response = client.get(path, HTTP_HOST=site.hostname)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return [
        a.get_text(strip=True) for a in soup.select("article.card h2 a, .card h3 a")
    ]


@pytest.fixture
def network(national_site, group_site, other_group_site, stream_site):
    sheffield = group_site.root_page.specific
    sheffield.region = "yorkshire"
    sheffield.save_revision().publish()
    bristol = other_group_site.root_page.specific
    bristol.region = "south-west"
    bristol.save_revision().publish()
    return {
        "national": national_site,
        "sheffield": group_site,
        "bristol": other_group_site,
        "schools": stream_site,
    }


@pytest.mark.parametrize(
    ("syndication", "fields", "expected"),
    [
        (Syndication.NONE, {}, set()),
        (Syndication.ALL, {}, {"sheffield", "bristol", "schools"}),
        (Syndication.GROUPS, {}, {"sheffield", "bristol"}),
        (Syndication.STREAMS, {}, {"schools"}),
        (Syndication.REGIONS, {"syndicated_regions": ["yorkshire"]}, {"sheffield"}),
        (Syndication.SITES, {"sites": ["bristol", "schools"]}, {"bristol", "schools"}),
    ],
)
def test_network_news_shows_on_exactly_the_chosen_sites(
    client, network, syndication, fields, expected
):
    if "sites" in fields:
        fields["sites"] = [network[name] for name in fields["sites"]]
    publish_network_news(network["national"], "Summit announced", syndication, **fields)
    for name in ("sheffield", "bristol", "schools"):
        on_home = "Summit announced" in news_titles(client, network[name])
        on_index = "Summit announced" in news_titles(client, network[name], "/news/")
        assert (on_home, on_index) == (name in expected,) * 2, name


def test_syndicated_news_links_to_the_canonical_national_page_and_is_marked(
    client, network
):
    publish_network_news(network["national"], "Refugee Week")
    soup = BeautifulSoup(
        client.get("/news/", HTTP_HOST="sheffield.localhost").content, "html.parser"
    )
    card = soup.select_one("article.card--network")
    assert card.a["href"] == "http://localhost/news/refugee-week/"
    assert "Network news" in card.select_one(".meta").get_text()


def test_network_and_local_news_are_merged_newest_first(client, network):
    publish_local_news(network["sheffield"], "Local old", date(2024, 1, 1))
    publish_network_news(network["national"], "Network middle", date=date(2024, 6, 1))
    publish_local_news(network["sheffield"], "Local new", date(2025, 1, 1))
    titles = news_titles(client, network["sheffield"], "/news/")
    assert titles == ["Local new", "Network middle", "Local old"]


def test_unpublishing_removes_network_news_everywhere(client, network):
    page = publish_network_news(network["national"], "Withdrawn item")
    assert "Withdrawn item" in news_titles(client, network["bristol"])
    page.unpublish()
    for name in ("sheffield", "bristol", "schools"):
        assert "Withdrawn item" not in news_titles(client, network[name])
        assert "Withdrawn item" not in news_titles(client, network[name], "/news/")


def test_network_news_can_only_be_created_under_the_national_news_index(network):
    assert NetworkNewsPage.can_create_at(news_index(network["national"]))
    assert not NetworkNewsPage.can_create_at(news_index(network["sheffield"]))
    assert not NetworkNewsPage.can_create_at(network["national"].root_page)


def test_home_page_news_is_cheap_whatever_the_network_size(
    client, network, django_assert_max_num_queries
):
    for number in range(6):
        publish_network_news(network["national"], f"Item {number}")
    client.get("/", HTTP_HOST="sheffield.localhost")
    with django_assert_max_num_queries(25):
        client.get("/", HTTP_HOST="sheffield.localhost")


def test_moderator_hides_and_pins_network_news_on_their_own_site_only(client, network):
    old = publish_network_news(network["national"], "Old", date=date(2020, 1, 1))
    hidden = publish_network_news(network["national"], "Hidden here")
    moderator = make_member(network["sheffield"], "moderator")
    client.force_login(moderator)
    url = reverse("change_network_news_choice", args=[network["sheffield"].pk, old.pk])
    assert client.post(url, {"action": "pin"}).status_code == 302
    url = reverse(
        "change_network_news_choice", args=[network["sheffield"].pk, hidden.pk]
    )
    client.post(url, {"action": "hide"})
    client.logout()
    assert news_titles(client, network["sheffield"])[:1] == ["Old"]
    assert "Hidden here" not in news_titles(client, network["sheffield"], "/news/")
    assert news_titles(client, network["bristol"])[:2] == ["Hidden here", "Old"]


def test_moderator_cannot_see_or_change_another_sites_choices(client, network):
    item = publish_network_news(network["national"], "Bristol keeps this")
    bristol = network["bristol"]
    SyndicationChoice.objects.create(site=bristol, news=item, pinned=True)
    client.force_login(make_member(network["sheffield"], "moderator"))
    listing = client.get(reverse("network_news_choices", args=[bristol.pk]))
    assert listing.status_code == 404
    response = client.post(
        reverse("change_network_news_choice", args=[bristol.pk, item.pk]),
        {"action": "hide"},
    )
    assert response.status_code == 404
    choice = SyndicationChoice.objects.get(site=bristol, news=item)
    assert (choice.hidden, choice.pinned) == (False, True)


def test_moderator_listing_shows_only_news_syndicated_to_their_site(client, network):
    publish_network_news(network["national"], "For schools", Syndication.STREAMS)
    publish_network_news(network["national"], "For groups", Syndication.GROUPS)
    client.force_login(make_member(network["sheffield"], "moderator"))
    response = client.get(reverse("network_news_sites"), follow=True)
    rows = BeautifulSoup(response.content, "html.parser").select(
        "tbody tr td:first-child"
    )
    assert [td.get_text(strip=True) for td in rows] == ["For groups"]


def test_editor_of_a_site_cannot_open_the_hide_and_pin_screen(client, network):
    client.force_login(make_member(network["sheffield"], "editor"))
    site_id = network["sheffield"].pk
    for url in (
        reverse("network_news_sites"),
        reverse("network_news_choices", args=[site_id]),
    ):
        response = client.get(url)
        assert response.status_code == 302
        assert response.url == reverse("wagtailadmin_home")


def test_hiding_news_not_syndicated_to_the_site_is_refused(client, network):
    item = publish_network_news(
        network["national"], "Streams only", Syndication.STREAMS
    )
    client.force_login(make_member(network["sheffield"], "moderator"))
    url = reverse("change_network_news_choice", args=[network["sheffield"].pk, item.pk])
    assert client.post(url, {"action": "hide"}).status_code == 404
    assert not SyndicationChoice.objects.exists()


def test_unknown_action_is_refused(client, network):
    item = publish_network_news(network["national"], "Item")
    client.force_login(make_member(network["sheffield"], "moderator"))
    url = reverse("change_network_news_choice", args=[network["sheffield"].pk, item.pk])
    assert client.post(url, {"action": "delete"}).status_code == 404


def test_news_index_pages_keep_network_news_between_the_right_dates(client, network):
    for month in range(1, 14):
        day = date(2023, 1, 1) if month == 13 else date(2024, month, 1)
        publish_local_news(network["sheffield"], f"Local {month:02}", day)
    publish_network_news(network["national"], "Network May", date=date(2024, 5, 15))
    publish_network_news(network["national"], "Network oldest", date=date(2022, 1, 1))
    first = news_titles(client, network["sheffield"], "/news/")
    second = news_titles(client, network["sheffield"], "/news/?page=2")
    assert first[:2] == ["Local 12", "Local 11"]
    assert first.index("Network May") == first.index("Local 06") + 1
    assert first.index("Network May") == first.index("Local 05") - 1
    assert "Network oldest" not in first
    assert second == ["Local 13", "Network oldest"]


def test_tag_filtered_news_index_shows_only_local_tagged_news(client, network):
    local = publish_local_news(network["sheffield"], "Tagged local", date(2024, 1, 1))
    local.tags.add("welcome")
    local.save_revision().publish()
    publish_network_news(network["national"], "Untagged network")
    titles = news_titles(client, network["sheffield"], "/news/?tag=welcome")
    assert titles == ["Tagged local"]
