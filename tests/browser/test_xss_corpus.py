"""T7: Chromium opens every corpus page and record, public and admin: no script runs."""

import pytest

from wagtail.admin.admin_url_finder import AdminURLFinder

from tests.browser.conftest import log_in
from tests.factories import PASSWORD, make_user
from tests.security.xss import build_corpus

pytestmark = pytest.mark.django_db(transaction=True)


def test_no_payload_opens_a_dialog_on_public_or_admin_pages(page, site_url):
    corpus = build_corpus()
    admin = make_user("corpus-admin", is_superuser=True, is_staff=True)
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(site_url("localhost"))
    page.evaluate("alert('the listener hears dialogs')")
    assert dialogs == ["the listener hears dialogs"]
    dialogs.clear()

    for item in corpus.pages:
        response = page.goto(site_url(item.hostname, item.path))
        assert response.status == 200, item.path
        assert "content-security-policy" in response.headers
        body = page.locator("body").inner_text()
        assert item.title in body, item.path
        assert item.rich_text in body, item.path
    assert dialogs == []

    log_in(page, site_url, "corpus-admin", PASSWORD)
    for item in corpus.pages:
        page.goto(site_url("localhost", f"/admin/pages/{item.page.pk}/edit/"))
        if item.translated:  # the translation editor shows each translated string
            page.get_by_text(item.title).first.wait_for()
            continue
        assert page.locator("input[name=title]").input_value() == item.title
        if item.rich_text:
            page.get_by_text(item.rich_text).first.wait_for()
    finder = AdminURLFinder(admin)
    for record in corpus.records:
        page.goto(site_url("localhost", finder.get_edit_url(record)))
        page.get_by_role("button", name="Save").first.wait_for()
    assert dialogs == []
    assert len(corpus.pages) >= 22
