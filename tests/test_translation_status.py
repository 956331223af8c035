"""The translation status board: per site, per language, isolated, cheap."""

import pytest
from bs4 import BeautifulSoup

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cms.models import StandardPage
from tests.factories import make_member, make_site
from tests.translating import fill_strings, publish_translation, start_translation

pytestmark = pytest.mark.django_db


@pytest.fixture
def leeds(db):
    return make_site(name="Leeds", hostname="leeds.localhost", languages=["cy", "ar"])


@pytest.fixture
def bristol(db):
    return make_site(name="Bristol", hostname="bristol.localhost", languages=["cy"])


def child(site, slug):
    return site.root_page.get_children().get(slug=slug).specific


def board_url(site):
    return reverse("translation_status:board", args=[site.pk])


def board(client, site):
    response = client.get(board_url(site))
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    languages = [th.get_text(strip=True) for th in soup.select("thead th")][1:]
    return {
        row.th.get_text(strip=True): dict(zip(languages, row.select("td"), strict=True))
        for row in soup.select("tbody tr")
    }


def test_board_marks_untranslated_partial_out_of_date_and_up_to_date(client, leeds):
    moderator = make_member(leeds, "moderator", "leeds-moderator")
    publish_translation(
        child(leeds, "about"), "cy", {"About us": "Amdanom ni", "about": "amdanom"}
    )
    charter = child(leeds, "charter")
    publish_translation(charter, "cy", {"Our charter": "Ein siarter"})
    charter.title = "Our shared charter"
    charter.save_revision().publish()
    events = start_translation(child(leeds, "events"), "cy")
    fill_strings(events, {"Events": "Digwyddiadau"})
    client.force_login(moderator)
    rows = board(client, leeds)
    assert rows["About us"]["Welsh"]["data-status"] == "up-to-date"
    assert rows["Our shared charter"]["Welsh"]["data-status"] == "out-of-date"
    assert rows["Our shared charter"]["Welsh"].select_one("a.sync")
    assert rows["Events"]["Welsh"]["data-status"] == "in-progress"
    assert rows["News"]["Welsh"]["data-status"] == "untranslated"
    assert rows["About us"]["Arabic"]["data-status"] == "untranslated"
    assert rows["Leeds"]["Welsh"]["data-status"] == "untranslated"


def test_untranslated_cell_links_to_start_the_translation(client, leeds):
    client.force_login(make_member(leeds, "moderator", "leeds-moderator"))
    link = board(client, leeds)["News"]["Arabic"].a["href"]
    news = child(leeds, "news")
    assert link.startswith(
        reverse("wagtail_localize:submit_page_translation", args=[news.id])
    )
    assert "select_locale=ar" in link


def test_translator_sees_links_only_for_own_language(client, leeds):
    client.force_login(make_member(leeds, "translator", "leeds-cy", language="cy"))
    row = board(client, leeds)["News"]
    assert row["Welsh"].a is not None
    assert row["Arabic"].a is None


def test_translator_of_one_site_cannot_see_another_sites_board(client, leeds, bristol):
    client.force_login(make_member(leeds, "translator", "leeds-cy", language="cy"))
    response = client.get(board_url(bristol))
    assert response.status_code in (302, 403)
    assert b"Bristol" not in response.content
    assert client.get(reverse("translation_status:index")).url == board_url(leeds)


def test_site_editor_has_no_board(client, leeds):
    client.force_login(make_member(leeds, "editor", "leeds-editor"))
    assert client.get(board_url(leeds)).status_code in (302, 403)


def test_unknown_site_board_is_404(client, network_admin):
    client.force_login(network_admin)
    assert (
        client.get(reverse("translation_status:board", args=[999])).status_code == 404
    )


def count_board_queries(client, site):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(board_url(site)).status_code == 200
    return len(queries)


def test_board_costs_the_same_queries_for_few_and_many_pages(client, leeds):
    client.force_login(make_member(leeds, "moderator", "leeds-moderator"))
    about = child(leeds, "about")
    publish_translation(about, "cy", {"About us": "Amdanom ni"})
    few = count_board_queries(client, leeds)
    for number in range(30):
        page = about.add_child(
            instance=StandardPage(title=f"Page {number}", slug=f"page-{number}")
        )
        publish_translation(page, "cy", {f"Page {number}": f"Tudalen {number}"})
    many = count_board_queries(client, leeds)
    assert many == few
    assert few <= 28  # the admin shell (menus, site switcher) included
