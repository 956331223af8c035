"""One listing rule on a translated site: every item once, in the reader's
language where a live translation exists, else in English marked lang="en"."""

from dataclasses import dataclass, field

import pytest

from django.db import transaction

from wagtail.models import Site, get_page_models

from cms.models import (
    EventIndexPage,
    InspirationIndexPage,
    NewsIndexPage,
    ResourceIndexPage,
    StoryIndexPage,
)
from cms.models.base import IndexPage
from home.models import NetworkNewsPage, Syndication
from tests import content
from tests.factories import make_site
from tests.translating import publish_translation, start_translation

LANGUAGES = {
    "ar": ("Sheffield", "sheffield.localhost"),
    "cy": ("Wales", "wales.localhost"),
}
WELCOME = {"ar": "وجبة ترحيب", "cy": "Pryd croeso"}
BUILDERS = {
    NewsIndexPage: content.add_news,
    EventIndexPage: content.add_event,
    StoryIndexPage: content.add_story,
    InspirationIndexPage: content.add_inspiration,
    ResourceIndexPage: content.add_resource,
}
INDEX_TYPES = [model for model in get_page_models() if issubclass(model, IndexPage)]
# Shown in English on the translated news pages besides the two items of every index.
MORE_NEWS = [("Network gathering", "en"), ("Still in draft", "en")]


@dataclass
class Translated:
    site: Site
    sections: dict = field(default_factory=dict)  # index type: (English, translated)


def translate(page, language, title):
    """Publish a translation of `page` with a translated title and slug."""
    slug = f"{page.slug}-{language}"
    return publish_translation(page, language, {page.title: title, page.slug: slug})


def build(language, national):
    name, hostname = LANGUAGES[language]
    world = Translated(make_site(name=name, hostname=hostname, languages=[language]))
    for index_type, add in BUILDERS.items():
        welcome = add(world.site, "Welcome meal")
        add(world.site, "Bus fares")
        index = index_type.objects.child_of(world.site.root_page).get()
        world.sections[index_type] = (
            index,
            translate(index, language, f"{language} {index.title}"),
        )
        translate(welcome, language, WELCOME[language])
    draft = content.add_news(world.site, "Still in draft", days_ago=3)
    start_translation(draft, language)
    return world


@pytest.fixture(scope="module")
def worlds(django_db_setup, django_db_blocker):
    """Sheffield in Arabic and Wales in Welsh, built once, rolled back at the end."""
    with django_db_blocker.unblock(), transaction.atomic():
        national = make_site(
            kind="national", name="City of Sanctuary", hostname="localhost"
        )
        network = NetworkNewsPage(
            title="Network gathering", syndication=Syndication.ALL
        )
        content.publish(
            NewsIndexPage.objects.child_of(national.root_page).get(), network
        )
        yield {language: build(language, national) for language in LANGUAGES}
        transaction.set_rollback(True)


def listed(client, site, path, within="main"):
    """(title, language it is marked in) of every card."""
    response = client.get(path, HTTP_HOST=site.hostname)
    assert response.status_code == 200
    soup = content.soup(response)
    links = soup.select(f"{within} .card h2 a, {within} .card h3 a")
    return sorted(
        (a.get_text(strip=True), a.find_parent(attrs={"lang": True})["lang"])
        for a in links
    )


def expected(index_type, language):
    items = [(WELCOME[language], language), ("Bus fares", "en")]
    return sorted(items + (MORE_NEWS if index_type is NewsIndexPage else []))


def test_every_index_type_is_covered_here():
    assert set(INDEX_TYPES) == set(BUILDERS)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("index_type", INDEX_TYPES, ids=lambda m: m.__name__)
def test_translated_index_lists_translations_and_the_rest_in_english(
    client, worlds, db, language, index_type
):
    world = worlds[language]
    english, translated = world.sections[index_type]
    assert listed(client, world.site, translated.url) == expected(index_type, language)
    assert WELCOME[language] not in dict(listed(client, world.site, english.url))


@pytest.mark.parametrize("language", LANGUAGES)
def test_translated_home_lists_news_as_its_news_page_does(client, worlds, db, language):
    world = worlds[language]
    home_news = listed(client, world.site, f"/{language}/", within=".news-list")
    assert home_news == expected(NewsIndexPage, language)


def test_english_items_on_an_arabic_page_are_marked_left_to_right(client, worlds, db):
    world = worlds["ar"]
    _english, translated = world.sections[EventIndexPage]
    soup = content.soup(client.get(translated.url, HTTP_HOST=world.site.hostname))
    titles = {h2.get_text(strip=True): h2 for h2 in soup.select("main .card h2")}
    assert (titles["Bus fares"]["lang"], titles["Bus fares"]["dir"]) == ("en", "ltr")
    assert not titles[WELCOME["ar"]].has_attr("lang")
    assert soup.html["dir"] == "rtl"
    menu = soup.select("nav.main-menu a[lang=en]")
    assert menu
    assert {a["dir"] for a in menu} == {"ltr"}
