"""Anonymous visitors get whole pages from the shared cache; nobody else does,
and nothing of one visitor (session, CSRF token, CSP nonce) reaches another."""

import pytest

from django.test import Client

from wagtail.models import PageViewRestriction

from cms.models import NewsIndexPage
from groups.models import SupportersPage, SupportingOrganisation
from home.models import NetworkNewsPage
from tests import content
from tests.factories import make_member

HOST = "sheffield.localhost"
pytestmark = pytest.mark.usefixtures("shared_cache")


def get(client, path, **extra):
    return client.get(path, HTTP_HOST=HOST, **extra)


def cache_state(response):
    return response.get("X-Page-Cache")


def test_a_second_anonymous_visit_is_served_from_the_cache(client, group_site):
    news = content.add_news(group_site, "Library opens its doors")
    first, second = get(client, news.url), get(client, news.url)
    assert (cache_state(first), cache_state(second)) == ("miss", "hit")
    assert "Library opens its doors" in content.soup(second).h1.get_text()
    assert "public" in second["Cache-Control"]


def test_the_key_is_host_path_language_and_query(client, group_site, other_group_site):
    get(client, "/news/")
    assert cache_state(get(client, "/news/?page=1")) == "miss"
    assert cache_state(client.get("/news/", HTTP_HOST="bristol.localhost")) == "miss"
    assert cache_state(get(client, "/ar/")) == "miss"
    assert cache_state(get(client, "/news/")) == "hit"


def test_each_reader_gets_their_own_csp_nonce_from_a_cached_page(client, group_site):
    get(client, "/")
    nonces = set()
    for _ in range(2):
        response = get(client, "/")
        assert cache_state(response) == "hit"
        nonce = content.soup(response).find("style")["nonce"]
        assert f"'nonce-{nonce}'" in response["Content-Security-Policy"]
        nonces.add(nonce)
    assert len(nonces) == 2


def test_logged_in_people_never_get_or_fill_the_cache(client, group_site):
    editor = make_member(group_site, "editor")
    client.force_login(editor)
    responses = [get(client, "/"), get(client, "/")]
    assert [cache_state(r) for r in responses] == [None, None]
    assert all("private" in r["Cache-Control"] for r in responses)
    assert cache_state(get(Client(), "/")) == "miss"


def test_view_restricted_pages_are_never_cached(client, group_site):
    news = content.add_news(group_site, "Members only")
    PageViewRestriction.objects.create(
        page=news, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    for _ in range(2):
        response = get(client, news.url)
        assert cache_state(response) is None
        assert "no-store" in response["Cache-Control"]
        assert "Members only" not in response.content.decode()


def test_posts_and_pages_that_set_cookies_are_not_cached(client, group_site):
    content.publish(group_site.root_page, SupportersPage(title="Supporters"))
    response = client.post("/supporters/", {"name": ""}, HTTP_HOST=HOST)
    assert cache_state(response) is None
    assert cache_state(get(client, "/supporters/")) == "miss"


def test_a_cached_pledge_form_carries_each_visitors_own_csrf_token(group_site):
    content.publish(group_site.root_page, SupportersPage(title="Supporters"))
    first = Client(enforce_csrf_checks=True)
    assert cache_state(get(first, "/supporters/")) == "miss"
    visitors = [Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)]
    tokens = []
    for visitor in visitors:
        page = get(visitor, "/supporters/")
        assert cache_state(page) == "hit"
        assert "private" in page["Cache-Control"]
        token = content.soup(page).find("input", {"name": "csrfmiddlewaretoken"})
        tokens.append(token["value"])
    for n, (visitor, token) in enumerate(zip(visitors, tokens, strict=True)):
        pledge = {
            "csrfmiddlewaretoken": token,
            "name": f"Centre {n}",
            "contact_name": "Jo",
            "contact_email": "jo@example.org",
        }
        assert visitor.post("/supporters/", pledge, HTTP_HOST=HOST).status_code == 302
    assert tokens[0] != tokens[1]
    assert SupportingOrganisation.objects.count() == 2
    stranger = Client(enforce_csrf_checks=True)
    get(stranger, "/")  # a cookie of its own, but another visitor's token
    stolen = {"csrfmiddlewaretoken": tokens[0], "name": "X", "contact_name": "Jo"}
    assert stranger.post("/supporters/", stolen, HTTP_HOST=HOST).status_code == 403


def test_stories_are_cached_here_but_kept_from_a_cdn(client, group_site):
    story = content.add_story(group_site, "Finding my feet")
    get(client, story.url)
    response = get(client, story.url)
    assert cache_state(response) == "hit"
    assert "no-cache" in response["Cache-Control"]


def test_without_redis_the_quick_start_caches_nothing(client, group_site, settings):
    settings.PAGE_CACHE_SECONDS = 0
    assert [cache_state(get(client, "/")) for _ in range(2)] == [None, None]


def test_a_cdn_is_purged_of_the_page_its_listings_and_syndicated_copies(
    cdn, national_site, group_site, other_group_site, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        news = content.add_news(group_site, "Choir practice")
    sheffield = "http://sheffield.localhost"
    assert {
        sheffield + news.get_url_parts()[2],
        f"{sheffield}/news/",
        f"{sheffield}/",
        f"{sheffield}/feeds/news.rss",
        "http://localhost/",  # the national site lists every site's news
    } <= set(cdn)
    assert not any("bristol" in url for url in cdn)

    cdn.clear()
    index = NewsIndexPage.objects.child_of(national_site.root_page).get()
    with django_capture_on_commit_callbacks(execute=True):
        content.publish(
            index, NetworkNewsPage(title="Summit", date=news.date, syndication="all")
        )
    assert {f"{sheffield}/news/", "http://bristol.localhost/news/"} <= set(cdn)


def test_made_up_subdomains_leave_nothing_in_the_cache(
    client, national_site, group_site, shared_cache
):
    for n in range(3):
        response = client.get("/", HTTP_HOST=f"made-up-{n}.localhost")
        assert cache_state(response) is None
    assert [key for key in shared_cache.keys("*") if "made-up" in key] == []
