"""A Welsh, an Arabic and a Farsi site on a 390 px phone: no English interface
word outside what is marked as English content."""

import os
from pathlib import Path

import pytest

from tests import content
from tests.browser.interface_words import english_interface_words, interface_patterns
from tests.factories import make_site

pytestmark = pytest.mark.django_db(transaction=True)
SITES = {
    "cy": ("Wrexham", "wrexham.localhost"),
    "ar": ("Sheffield", "sheffield.localhost"),
    "fa": ("Hull", "hull.localhost"),
}
PATHS = ["/", "/search/?q=welcome", "/news/", "/no-such-page/"]
SHOTS = os.environ.get("INTERFACE_WORDS_SHOTS")


def test_welsh_arabic_and_farsi_pages_show_no_english_interface_words(
    browser, site_url
):
    patterns = interface_patterns()
    for language, (name, hostname) in SITES.items():
        site = make_site(name=name, hostname=hostname, languages=[language])
        content.add_news(site, "Welcome meal")
        content.add_event(site, "Coffee morning")
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    shown = {}
    for language, (_name, hostname) in SITES.items():
        for path in PATHS:
            page.goto(site_url(hostname, f"/{language}{path}"))
            shown[(language, path)] = english_interface_words(page, patterns)
            if SHOTS:
                slug = path.strip("/").split("/")[0].split("?")[0] or "home"
                page.screenshot(path=Path(SHOTS) / f"{language}-{slug}.png")
    context.close()
    assert {key: words for key, words in shown.items() if words} == {}
    assert shown[("ar", "/")] == []
