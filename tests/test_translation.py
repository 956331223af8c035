"""Public pages in a site's languages: homes, fallbacks, switcher, hreflang."""

import io
from datetime import date

import pytest
from bs4 import BeautifulSoup

from django.core.management import call_command
from django.template.loader import render_to_string
from django.utils import translation

from wagtail.models import Locale, Page, Revision, Site

from cms.models import StandardPage
from tests.factories import make_site
from tests.translating import publish_translation

pytestmark = pytest.mark.django_db
HOST = "leeds.localhost"
WELSH_ABOUT = {"About us": "Amdanom ni", "about": "amdanom-ni"}


def get(client, path, host=HOST):
    response = client.get(path, HTTP_HOST=host)
    return response, BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def leeds(db):
    call_command(
        "create_network_site",
        "--kind=group",
        "--name=Leeds",
        f"--hostname={HOST}",
        "--language=cy",
        "--language=ar",
        stdout=io.StringIO(),
    )
    return Site.objects.get(hostname=HOST)


def about(site, language="en"):
    page = site.root_page.get_children().get(slug="about").specific
    return (
        page
        if language == "en"
        else page.get_translation(Locale.objects.get(language_code=language))
    )


def test_new_site_answers_at_once_in_welsh_and_arabic(client, leeds):
    response, welsh = get(client, "/cy/")
    assert response.status_code == 200
    assert welsh.html["lang"] == "cy"
    assert welsh.html["dir"] == "ltr"
    assert welsh.h1.get_text(strip=True) == "Leeds"
    response, arabic = get(client, "/ar/")
    assert response.status_code == 200
    assert arabic.html["lang"] == "ar"
    assert arabic.html["dir"] == "rtl"


def test_english_home_lists_every_language_in_hreflang(client, leeds):
    _response, soup = get(client, "/")
    links = {
        link["hreflang"]: link["href"]
        for link in soup.find_all("link", rel="alternate", hreflang=True)
    }
    assert links == {
        "en": f"http://{HOST}/",
        "cy": f"http://{HOST}/cy/",
        "ar": f"http://{HOST}/ar/",
        "x-default": f"http://{HOST}/",
    }


def test_untranslated_home_says_so_and_marks_its_english_text(client, leeds):
    _response, soup = get(client, "/cy/")
    notice = soup.select_one(".translation-notice")
    assert notice["lang"] == "cy"
    assert notice.get_text(strip=True) == (
        "Cymraeg: nid yw'r dudalen hon wedi'i chyfieithu eto."
    )
    content = soup.h1.find_parent(attrs={"lang": True})
    assert content["lang"] == "en"
    _response, soup = get(client, "/ar/")
    notice = soup.select_one(".translation-notice")
    assert "العربيّة" in notice.get_text()


def test_language_switcher_names_languages_in_their_own_script(client, leeds):
    _response, soup = get(client, "/ar/")
    links = soup.select("nav.language-switcher a")
    assert [(a["lang"], a.get_text(strip=True), a["href"]) for a in links] == [
        ("en", "English", "/"),
        ("cy", "Cymraeg", "/cy/"),
        ("ar", "العربية", "/ar/"),
    ]
    assert links[2]["aria-current"] == "true"
    assert links[2]["dir"] == "rtl"


def test_switcher_links_to_the_pages_translation_or_else_the_translated_home(
    client, leeds
):
    publish_translation(about(leeds), "cy", WELSH_ABOUT)
    _response, soup = get(client, "/about/")
    hrefs = {a["lang"]: a["href"] for a in soup.select("nav.language-switcher a")}
    assert hrefs == {"en": "/about/", "cy": "/cy/amdanom-ni/", "ar": "/ar/"}
    hreflangs = {
        link["hreflang"]
        for link in soup.find_all("link", rel="alternate", hreflang=True)
    }
    assert hreflangs == {"en", "cy", "x-default"}


def test_translated_page_is_served_in_welsh_without_notice(client, leeds):
    publish_translation(about(leeds), "cy", WELSH_ABOUT)
    response, soup = get(client, "/cy/amdanom-ni/")
    assert response.status_code == 200
    assert soup.h1.get_text(strip=True) == "Amdanom ni"
    assert soup.select_one(".translation-notice") is None
    assert soup.h1.find_parent(attrs={"lang": True}).name == "html"


def test_untranslated_child_page_is_404_with_a_link_to_the_english_page(client, leeds):
    response, soup = get(client, "/cy/about/")
    assert response.status_code == 404
    assert soup.html["lang"] == "cy"
    link = soup.select_one("main a[hreflang=en]")
    assert link["href"] == "/about/"
    assert link["lang"] == "en"
    assert link.get_text(strip=True) == "About us"


def test_untranslated_child_under_translated_parent_links_to_english(client, leeds):
    publish_translation(about(leeds), "cy", WELSH_ABOUT)
    about(leeds).add_child(instance=StandardPage(title="Our team", slug="team"))
    response, soup = get(client, "/cy/amdanom-ni/team/")
    assert response.status_code == 404
    assert soup.select_one("main a[hreflang=en]")["href"] == "/about/team/"


def test_address_with_no_page_at_all_stays_a_plain_404(client, leeds):
    response, soup = get(client, "/cy/no-such-page/")
    assert response.status_code == 404
    assert soup.select_one("main a[hreflang=en]") is None


def test_language_the_site_does_not_publish_in_is_404(client, leeds):
    response, _soup = get(client, "/fa/")
    assert response.status_code == 404


def test_new_english_page_creates_nothing_in_other_languages(leeds):
    before = Page.objects.exclude(locale__language_code="en").count()
    about(leeds).add_child(instance=StandardPage(title="Volunteers", slug="vol"))
    assert Page.objects.exclude(locale__language_code="en").count() == before


def test_welsh_menu_shows_translated_sections_in_welsh_and_others_marked_english(
    client, leeds
):
    publish_translation(about(leeds), "cy", WELSH_ABOUT)
    _response, soup = get(client, "/cy/")
    items = soup.select("nav.main-menu a")
    assert (items[0].get_text(strip=True), items[0].get("lang")) == (
        "Amdanom ni",
        None,
    )
    assert items[0]["href"] == "/cy/amdanom-ni/"
    assert (items[1].get_text(strip=True), items[1]["lang"]) == ("Our charter", "en")
    assert items[1]["href"] == "/charter/"


def test_ticking_a_language_in_site_settings_opens_its_home_at_once(
    client, leeds, django_user_model
):
    moderator = django_user_model.objects.create_user("mod", password="pw-12345678")
    call_command(
        "grant_site_role", f"--hostname={HOST}", "--role=moderator", "--user=mod"
    )
    client.force_login(moderator)
    locales = Locale.objects.filter(language_code__in=["cy", "ar", "fa"])
    response = client.post(
        f"/admin/settings/cms/siteidentity/{leeds.pk}/",
        {
            "display_name": "Leeds",
            "accent_colour": "#1d5c63",
            "languages": [locale.pk for locale in locales],
        },
    )
    assert response.status_code == 302
    response, soup = get(client, "/fa/")
    assert response.status_code == 200
    assert soup.html["lang"] == "fa"
    assert soup.html["dir"] == "rtl"


def test_tigrinya_is_served_left_to_right_and_named_in_geez_script(client):
    make_site(name="Coventry", hostname="coventry.localhost", languages=["ti"])
    response, soup = get(client, "/ti/", host="coventry.localhost")
    assert response.status_code == 200
    assert soup.html["lang"] == "ti"
    assert soup.html["dir"] == "ltr"
    names = [a.get_text(strip=True) for a in soup.select("nav.language-switcher a")]
    assert names == ["English", "ትግርኛ"]


def test_kurdish_sorani_and_farsi_are_right_to_left(client):
    make_site(name="Hull", hostname="hull.localhost", languages=["ckb", "fa"])
    for code in ("ckb", "fa"):
        _response, soup = get(client, f"/{code}/", host="hull.localhost")
        assert (soup.html["lang"], soup.html["dir"]) == (code, "rtl")


def test_dates_are_written_in_the_pages_language(leeds):
    page = about(leeds)
    with translation.override("cy"):
        welsh = render_to_string(
            "components/card.html", {"item": page, "date": date(2007, 9, 1)}
        )
    with translation.override("ar"):
        arabic = render_to_string(
            "components/card.html", {"item": page, "date": date(2007, 9, 1)}
        )
    assert BeautifulSoup(welsh, "html.parser").time.get_text() == "1 Medi 2007"
    assert "سبتمبر" in BeautifulSoup(arabic, "html.parser").time.get_text()


def test_seed_demo_makes_wales_bilingual_and_sheffield_arabic_idempotently(client):
    call_command("seed_demo", stdout=io.StringIO())
    revisions = Revision.objects.count()
    call_command("seed_demo", stdout=io.StringIO())
    assert Revision.objects.count() == revisions
    _response, soup = get(client, "/cy/", host="wales.localhost")
    assert soup.h1.get_text(strip=True) == "Cymru, Cenedl Noddfa"
    menu = {a.get_text(strip=True): a["href"] for a in soup.select("nav.main-menu a")}
    assert menu["Amdanom ni"] == "/cy/amdanom-ni/"
    response, soup = get(client, "/cy/amdanom-ni/", host="wales.localhost")
    assert response.status_code == 200
    assert soup.select_one(".translation-notice") is None
    _response, soup = get(client, "/ar/", host="sheffield.localhost")
    assert (soup.html["dir"], soup.h1.get_text(strip=True)) == ("rtl", "شيفيلد")


def test_a_page_translated_but_for_its_address_gives_no_notice(client, leeds):
    welsh = publish_translation(about(leeds), "cy", {"About us": "Amdanom ni"})
    response, soup = get(client, welsh.url)
    assert response.status_code == 200
    assert soup.h1.get_text(strip=True) == "Amdanom ni"
    assert soup.select_one(".translation-notice") is None


@pytest.mark.parametrize("language", ["cy", "ar"])
def test_site_name_leads_to_the_home_in_the_readers_language(client, leeds, language):
    for path in (f"/{language}/", f"/{language}/about/"):
        _response, soup = get(client, path)
        assert soup.select_one("body > header a")["href"] == f"/{language}/"
    _response, soup = get(client, "/about/")
    assert soup.select_one("body > header a")["href"] == "/"


def test_english_address_under_a_language_prefix_leads_to_the_translation(
    client, leeds
):
    publish_translation(about(leeds), "cy", WELSH_ABOUT)
    response = client.get("/cy/about/", HTTP_HOST=HOST)
    assert response.status_code == 302
    assert response["Location"] == "/cy/amdanom-ni/"
    response = client.get("/ar/about/", HTTP_HOST=HOST)
    assert response.status_code == 404
