"""The search index follows every change to the page tree."""

from io import StringIO

from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Page
from wagtail.search.models import IndexEntry

from cms.models import NewsIndexPage
from tests.test_search import publish_news, search, section, titles


def test_publishing_a_new_revision_updates_the_index(client, group_site):
    page = publish_news(group_site, "Spring fair")
    page.title = "Summer fair"
    page.save_revision().publish()

    assert titles(search(client, "sheffield.localhost", "summer")) == ["Summer fair"]
    assert titles(search(client, "sheffield.localhost", "spring")) == []


def test_unpublished_page_disappears_and_returns_when_republished(client, group_site):
    page = publish_news(group_site, "Quiz night")
    page.unpublish()
    assert titles(search(client, "sheffield.localhost", "quiz")) == []
    page.refresh_from_db()
    page.save_revision().publish()
    assert titles(search(client, "sheffield.localhost", "quiz")) == ["Quiz night"]


def test_moved_page_is_found_on_its_new_site_only(
    client, national_site, group_site, other_group_site
):
    page = publish_news(group_site, "Choir rehearsal")
    page.move(section(other_group_site, NewsIndexPage), pos="last-child")

    assert titles(search(client, "sheffield.localhost", "choir")) == []
    assert titles(search(client, "bristol.localhost", "choir")) == ["Choir rehearsal"]
    soup = search(client, "localhost", "choir")
    assert soup.select_one(".result-site").get_text() == "Bristol"


def test_deleted_page_leaves_the_index(client, group_site):
    page = publish_news(group_site, "Bike repair")
    entries = IndexEntry.objects.filter(object_id=str(page.pk))
    assert entries.exists()
    page.delete()
    assert not entries.exists()
    assert titles(search(client, "sheffield.localhost", "bike")) == []


def test_update_index_rebuilds_from_the_database(client, group_site):
    page = publish_news(group_site, "Allotment day")
    Page.objects.filter(pk=page.pk).update(title="Beekeeping day")
    assert titles(search(client, "sheffield.localhost", "beekeeping")) == []

    call_command("update_index", stdout=StringIO(), stderr=StringIO())

    assert titles(search(client, "sheffield.localhost", "beekeeping")) == [
        "Beekeeping day"
    ]
    assert titles(search(client, "sheffield.localhost", "allotment")) == []


def count_queries(client, host, query):
    with CaptureQueriesContext(connection) as queries:
        soup = search(client, host, query)
    return len(queries), len(titles(soup))


def test_queries_per_results_page_do_not_grow_with_results(
    client, national_site, group_site
):
    for number in range(2):
        publish_news(group_site, f"Walk {number}", summary="riverside walk")
    for host in HOSTS:
        count_queries(client, host, "riverside")
    few = {host: count_queries(client, host, "riverside") for host in HOSTS}
    for number in range(2, 14):
        publish_news(group_site, f"Walk {number}", summary="riverside walk")
    for host in HOSTS:  # publishing emptied the per-site caches: fill them again
        count_queries(client, host, "riverside")
    for host in HOSTS:
        queries, shown = count_queries(client, host, "riverside")
        assert (few[host][1], shown) == (2, 10)
        assert queries == few[host][0]
        assert queries <= 22  # base template: menu, language switcher, search box


HOSTS = ["sheffield.localhost", "localhost"]
