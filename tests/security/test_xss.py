"""T7: payloads typed into every text field and block stay text, in public and admin."""

import pytest
from bs4 import BeautifulSoup

from django.db import transaction

from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.fields import StreamField

from tests.security.helpers import parse_csp
from tests.security.xss import build_corpus, corpus_page_models, text_fields
from tests.security.xss_payloads import combined, injected_markup

CSP = "Content-Security-Policy"


@pytest.fixture(scope="module")
def corpus(django_db_setup, django_db_blocker):
    """Built once for the module, inside a transaction rolled back at the end."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield build_corpus()
        transaction.set_rollback(True)


@pytest.fixture
def admin_client(client, corpus):
    from django.contrib.auth import get_user_model

    admin = get_user_model().objects.create_superuser("corpus-admin", "a@example.org")
    client.force_login(admin)
    client.user = admin
    return client


def text_of(response):
    return BeautifulSoup(response.content, "html.parser").get_text()


def test_every_page_type_text_field_and_block_carries_payloads(corpus, db):
    page_types = {type(item.page) for item in corpus.pages}
    assert len([item for item in corpus.pages if item.translated]) == 2
    assert page_types == set(corpus_page_models())
    assert len(page_types) >= 22
    filled = {(entry.page_type, entry.path) for entry in corpus.entries}
    for model in corpus_page_models():
        for field in text_fields(model):
            assert (model._meta.label, field.name) in filled
    leaf_paths = {path for _label, path in filled if path.startswith("body.")}
    assert {"body.heading.text", "body.quote.quote", "body.paragraph"} <= leaf_paths
    assert "body.accordion.items.item.answer" in leaf_paths
    assert "form_fields.label" in {path for _label, path in filled}
    assert "documents.description" in {path for _label, path in filled}
    assert len(corpus.blocks) >= 30
    assert len(corpus.entries) >= 300
    assert corpus.payload_count >= 1000


def test_javascript_addresses_are_refused_or_dropped_everywhere(corpus, db):
    addresses = [
        entry
        for entry in corpus.entries
        if entry.path.endswith(("url", "video")) or entry.typed
    ]
    assert len(addresses) >= 40
    for entry in addresses:
        assert "javascript-url" in entry.refused, entry
        assert "javascript:" not in (entry.stored or ""), entry


def test_stream_field_walk_covers_every_stream_field(corpus, db):
    streams = {
        (model._meta.label, field.name)
        for model in corpus_page_models()
        for field in model._meta.concrete_fields
        if isinstance(field, StreamField)
    }
    filled = {(e.page_type, e.path.split(".")[0]) for e in corpus.entries}
    assert streams and streams <= filled


def test_public_pages_show_every_payload_as_text_under_the_csp(client, corpus, db):
    for item in corpus.pages:
        response = client.get(item.path, HTTP_HOST=item.hostname)
        assert response.status_code == 200, item.path
        assert injected_markup(response.content) == [], item.page
        policy = parse_csp(response[CSP])
        assert "'unsafe-inline'" not in policy["script-src"]
        text = text_of(response)
        assert item.title in text, item.page
        assert item.rich_text in text, item.page
        assert "{{ 7*7 }}{% debug %}" in text
    header = BeautifulSoup(
        client.get("/", HTTP_HOST="sheffield.localhost").content, "html.parser"
    ).header.get_text()
    assert "<svg onload=" in header  # the site name, typed by a moderator
    # Pledges, endorsements, award schemes and charter text carry payloads too.
    shown = {record._meta.label: str(record) for record in corpus.records}
    pages = {type(item.page).__name__: item for item in corpus.pages}
    for page_name, label in [
        ("SupportersPage", "groups.SupportingOrganisation"),
        ("DeclarationPage", "home.Endorsement"),
        ("CharterPage", "cms.CharterStatement"),
        ("DeclarationPage", "cms.DeclarationPrinciple"),
        ("AwardsPage", "streams.AwardScheme"),
    ]:
        item = pages[page_name]
        text = text_of(client.get(item.path, HTTP_HOST=item.hostname))
        assert shown[label] in text, label


def test_admin_edit_views_keep_every_payload_escaped(admin_client, corpus, db):
    for item in corpus.pages:
        response = admin_client.get(f"/admin/pages/{item.page.pk}/edit/")
        assert response.status_code == 200, item.page
        assert injected_markup(response.content) == [], item.page
        if not item.translated:  # a translation opens the translation editor
            form = BeautifulSoup(response.content, "html.parser")
            assert form.find("input", attrs={"name": "title"})["value"] == item.title
    for parent in {item.page.get_parent().pk for item in corpus.pages}:
        listing = admin_client.get(f"/admin/pages/{parent}/")
        assert listing.status_code == 200
        assert injected_markup(listing.content) == []
    finder = AdminURLFinder(admin_client.user)
    for record in corpus.records:
        response = admin_client.get(finder.get_edit_url(record))
        assert response.status_code == 200, record
        assert injected_markup(response.content) == [], record


def test_the_checks_would_catch_a_payload_turned_into_markup():
    payload = combined("x0")
    assert len(injected_markup(f"<p>{payload}</p>")) >= 3
    assert injected_markup('<a href="javascript:alert(1)">a</a>') != []
    escaped = payload.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")
    assert injected_markup(f"<p>{escaped}</p>") == []


def test_a_translator_cannot_store_markup_only_text(corpus, db):
    strings = [entry for entry in corpus.entries if "(ar)" in entry.page_type]
    assert len(strings) >= 15
    for entry in strings:
        assert entry.refused == ["raw"], entry
        assert entry.stored.startswith(f"{entry.marker}&lt;script&gt;"), entry
