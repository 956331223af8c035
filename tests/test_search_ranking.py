"""Search ranks a word in the title first, then in the summary, then in the text."""

import pytest

from django.db import connection

from tests.test_search import publish_news, search, titles

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs PostgreSQL (CI runs it)"
)
SHEFFIELD = "sheffield.localhost"


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
def test_words_split_between_title_and_text_are_found(client, pages, host):
    assert titles(search(client, host, "riverside walk")) == ["Riverside clean-up"]
    assert titles(search(client, host, "the walk")) == titles(
        search(client, host, "walk")
    )
