import time

import pytest

from cms.models import StoryPage
from tests import content
from tests.browser.conftest import log_in
from tests.factories import PASSWORD, make_member, make_site
from tests.translating import fill_strings, start_translation

pytestmark = pytest.mark.django_db(transaction=True)


def live_soon(story, timeout=10):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        story.refresh_from_db()
        if story.live:
            return True
        time.sleep(0.2)
    return False


def test_translator_sends_an_arabic_story_and_a_moderator_approves_it(page, site_url):
    make_site(kind="national", name="City of Sanctuary", hostname="localhost")
    site = make_site(name="Sheffield", hostname="sheffield.localhost", languages=["ar"])
    translator = make_member(site, "translator", "mutarjim", language="ar")
    moderator = make_member(site, "moderator", "mona")
    story = content.add_story(site, "Crossing")
    fill_strings(start_translation(story, "ar"), {"Crossing": "العبور"})
    arabic = StoryPage.objects.get(
        translation_key=story.translation_key, locale__language_code="ar"
    )

    log_in(page, site_url, translator.username, PASSWORD)
    page.goto(site_url("localhost", f"/admin/pages/{arabic.pk}/edit/"))
    page.locator(".js-translation-editor").get_by_text("العبور").first.wait_for()
    page.get_by_role("link", name="Submit for safeguarding review").click()
    page.wait_for_url(f"**/admin/stories/{arabic.pk}/submit-translation/")
    page.get_by_role("button", name="Submit for safeguarding review").click()
    page.wait_for_url(f"**/admin/pages/{arabic.pk}/edit/")
    assert "sent for safeguarding review" in page.content()
    assert page.console_errors == []

    page.context.clear_cookies()
    log_in(page, site_url, moderator.username, PASSWORD)
    page.goto(site_url("localhost", "/admin/"))
    review = page.locator("tr", has_text="العبور")
    review.get_by_role("button", name="Actions").click()
    review.get_by_role("button", name="Approve", exact=True).click()
    page.wait_for_load_state("networkidle")

    assert live_soon(arabic)
    assert arabic.get_url_parts()[2].startswith("/ar/")
    response = page.goto(site_url("sheffield.localhost", arabic.get_url_parts()[2]))
    assert response.status == 200
    assert page.locator("h1").inner_text() == "العبور"
