"""Search on PostgreSQL (search/backend.py): Wagtail's results, found faster.

The network's backend must find exactly what Wagtail's own PostgreSQL backend
finds, in the same order: title first, then summary, then the text.
"""

import pytest

from django.db import connection
from django.test import override_settings

from tests.test_search import publish_news, search, titles

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs PostgreSQL (CI runs it)"
)
WAGTAIL_BACKEND = {"default": {"BACKEND": "wagtail.search.backends.database"}}
SHEFFIELD = "sheffield.localhost"
QUERIES = [
    "walk",
    "riverside walk",  # words split between title and text
    "riverside orchard",
    "the walk",  # a stop word
    "the",  # only stop words
    "orchard",
    "xylophone",
    "walks walking",  # stemmed to one word
]


@pytest.fixture
def pages(national_site, group_site):
    publish_news(group_site, "Harvest supper", text="A walk to the orchard first.")
    publish_news(group_site, "Walk by the river", text="Meet at the library.")
    publish_news(group_site, "Choir practice", summary="Then a walk home together.")
    publish_news(group_site, "Riverside clean-up", text="Bring gloves for the walk.")
    publish_news(group_site, "Library talk", text="Not about gardens at all.")


def test_title_then_summary_then_text(client, pages):
    assert titles(search(client, SHEFFIELD, "walk")) == [
        "Walk by the river",
        "Choir practice",
        # the text only: the shorter text ranks first
        "Riverside clean-up",
        "Harvest supper",
    ]


@pytest.mark.parametrize("host", [SHEFFIELD, "localhost"])
def test_same_results_in_the_same_order_as_wagtails_backend(client, pages, host):
    ours = {query: titles(search(client, host, query)) for query in QUERIES}
    with override_settings(WAGTAILSEARCH_BACKENDS=WAGTAIL_BACKEND):
        wagtails = {query: titles(search(client, host, query)) for query in QUERIES}
    assert ours == wagtails
    assert ours["riverside walk"] == ["Riverside clean-up"]
    assert ours["the walk"] == ours["walk"] and len(ours["walk"]) == 4
    assert ours["walks walking"] == ours["walk"]
    assert ours["the"] == ours["xylophone"] == []
