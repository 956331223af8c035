"""A live translated page keeps its published words until new ones are
published: for a story, until its site's moderators approve them.

Every way wagtail-localize saves a translation (cms.i18n.live_words) leaves
the public /ar/ page as it was and puts the new words in a draft revision.
"""

import pytest

from django.urls import reverse

from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, Translation, TranslationSource

from cms.models import StoryIndexPage, StoryPage
from tests import content
from tests.factories import make_member
from tests.test_story_safeguarding import approve
from tests.test_translated_story_review import HOST, arabic_story, public_title, send
from tests.test_translators import po_for, upload
from tests.translating import fill_strings, publish_translation, start_translation

PUBLISHED = "العبور"
NEW = "عبور البحر"


@pytest.fixture
def translator(group_site):
    return make_member(group_site, "translator", "sheffield-arabic", language="ar")


@pytest.fixture
def live_story(client, group_site, translator, site_moderator):
    """An Arabic story approved and live as "العبور"."""
    story, translation, arabic = arabic_story(group_site, translator)
    send(client, translator, arabic)
    approve(client, site_moderator, arabic)
    assert public_title(client, arabic) == PUBLISHED
    return story, translation, arabic


def draft_title(page):
    page.refresh_from_db()
    return page.get_latest_revision().as_object().title


def stays_published_until_approved(client, arabic, site_moderator, translator):
    assert public_title(client, arabic) == PUBLISHED
    assert send(client, translator, arabic).status_code == 302
    assert public_title(client, arabic) == PUBLISHED
    assert draft_title(arabic) == NEW

    approve(client, site_moderator, arabic)

    assert public_title(client, arabic) == NEW


def test_the_translation_editor_changes_no_public_words(
    client, live_story, translator, site_moderator
):
    _story, translation, arabic = live_story
    segment = StringSegment.objects.get(
        source=translation.source, string__data="Crossing"
    )
    client.force_login(translator)
    response = client.put(
        reverse(
            "wagtail_localize:edit_string_translation",
            args=[translation.id, segment.id],
        ),
        f"value={NEW}",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    editor = reverse("wagtailadmin_pages:edit", args=[arabic.pk])
    client.post(editor, {"action": "publish"})  # refused: stories need review
    assert public_title(client, arabic) == PUBLISHED

    assert send(client, translator, arabic).status_code == 302
    assert draft_title(arabic) == NEW
    assert public_title(client, arabic) == PUBLISHED

    approve(client, site_moderator, arabic)

    assert public_title(client, arabic) == NEW


def test_translating_the_story_section_with_its_subtree_keeps_the_live_story(
    client,
    live_story,
    group_site,
    translator,
    site_moderator,
    django_capture_on_commit_callbacks,
):
    story, translation, arabic = live_story
    fill_strings(translation, {"Crossing": NEW})
    section = StoryIndexPage.objects.get(pk=story.get_parent().pk)
    arabic_section = section.get_translation(Locale.objects.get(language_code="ar"))
    section_title = public_title(client, arabic_section)
    assert section_title
    client.force_login(site_moderator)
    url = reverse("wagtail_localize:submit_page_translation", args=[section.pk])
    ar = Locale.objects.get(language_code="ar")

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"locales": [ar.pk], "include_subtree": "on"})

    assert response.status_code == 302
    assert public_title(client, arabic_section) == section_title
    assert public_title(client, arabic) == PUBLISHED
    assert draft_title(arabic) == NEW
    stays_published_until_approved(client, arabic, site_moderator, translator)


def test_translating_a_live_alias_keeps_its_words_until_published(
    client, group_site, site_moderator, django_capture_on_commit_callbacks
):
    """The Arabic story section mirrors the English one until translated."""
    story = content.add_story(group_site, "Crossing")
    start_translation(story, "ar")
    section = StoryIndexPage.objects.get(pk=story.get_parent().pk)
    ar = Locale.objects.get(language_code="ar")
    arabic_section = section.get_translation(ar)
    assert arabic_section.alias_of_id == section.pk
    section_title = public_title(client, arabic_section)
    source, _created = TranslationSource.get_or_create_from_instance(section)
    translation = Translation.objects.create(source=source, target_locale=ar)
    fill_strings(translation, {section.title: "قصص اللجوء"})
    client.force_login(site_moderator)
    url = reverse("wagtail_localize:submit_page_translation", args=[section.pk])

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"locales": [ar.pk]})

    assert response.status_code == 302
    arabic_section.refresh_from_db()
    assert arabic_section.alias_of_id is None
    assert public_title(client, arabic_section) == section_title
    assert draft_title(arabic_section) == "قصص اللجوء"

    arabic_section.get_latest_revision().publish()

    assert public_title(client, arabic_section) == "قصص اللجوء"


def test_syncing_translated_pages_keeps_the_live_story(
    client, live_story, site_moderator, translator
):
    story, translation, arabic = live_story
    fill_strings(translation, {"Crossing": NEW})
    client.force_login(site_moderator)
    url = reverse("wagtail_localize:update_translations", args=[translation.source.id])

    response = client.post(url, {"publish_translations": "on"})

    assert response.status_code == 302
    stays_published_until_approved(client, arabic, site_moderator, translator)


def test_a_po_upload_keeps_the_live_story(
    client, live_story, site_moderator, translator
):
    _story, translation, arabic = live_story
    client.force_login(translator)
    po = po_for(client, translation, NEW, msgid="Crossing")

    response = upload(client, translation, po)

    assert response.status_code == 302
    assert public_title(client, arabic) == PUBLISHED
    stays_published_until_approved(client, arabic, site_moderator, translator)


def test_any_live_page_keeps_its_words_until_a_draft_translation_is_published(
    client, group_site
):
    about = group_site.root_page.get_children().get(slug="about").specific
    arabic = publish_translation(about, "ar", {"About us": "من نحن"})
    translation = start_translation(about, "ar")
    fill_strings(translation, {"About us": "تعرّف علينا"})

    translation.save_target(publish=False)

    arabic = Page.objects.get(pk=arabic.pk).specific
    response = client.get(arabic.url, HTTP_HOST=HOST)
    assert "من نحن" in response.content.decode()
    assert "تعرّف علينا" not in response.content.decode()
    assert arabic.has_unpublished_changes
    assert draft_title(arabic) == "تعرّف علينا"

    arabic.get_latest_revision().publish()

    response = client.get(arabic.url, HTTP_HOST=HOST)
    assert "تعرّف علينا" in response.content.decode()


def test_a_story_saved_as_draft_in_arabic_keeps_its_published_words(
    client, live_story, translator, site_moderator
):
    _story, translation, arabic = live_story
    fill_strings(translation, {"Crossing": NEW})

    translation.save_target(user=translator, publish=False)

    assert StoryPage.objects.get(pk=arabic.pk).live
    assert public_title(client, arabic) == PUBLISHED
    assert draft_title(arabic) == NEW
    stays_published_until_approved(client, arabic, site_moderator, translator)
