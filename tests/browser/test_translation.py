import time
from pathlib import Path

import pytest

from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType

from wagtail.models import Collection, Locale, Page
from wagtail_localize.models import StringTranslation

from tests.browser.conftest import log_in
from tests.factories import PASSWORD, make_member, make_site
from tests.translating import start_translation

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def migrated_rows(transactional_db, settings):
    """Transactional tests empty every table: put back the rows migrations
    made (root page, root collection, locales, translation permission)."""
    content_type, _created = ContentType.objects.get_or_create(
        app_label="wagtail_localize", model="translation"
    )
    Permission.objects.get_or_create(
        content_type=content_type,
        codename="submit_translation",
        defaults={"name": "Can submit translations"},
    )
    for code, _name in settings.LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    if not Page.objects.filter(depth=1).exists():
        Page.add_root(instance=Page(title="Root", slug="root"))
    if not Collection.objects.exists():
        Collection.add_root(name="Root")


RESULTS = Path(__file__).resolve().parents[2] / "test-results"


def saved(text, timeout=10):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if StringTranslation.objects.filter(data=text).exists():
            return True
        time.sleep(0.2)
    return False


def test_translator_translates_a_field_in_the_translation_editor(page, site_url):
    site = make_site(name="Wales", hostname="wales.localhost", languages=["cy"])
    translator = make_member(site, "translator", "cyfieithydd", language="cy")
    about = site.root_page.get_children().get(slug="about")
    translation = start_translation(about, "cy")
    welsh = translation.get_target_instance()

    log_in(page, site_url, translator.username, PASSWORD)
    page.goto(site_url("localhost", f"/admin/pages/{welsh.id}/edit/"))
    page.get_by_role("button", name="Translate").first.click()
    page.locator("textarea").first.fill("Amdanom ni")
    page.get_by_role("button", name="Save").first.click()

    page.get_by_text("Amdanom ni").first.wait_for()
    assert saved("Amdanom ni")
    saved_translation = StringTranslation.objects.get(data="Amdanom ni")
    assert saved_translation.locale.language_code == "cy"
    assert saved_translation.last_translated_by == translator


def test_arabic_page_is_laid_out_right_to_left(page, site_url):
    make_site(name="Sheffield", hostname="sheffield.localhost", languages=["ar"])
    page.set_viewport_size({"width": 1000, "height": 700})
    page.goto(site_url("sheffield.localhost", "/ar/"))
    RESULTS.mkdir(exist_ok=True)
    page.screenshot(path=str(RESULTS / "arabic-home.png"), full_page=True)

    direction = page.evaluate("getComputedStyle(document.documentElement).direction")
    assert direction == "rtl"
    header = page.locator(".site-header .wrap").bounding_box()
    name = page.locator(".site-name").bounding_box()
    assert name["x"] + name["width"] > header["x"] + header["width"] - 40
    items = page.locator(".main-menu a")
    first, second = items.nth(0).bounding_box(), items.nth(1).bounding_box()
    assert first["x"] > second["x"]
    switcher = page.locator(".language-switcher a[lang=ar]")
    assert switcher.get_attribute("aria-current") == "true"
    assert page.console_errors == []
