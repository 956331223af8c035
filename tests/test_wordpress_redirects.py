"""Old WordPress addresses lead to the imported pages, on the imported site only."""

from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup

from django.db import transaction

from cms.models import WordPressItem
from tests.factories import make_site
from tests.wordpress import cache_embeds, import_wordpress

HOST = "sheffield.localhost"


@pytest.fixture(scope="module")
def sites(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        sheffield = make_site(name="Sheffield", hostname=HOST)
        leeds = make_site(name="Leeds", hostname="leeds.localhost")
        import_wordpress(sheffield, "--map", "stories=inspiration")
        cache_embeds()
        yield SimpleNamespace(sheffield=sheffield, leeds=leeds)
        transaction.set_rollback(True)


def url_of(wordpress_id, site):
    page = WordPressItem.objects.get(site=site, wordpress_id=wordpress_id).page
    return page.specific.get_url_parts()[2]


@pytest.mark.parametrize(
    ("old", "wordpress_id"),
    [
        ("/2019/03/15/welcome-cafe-opens/", 201),  # a dated permalink
        ("/2019/03/15/welcome-cafe-opens", 201),
        ("/2020/06/15/refugee-week-2020/", 202),
        ("/?p=201", 201),
        ("/?p=203", 203),  # plain permalinks, to a mapped page type
        ("/?p=302", 302),
        ("/?page_id=302", 302),
        ("/?page_id=301", 301),
    ],
)
def test_old_addresses_of_posts_and_pages_redirect_for_good(
    sites, db, client, old, wordpress_id
):
    response = client.get(old, HTTP_HOST=HOST)
    assert response.status_code == 301
    assert response["Location"].endswith(url_of(wordpress_id, sites.sheffield))


def test_a_page_kept_at_its_old_address_is_served_there(sites, db, client):
    response = client.get("/about/history/", HTTP_HOST=HOST)
    assert response.status_code == 200
    assert BeautifulSoup(response.content, "html.parser").h1.get_text(strip=True) == (
        "Our history"
    )


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("/category/news/", "/news/?tag=news"),
        ("/tag/welcome/", "/news/?tag=welcome"),
        ("/tag/refugee-week/", "/news/?tag=refugee-week"),
        ("/category/stories/", "/inspirations/"),
        ("/feed/", "/feeds/news.rss"),
    ],
)
def test_categories_tags_and_the_feed_redirect_to_listings(sites, db, client, old, new):
    response = client.get(old, HTTP_HOST=HOST)
    assert response.status_code == 301
    assert response["Location"].endswith(new)
    listing = client.get(response["Location"], HTTP_HOST=HOST)
    assert listing.status_code == 200


def test_the_tag_listing_shows_the_imported_posts_of_that_tag(sites, db, client):
    response = client.get("/news/?tag=refugee-week", HTTP_HOST=HOST)
    text = BeautifulSoup(response.content, "html.parser").main.get_text(" ")
    assert "Refugee Week 2020" in text
    assert "Welcome café opens" not in text


@pytest.mark.parametrize(
    "old",
    ["/2019/03/15/welcome-cafe-opens/", "/category/news/", "/feed/", "/?p=201"],
)
def test_the_same_old_address_on_another_site_is_not_redirected(sites, db, client, old):
    response = client.get(old, HTTP_HOST="leeds.localhost")
    assert response.status_code in {200, 404}
    if old == "/?p=201":
        assert response.status_code == 200  # Leeds's own home page
        assert b"Leeds" in response.content


def test_unknown_post_ids_and_other_queries_reach_the_home_page(sites, db, client):
    for query in ("/?p=999", "/?page_id=abc", "/?s=cafe"):
        assert client.get(query, HTTP_HOST=HOST).status_code == 200


def test_draft_and_private_posts_have_no_public_address(sites, db, client):
    for old in ("/2020/06/21/committee-minutes/", "/?p=205", "/?p=204"):
        assert client.get(old, HTTP_HOST=HOST).status_code in {200, 404}
        response = client.get(old, HTTP_HOST=HOST)
        assert b"Private notes" not in response.content
    draft = url_of(204, sites.sheffield)
    assert client.get(draft, HTTP_HOST=HOST).status_code == 404


def test_imported_news_renders_publicly_with_pictures_and_no_script(sites, db, client):
    response = client.get(url_of(201, sites.sheffield), HTTP_HOST=HOST)
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    article = html.find("article")
    assert "Amina Yusuf" in article.get_text()
    assert article.find("img", alt="Volunteers serving tea at the café")
    assert "Tea after the language class" in article.find("figcaption").get_text()
    assert article.find("a", href="https://www.youtube.com/watch?v=dQw4w9WgXcQ")
    assert not article.find("script")
    assert "contact-form-7" not in article.get_text()
    about = html.find("a", string="about us")
    assert about["href"].endswith("/about/")
