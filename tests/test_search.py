import datetime

import pytest
from bs4 import BeautifulSoup

from django.utils.html import escape

from wagtail.models import Locale, PageViewRestriction
from wagtail.rich_text import RichText

from cms.models import (
    NewsIndexPage,
    NewsPage,
    StandardPage,
    StoryIndexPage,
    StoryPage,
)


def section(site, model):
    return model.objects.descendant_of(site.root_page).get()


def body(text):
    return [("paragraph", RichText(f"<p>{escape(text)}</p>"))]


def publish_news(site, title, text="", summary="", live=True):
    page = NewsPage(title=title, summary=summary, body=body(text), live=live)
    section(site, NewsIndexPage).add_child(instance=page)
    if live:
        page.save_revision().publish()
    return page


def publish_story(site, title, consent=True, network=False, withdrawn=False):
    story = StoryPage(
        title=title,
        storyteller="Amal",
        summary=f"{title} told in her own words",
        consent_given_on=datetime.date(2024, 1, 1) if consent else None,
        consent_method="Signed form" if consent else "",
        consent_recorded_by="Sheffield coordinator" if consent else "",
        consent_web=consent,
        consent_withdrawn_on=datetime.date(2025, 1, 1) if withdrawn else None,
        network_display=network,
    )
    section(site, StoryIndexPage).add_child(instance=story)
    return story


def search(client, host, query="", path="/search/", **params):
    response = client.get(path, {"q": query, **params}, HTTP_HOST=host)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def titles(soup):
    return [a.get_text(strip=True) for a in soup.select(".search-result h3 a")]


@pytest.fixture
def network(national_site, group_site, other_group_site, stream_site):
    return national_site, group_site, other_group_site, stream_site


def test_page_published_on_a_site_is_found_there_and_nationally_only(client, network):
    _national, sheffield, _bristol, _schools = network
    publish_news(sheffield, "Welcome supper at the cathedral")

    assert titles(search(client, "sheffield.localhost", "supper")) == [
        "Welcome supper at the cathedral"
    ]
    assert titles(search(client, "bristol.localhost", "supper")) == []
    national = search(client, "localhost", "supper")
    assert titles(national) == ["Welcome supper at the cathedral"]
    assert national.select_one(".result-site").get_text(strip=True) == "Sheffield"


def test_result_shows_type_date_link_and_highlighted_excerpt(client, group_site):
    page = publish_news(
        group_site,
        "Language café opens",
        text="Every Friday the library hosts a language café for newcomers.",
    )
    soup = search(client, "sheffield.localhost", "library")
    result = soup.select_one(".search-result")
    assert result.h3.a["href"] == page.get_url()
    assert result.select_one(".result-type").get_text() == "News page"
    assert result.time["datetime"] == page.date.isoformat()
    assert [mark.get_text() for mark in result.select(".excerpt mark")] == ["library"]
    assert "hosts a language café" in result.select_one(".excerpt").get_text()


def test_search_is_scoped_to_the_current_language(client, national_site, group_site):
    english = publish_news(group_site, "Orchard picnic", text="orchard")
    arabic_locale = Locale.objects.get(language_code="ar")
    arabic = english.copy_for_translation(arabic_locale, copy_parents=True)
    arabic.title = "نزهة البستان orchard"
    arabic.save_revision().publish()
    for ancestor in arabic.get_ancestors().filter(depth__gte=2, live=False):
        ancestor.specific.save_revision().publish()

    assert titles(search(client, "sheffield.localhost", "orchard")) == [
        "Orchard picnic"
    ]
    assert titles(
        search(client, "sheffield.localhost", "orchard", path="/ar/search/")
    ) == ["نزهة البستان orchard"]
    national = search(client, "localhost", "orchard", language="ar")
    assert titles(national) == ["نزهة البستان orchard"]
    assert len(titles(search(client, "localhost", "orchard", language=""))) == 2


def test_drafts_and_unpublished_pages_are_never_found(
    client, national_site, group_site
):
    publish_news(group_site, "Harvest draft turnips", live=False)
    page = publish_news(group_site, "Harvest festival")
    page.title = "Harvest festival with turnips"
    page.save_revision()
    retired = publish_news(group_site, "Harvest retired turnips")
    retired.unpublish()

    for host in ("sheffield.localhost", "localhost"):
        assert titles(search(client, host, "turnips")) == []
        assert titles(search(client, host, "harvest")) == ["Harvest festival"]


def test_private_pages_are_never_found(client, national_site, group_site):
    publish_news(group_site, "Members only rota")
    group_site.root_page.add_child(instance=StandardPage(title="Public rota"))
    PageViewRestriction.objects.create(
        page=section(group_site, NewsIndexPage),
        restriction_type=PageViewRestriction.PASSWORD,
        password="volunteers",
    )
    for host in ("sheffield.localhost", "localhost"):
        assert titles(search(client, host, "rota")) == ["Public rota"]


def test_stories_respect_consent_on_their_site_and_across_the_network(
    client, national_site, group_site
):
    publish_story(group_site, "Crossing river local", consent=True)
    publish_story(group_site, "Crossing river shared", consent=True, network=True)
    publish_story(group_site, "Crossing river withdrawn", network=True, withdrawn=True)
    publish_story(group_site, "Crossing river unconsented", consent=False, network=True)

    assert sorted(titles(search(client, "sheffield.localhost", "crossing"))) == [
        "Crossing river local",
        "Crossing river shared",
    ]
    assert titles(search(client, "localhost", "crossing")) == ["Crossing river shared"]


def test_national_filters_by_site_kind_and_page_type(client, network):
    national, sheffield, bristol, schools = network
    publish_news(sheffield, "Sheffield lantern walk")
    publish_news(bristol, "Bristol lantern walk")
    publish_news(schools, "Schools lantern walk")
    national.root_page.add_child(instance=StandardPage(title="National lantern guide"))

    def found(**filters):
        return sorted(titles(search(client, "localhost", "lantern", **filters)))

    assert len(found()) == 4
    assert found(site=bristol.pk) == ["Bristol lantern walk"]
    assert found(kind="stream") == ["Schools lantern walk"]
    assert found(kind="group") == ["Bristol lantern walk", "Sheffield lantern walk"]
    assert found(kind="national") == ["National lantern guide"]
    assert found(page_type="cms.standardpage") == ["National lantern guide"]
    sites = search(client, "localhost", "lantern").select(".result-site")
    assert sorted(s.get_text() for s in sites) == [
        "Bristol",
        "City of Sanctuary",
        "Schools of Sanctuary",
        "Sheffield",
    ]


def test_unknown_filter_values_are_a_form_error_not_a_crash(client, national_site):
    soup = search(client, "localhost", "lantern", site="99999", kind="castle")
    assert soup.select(".error")
    assert titles(soup) == []


def test_group_site_search_has_no_network_filters(client, group_site):
    soup = search(client, "sheffield.localhost", "anything")
    names = {field["name"] for field in soup.select("form.search-form [name]")}
    assert names == {"q"}
    assert soup.h1.get_text() == "Search this site"


def test_no_match_says_so_and_keeps_the_words(client, group_site):
    soup = search(client, "sheffield.localhost", "zebra")
    section_ = soup.select_one("section[aria-labelledby=results-heading]")
    assert section_.h2.get_text(strip=True) == "0 results"
    assert "Nothing matched “zebra”" in section_.get_text()
    assert soup.select_one("form.search-form input[name=q]")["value"] == "zebra"


def test_every_page_has_a_labelled_search_box_in_the_header(client, group_site):
    soup = BeautifulSoup(
        client.get("/", HTTP_HOST="sheffield.localhost").content, "html.parser"
    )
    form = soup.select_one("header form[role=search]")
    assert form["method"] == "get" and form["action"] == "/search/"
    field = form.select_one("input[name=q]")
    assert form.select_one(f"label[for={field['id']}]").get_text(strip=True)
