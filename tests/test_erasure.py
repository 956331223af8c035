"""Erasing a story of sanctuary: nothing of it may stay in any table, file or index."""

import io
import json
import os

import pytest
from bs4 import BeautifulSoup

from django.core.management import CommandError, call_command
from django.db import connection
from django.urls import reverse

from wagtail.contrib.forms.models import FormSubmission
from wagtail.contrib.redirects.models import Redirect
from wagtail.images import get_image_model
from wagtail.models import Page, PageLogEntry

from cms.access.roles import site_collection
from cms.models import ErasureRecord, FormPage, StoryIndexPage, StoryPage
from cms.stories.erasure import erase_story
from tests import content
from tests.factories import make_member
from tests.translating import fill_strings, start_translation

HOST = "sheffield.localhost"
SENTINEL = "Quorvannith"
NAME = f"Amira {SENTINEL}"


@pytest.fixture
def media(settings, tmp_path):
    """Files on a real disk, so the test can look for them afterwards."""
    settings.MEDIA_ROOT = str(tmp_path)
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    return tmp_path


def story_body(text, image=None):
    blocks = [{"type": "paragraph", "value": f"<p>{text}</p>"}]
    if image:
        blocks.append(
            {
                "type": "image",
                "value": {"image": image.pk, "alt_text": NAME, "caption": ""},
            }
        )
    return json.dumps(blocks)


def tell_story(site, moderator, title=f"The journey of {NAME}"):
    """A published, edited, translated story with a portrait and a rendition."""
    portrait = content.make_image(title=f"Portrait of {NAME}")
    portrait.collection = site_collection(site)
    portrait.tags.add(f"{SENTINEL} family")
    portrait.save()
    portrait.get_rendition("fill-100x100")
    index = StoryIndexPage.objects.child_of(site.root_page).get()
    story = content.publish(
        index,
        StoryPage(
            title=title,
            storyteller=NAME,
            summary=f"{NAME} tells how she found a home.",
            body=story_body(f"My name is {NAME}.", portrait),
            portrait=portrait,
            photo_permission=True,
            network_display=True,
            **content.CONSENT,
        ),
    )
    for version in (2, 3):
        story.body = story_body(f"Version {version}: I am {NAME}.", portrait)
        story.slug = f"journey-{SENTINEL.lower()}-{version}"
        revision = story.save_revision(user=moderator)
        # as the moderator's safeguarding approval publishes it
        revision.publish(user=moderator, skip_permission_checks=True)
    return StoryPage.objects.get(pk=story.pk)


def translate(story, language):
    translation = start_translation(story, language)
    strings = translation.source.stringsegment_set.values_list(
        "string__data", flat=True
    )
    fill_strings(translation, {text: f"[{language}] {text}" for text in strings})
    translation.save_target(publish=False)
    copy = story.get_translation(translation.target_locale)
    copy.get_latest_revision().publish()
    return copy


def mention_in_form(site, text):
    form = FormPage.objects.descendant_of(site.root_page).first()
    return FormSubmission.objects.create(page=form, form_data={"message": text})


def rows_holding(word):
    """Every row of every table in the database that holds the word."""
    word = word.lower()
    found = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            name = connection.ops.quote_name(table)  # from introspection, not input
            cursor.execute(f"SELECT * FROM {name}")  # noqa: S608
            for row in cursor.fetchall():
                text = " ".join(
                    bytes(v).decode("utf-8", "replace")
                    if isinstance(v, (bytes, memoryview))
                    else str(v)
                    for v in row
                )
                if word in text.lower():
                    found.append((table, text[:120]))
    return found


def files_holding(root, word):
    word = word.lower()
    found = []
    for folder, _dirs, files in os.walk(root):
        for name in files:
            path = os.path.join(folder, name)
            with open(path, "rb") as file:
                if word in name.lower() or word.encode() in file.read().lower():
                    found.append(path)
    return found


def found(client, word, host=HOST):
    """Titles of the results the site's search shows for the word."""
    response = client.get("/search/", {"q": word}, HTTP_HOST=host)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return [a.get_text(strip=True) for a in soup.select(".search-result h3 a")]


def test_erased_story_leaves_no_trace_in_any_table_file_or_search(
    client, media, group_site, site_moderator, site_editor
):
    story = tell_story(group_site, site_moderator)
    translate(story, "ar")
    group_site.root_page.get_workflow().start(story, site_editor)
    mention_in_form(group_site, f"Please ring {NAME} about the choir.")
    Redirect.objects.create(
        old_path=f"/old-{SENTINEL.lower()}", site=group_site, redirect_page=story
    )
    assert found(client, SENTINEL) == [story.title]
    tables = {table for table, _row in rows_holding(SENTINEL)}
    assert {
        "wagtailcore_page",
        "wagtailcore_revision",
        "wagtailcore_pagelogentry",
        "wagtail_localize_translationsource",
        "wagtail_localize_string",
        "wagtail_localize_stringtranslation",
        "wagtailsearch_indexentry",
        "wagtailimages_image",
        "wagtailimages_rendition",
        "wagtailforms_formsubmission",
        "wagtailredirects_redirect",
        "taggit_tag",
    } <= tables
    assert len(files_holding(media, SENTINEL)) >= 2  # the original and a rendition

    record = erase_story(story, by=site_moderator)

    assert rows_holding(SENTINEL) == []
    assert files_holding(media, SENTINEL) == []
    assert found(client, SENTINEL) == []
    assert not Page.objects.search(SENTINEL)
    assert record.removed["pages"] == 2
    assert record.removed["images"] == 1
    assert record.removed["form_submissions"] == 1
    assert record.removed["revisions"] >= 4


def test_erasure_record_keeps_counts_but_no_title_name_or_text(
    group_site, site_moderator
):
    story = tell_story(group_site, site_moderator)
    record = erase_story(story, by=site_moderator)
    record.refresh_from_db()
    assert record.site == group_site
    assert record.erased_by == site_moderator
    assert record.removed["pages"] == 1
    kept = json.dumps(record.removed) + str(record)
    for word in (SENTINEL, "Amira", "journey"):
        assert word.lower() not in kept.lower()
    history = PageLogEntry.objects.filter(page_id=story.pk)
    assert history.filter(action="wagtail.publish", user=site_moderator).exists()
    assert not history.exclude(label="(erased)").exists()


def test_erasure_keeps_what_others_still_use_or_only_resembles_the_name(
    media, group_site, other_group_site, site_moderator
):
    story = tell_story(group_site, site_moderator)
    shared = content.make_image(title="The town hall")
    shared.collection = site_collection(group_site)
    shared.save()
    story.listing_image = shared
    story.save_revision().publish()
    content.add_inspiration(group_site, listing_image=shared)
    other_sites = mention_in_form(other_group_site, f"{NAME} came to Bristol too.")
    longer_name = mention_in_form(group_site, f"Amira {SENTINEL}son wrote.")
    first_name = mention_in_form(group_site, "Amira wrote to us.")

    erase_story(story, by=site_moderator)

    assert get_image_model().objects.filter(pk=shared.pk).exists()
    assert (
        FormSubmission.objects.filter(
            pk__in=[other_sites.pk, longer_name.pk, first_name.pk]
        ).count()
        == 3
    )


# The admin action and the command.


def erase_url(story):
    return reverse("cms_erasure:erase", args=[story.pk])


def test_moderator_confirms_and_erases_a_story_in_the_admin(
    client, group_site, site_moderator
):
    story = tell_story(group_site, site_moderator)
    client.force_login(site_moderator)
    response = client.get(erase_url(story))
    assert response.status_code == 200
    assert "cannot be undone" in response.content.decode()
    response = client.post(erase_url(story))
    assert response.status_code == 302
    assert not StoryPage.objects.filter(pk=story.pk).exists()
    assert ErasureRecord.objects.get().erased_by == site_moderator


@pytest.mark.parametrize("who", ["editor", "other_moderator", "other_editor"])
def test_editors_and_other_sites_moderators_cannot_see_or_erase_a_story(
    client, group_site, other_group_site, site_moderator, site_editor, who
):
    story = tell_story(group_site, site_moderator)
    user = {
        "editor": site_editor,
        "other_moderator": make_member(other_group_site, "moderator"),
        "other_editor": make_member(other_group_site, "editor"),
    }[who]
    client.force_login(user)
    for response in (client.get(erase_url(story)), client.post(erase_url(story))):
        assert response.status_code == 403
        assert SENTINEL not in response.content.decode()
    assert StoryPage.objects.filter(pk=story.pk).exists()
    assert not ErasureRecord.objects.exists()


def test_erase_page_refuses_pages_that_are_not_stories(
    client, group_site, network_admin
):
    client.force_login(network_admin)
    about = group_site.root_page.get_children().get(slug="about")
    assert client.get(erase_url(about)).status_code == 404
    assert client.post(reverse("cms_erasure:erase", args=[999999])).status_code == 404
    assert Page.objects.filter(pk=about.pk).exists()


def test_story_page_offers_erase_to_its_moderator_only(
    client, group_site, site_moderator, site_editor
):
    story = tell_story(group_site, site_moderator)
    edit = reverse("wagtailadmin_pages:edit", args=[story.pk])
    client.force_login(site_moderator)
    assert erase_url(story) in client.get(edit).content.decode()
    client.force_login(site_editor)
    assert erase_url(story) not in client.get(edit).content.decode()


def test_erase_story_command_erases_and_reports_counts(group_site, site_moderator):
    story = tell_story(group_site, site_moderator)
    out = io.StringIO()
    call_command(
        "erase_story", str(story.pk), "--user", site_moderator.username, stdout=out
    )
    assert not StoryPage.objects.filter(pk=story.pk).exists()
    assert "pages: 1" in out.getvalue()
    assert SENTINEL not in out.getvalue()


@pytest.mark.parametrize(
    "args, message",
    [
        (["999999", "--user", "{moderator}"], "No story has the id 999999"),
        (["{about}", "--user", "{moderator}"], "is not a story"),
        (["{story}", "--user", "nobody"], "No user is called nobody"),
        (["{story}", "--user", "{editor}"], "may not erase"),
        (["twelve", "--user", "{moderator}"], "invalid int value"),
    ],
)
def test_erase_story_command_refuses_bad_input_clearly(
    group_site, site_moderator, site_editor, args, message
):
    story = tell_story(group_site, site_moderator)
    about = group_site.root_page.get_children().get(slug="about")
    values = {
        "{moderator}": site_moderator.username,
        "{editor}": site_editor.username,
        "{story}": str(story.pk),
        "{about}": str(about.pk),
    }
    with pytest.raises(CommandError, match=message):
        call_command("erase_story", *(values.get(a, a) for a in args))
    assert StoryPage.objects.filter(pk=story.pk).exists()
