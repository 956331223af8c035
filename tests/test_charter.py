"""The network charter and Birmingham Declaration: shared, translated, national."""

import pytest

from django.urls import reverse
from django.utils import translation

from wagtail.models import Locale

from cms.models import CharterStatement, DeclarationPrinciple
from cms.models.charter import charter_items
from tests import content
from tests.factories import make_member

HOST = "sheffield.localhost"


@pytest.fixture
def charter(db):
    CharterStatement.objects.create(part="vision", title="Vision", text="A welcome.")
    CharterStatement.objects.create(part="value", title="Openness", sort_order=2)
    CharterStatement.objects.create(part="value", title="Inclusiveness", sort_order=1)
    CharterStatement.objects.create(part="principle", title="Practical action")
    DeclarationPrinciple.objects.create(title="No indefinite detention")


def test_charter_page_shows_network_charter_beside_local_commitments(
    client, group_site, charter
):
    page = content.charter_page(group_site)
    page.local_commitments = content.paragraphs("A meal every Friday.")
    page.save_revision().publish()
    soup = content.soup(client.get("/charter/", HTTP_HOST=HOST))
    network = soup.select_one("section[aria-labelledby=network-charter]")
    assert network.select_one(".lead").get_text() == "A welcome."
    values = [li.strong.get_text() for li in network.select(".values li")]
    assert values == ["Inclusiveness", "Openness"]
    assert network.select_one(".principles li").strong.get_text() == "Practical action"
    assert network.select_one(".declaration li").get_text() == (
        "No indefinite detention"
    )
    local = soup.select_one("section.local-commitments")
    assert local.h2.get_text() == "What Sheffield commits to"
    assert "A meal every Friday." in local.get_text()


def test_charter_shows_in_the_readers_language_with_english_fallback(
    group_site, charter
):
    arabic = Locale.objects.get(language_code="ar")
    openness = CharterStatement.objects.get(title="Openness")
    translated = openness.copy_for_translation(arabic)
    translated.title = "الانفتاح"
    translated.save()
    with translation.override("ar"):
        titles = [item.title for item in charter_items("value")]
    assert titles == ["Inclusiveness", "الانفتاح"]
    with translation.override("en"):
        assert [item.title for item in charter_items("value")] == [
            "Inclusiveness",
            "Openness",
        ]


def snippet_url(model, action, *args):
    return reverse(f"wagtailsnippets_cms_{model}:{action}", args=args)


@pytest.mark.parametrize("model", ["charterstatement", "declarationprinciple"])
def test_site_roles_cannot_edit_the_charter(client, group_site, charter, model):
    item = CharterStatement if model == "charterstatement" else DeclarationPrinciple
    target = item.objects.first()
    for role in ("editor", "moderator", "translator"):
        user = make_member(group_site, role, language="ar")
        client.force_login(user)
        for url in (
            snippet_url(model, "add"),
            snippet_url(model, "edit", target.pk),
            snippet_url(model, "delete", target.pk),
        ):
            response = client.get(url)
            assert response.status_code in (302, 403), (role, url)
        client.post(snippet_url(model, "delete", target.pk))
        assert item.objects.filter(pk=target.pk).exists()


def test_national_editor_edits_the_charter(client, national_site, charter):
    editor = make_member(national_site, "moderator", "national-editor")
    client.force_login(editor)
    target = CharterStatement.objects.get(title="Openness")
    response = client.post(
        snippet_url("charterstatement", "edit", target.pk),
        {
            "part": "value",
            "title": "Openness and collaboration",
            "text": "",
            "sort_order": 2,
        },
    )
    assert response.status_code == 302
    target.refresh_from_db()
    assert target.title == "Openness and collaboration"
