"""T9: draft, private and site-only stories are never exposed beyond where they
belong: sitemaps, an API, search, feeds, the national aggregation, previews and
caches. One shared story is the control that each check can see."""

import pytest

from django.urls import reverse

from wagtail.models import PageViewRestriction, Site

from cms.models import StoryPage
from home.models import NetworkPage
from tests import content
from tests.factories import make_member
from tests.test_stories import draft_story

SHEFFIELD, BRISTOL, NATIONAL = "sheffield.localhost", "bristol.localhost", "localhost"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
PENDING = "Zephyrpending"  # words of a draft revision of a live story


@pytest.fixture
def stories(national_site, group_site, other_group_site):
    network = NetworkPage(title="Across the network", slug="network")
    national_site.root_page.add_child(instance=network)
    network.save_revision().publish()
    shared = content.add_story(group_site, "Quillow shared", network_display=True)
    shared.body = content.paragraphs(f"{PENDING} not approved yet")
    shared.save_revision()
    private = content.add_story(group_site, "Quillow private", network_display=True)
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.LOGIN
    )
    return {
        "shared": shared,
        "draft": draft_story(group_site, title="Quillow draft", **content.CONSENT),
        "private": private,
        "site_only": content.add_story(group_site, "Quillow siteonly"),
    }


def search_titles(client, host, query):
    response = client.get("/search/", {"q": query}, HTTP_HOST=host)
    assert response.status_code == 200
    soup = content.soup(response)
    return sorted(a.get_text(strip=True) for a in soup.select(".search-result h3 a"))


def sitemap_urls(client, host):
    response = client.get("/sitemap.xml", HTTP_HOST=host)
    assert response.status_code == 200
    return [
        loc.text for loc in content.parse_xml(response.content).iter(f"{SITEMAP}loc")
    ]


def test_only_shared_stories_are_in_any_sitemap(client, stories):
    sheffield = sitemap_urls(client, SHEFFIELD)
    assert any(url.endswith(stories["shared"].url) for url in sheffield)
    for host in (SHEFFIELD, BRISTOL, NATIONAL):
        urls = sitemap_urls(client, host)
        for kind in ("draft", "private", "site_only"):
            assert not any(url.endswith(stories[kind].url) for url in urls), kind


def test_site_search_finds_neither_draft_nor_private_stories(client, stories):
    assert search_titles(client, SHEFFIELD, "quillow") == [
        "Quillow shared",
        "Quillow siteonly",
    ]
    assert search_titles(client, SHEFFIELD, PENDING) == []


def test_national_and_other_site_search_find_only_shared_stories(client, stories):
    assert search_titles(client, NATIONAL, "quillow") == ["Quillow shared"]
    assert search_titles(client, NATIONAL, PENDING) == []
    assert search_titles(client, BRISTOL, "quillow") == []


def test_national_aggregation_lists_only_shared_stories(client, stories):
    response = client.get("/network/", HTTP_HOST=NATIONAL)
    cards = content.soup(response).select("article.card h2 a")
    assert [a.get_text(strip=True) for a in cards] == ["Quillow shared"]
    assert PENDING not in response.content.decode()


def test_no_feed_of_any_site_carries_a_story(client, stories):
    for host in (SHEFFIELD, BRISTOL, NATIONAL):
        content.add_news(Site.objects.get(hostname=host), f"Feed control {host}")
        for path in ("/feeds/news.rss", "/feeds/events.ics"):
            response = client.get(path, HTTP_HOST=host)
            assert response.status_code == 200
            text = response.content.decode()
            assert "Quillow" not in text, (host, path)
            assert PENDING not in text
        rss = client.get("/feeds/news.rss", HTTP_HOST=host).content.decode()
        assert f"Feed control {host}" in rss


def test_there_is_no_public_api(client, stories):
    for host in (SHEFFIELD, NATIONAL):
        for path in ("/api/", "/api/v2/pages/", "/api/v2/pages/?type=cms.StoryPage"):
            assert client.get(path, HTTP_HOST=host).status_code == 404, path


def test_a_draft_story_is_not_served_publicly(client, stories):
    draft_url = stories["draft"].url
    assert client.get(draft_url, HTTP_HOST=SHEFFIELD).status_code == 404
    for kind in ("draft", "site_only", "shared"):
        response = client.get(stories[kind].url, HTTP_HOST=BRISTOL)
        assert response.status_code == 404
    shared = client.get(stories["shared"].url, HTTP_HOST=SHEFFIELD)
    assert PENDING not in shared.content.decode()


def test_previewing_a_draft_story_needs_login_and_the_sites_role(
    client, stories, group_site, other_group_site
):
    draft = stories["draft"]
    url = reverse("wagtailadmin_pages:view_draft", args=[draft.pk])

    anonymous = client.get(url)
    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith(reverse("wagtailadmin_login"))

    for role in ("editor", "moderator"):
        client.force_login(make_member(other_group_site, role, f"bristol-{role}-x"))
        response = client.get(url)
        assert response.status_code in (302, 403, 404)
        assert b"Quillow" not in response.content

    client.force_login(make_member(group_site, "editor", "sheffield-editor-x"))
    own = client.get(url)
    assert own.status_code == 200
    assert "Quillow draft" in own.content.decode()
    assert "private" in own["Cache-Control"]


def test_restricted_story_is_never_stored_by_caches(client, stories, site_editor):
    private = stories["private"]
    refused = client.get(private.url, HTTP_HOST=SHEFFIELD)
    assert refused.status_code == 302
    assert "no-store" in refused["Cache-Control"]

    client.force_login(site_editor)
    shown = client.get(private.url, HTTP_HOST=SHEFFIELD)
    assert shown.status_code == 200
    assert "Quillow private" in shown.content.decode()
    assert {"no-store", "private"} <= {
        part.strip() for part in shown["Cache-Control"].split(",")
    }


def test_password_protected_story_form_is_never_stored_by_caches(client, group_site):
    story = content.add_story(group_site, "Quillow password", network_display=True)
    PageViewRestriction.objects.create(
        page=story, restriction_type=PageViewRestriction.PASSWORD, password="tea"
    )
    response = client.get(story.url, HTTP_HOST=SHEFFIELD)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert "password" in content.soup(response).find("input", type="password")["name"]
    assert StoryPage.objects.network_visible().filter(pk=story.pk).count() == 0
