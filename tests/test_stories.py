"""Stories of sanctuary: consent before publishing, withdrawal, site-only stories."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup

from django.urls import reverse
from django.utils import timezone

from wagtail.models import Locale, PageLogEntry
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)
from wagtail_localize.fields import get_translatable_fields

from cms.models import StoryIndexPage, StoryPage
from tests import content

HOST = "sheffield.localhost"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def edit_form(story, **changes):
    fields = {
        "title": story.title,
        "slug": story.slug,
        "storyteller": story.storyteller,
        "hide_surname": "on",
        "hide_location": "on",
        "hide_face": "on",
        "location": "",
        "summary": "",
        "body": streamfield([("paragraph", rich_text("<p>My story in my words.</p>"))]),
        "consent_given_on": "",
        "consent_method": "",
        "consent_recorded_by": "",
        "consent_withdrawn_on": "",
        "consent_web": "on",
        "consent_review_by": (timezone.localdate() + timedelta(days=200)).isoformat(),
        "comments": inline_formset([]),
        **changes,
    }
    return nested_form_data(fields)


def draft_story(site, **fields):
    index = StoryIndexPage.objects.child_of(site.root_page).get()
    fields.setdefault("title", "Waiting")
    story = StoryPage(storyteller="Yonas Tesfaye", live=False, **fields)
    index.add_child(instance=story)
    story.save_revision()
    return story


def post_edit(client, user, story, **data):
    client.force_login(user)
    url = reverse("wagtailadmin_pages:edit", args=[story.pk])
    return client.post(url, edit_form(story, **data))


def test_publishing_a_story_without_consent_is_refused(
    client, group_site, site_moderator
):
    story = draft_story(group_site)
    response = post_edit(client, site_moderator, story, **{"action-publish": "1"})
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    errors = soup.select("[id$='-errors'], .error-message")
    text = " ".join(e.get_text(" ", strip=True) for e in errors)
    assert "Record the storyteller's consent before publishing." in text
    story.refresh_from_db()
    assert story.live is False
    assert client.get(story.url, HTTP_HOST=HOST).status_code == 404


def test_submitting_a_story_for_approval_without_consent_is_refused(
    client, group_site, site_editor
):
    story = draft_story(group_site)
    response = post_edit(client, site_editor, story, **{"action-submit": "1"})
    assert response.status_code == 200
    assert b"Record the storyteller" in response.content
    assert story.current_workflow_state is None


def test_saving_a_draft_without_consent_is_allowed(client, group_site, site_editor):
    story = draft_story(group_site)
    response = post_edit(client, site_editor, story, title="Waiting, a draft")
    assert response.status_code == 302
    story.refresh_from_db()
    assert story.get_latest_revision_as_object().title == "Waiting, a draft"


def test_story_with_withdrawn_consent_cannot_be_republished(
    client, group_site, site_moderator
):
    story = draft_story(group_site, **content.CONSENT)
    response = post_edit(
        client,
        site_moderator,
        story,
        consent_given_on="2025-03-01",
        consent_method="Signed form",
        consent_recorded_by="Coordinator",
        consent_withdrawn_on="2025-04-01",
        **{"action-publish": "1"},
    )
    assert response.status_code == 200
    assert b"withdrew consent" in response.content
    story.refresh_from_db()
    assert story.live is False


def test_withdrawing_consent_unpublishes_the_story_in_every_language(
    client, group_site, site_editor
):
    story = content.add_story(group_site, "Finding my voice", network_display=True)
    locale = Locale.objects.get(language_code="ar")
    arabic = story.copy_for_translation(locale, copy_parents=True)
    arabic.save_revision().publish()
    assert StoryPage.objects.network_visible().count() == 2

    response = post_edit(  # an editor, who may not publish, may still take down
        client,
        site_editor,
        story,
        consent_given_on="2025-03-01",
        consent_method="Signed form",
        consent_recorded_by="Coordinator",
        consent_withdrawn_on="2025-06-01",
    )

    assert response.status_code == 302, [
        e.get_text(" ", strip=True)
        for e in BeautifulSoup(response.content, "html.parser").select(
            ".messages, .w-field__errors"
        )
    ]
    assert not StoryPage.objects.live().exists()
    assert StoryPage.objects.network_visible().count() == 0
    assert set(StoryPage.objects.values_list("consent_withdrawn_on", flat=True)) == {
        content.CONSENT["consent_given_on"].replace(month=6)
    }
    assert client.get(story.url, HTTP_HOST=HOST).status_code == 404
    listing = BeautifulSoup(
        client.get("/stories/", HTTP_HOST=HOST).content, "html.parser"
    )
    assert not listing.select(".card")
    log = PageLogEntry.objects.filter(page=story, action="wagtail.unpublish").get()
    assert log.user == site_editor


def test_site_only_story_has_noindex_and_stays_out_of_the_sitemap(client, group_site):
    private = content.add_story(group_site, "Only for Sheffield")
    shared = content.add_story(group_site, "For everyone", network_display=True)
    soup = content.soup(client.get(private.url, HTTP_HOST=HOST))
    assert soup.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    shared_soup = BeautifulSoup(
        client.get(shared.url, HTTP_HOST=HOST).content, "html.parser"
    )
    assert shared_soup.find("meta", attrs={"name": "robots"}) is None

    sitemap = content.parse_xml(client.get("/sitemap.xml", HTTP_HOST=HOST).content)
    locations = [loc.text for loc in sitemap.iter(f"{SITEMAP}loc")]
    assert any(url.endswith(shared.url) for url in locations)
    assert not any(url.endswith(private.url) for url in locations)


def test_site_only_story_never_appears_on_another_site(
    client, group_site, other_group_site
):
    story = content.add_story(group_site, "Only for Sheffield")
    assert story not in StoryPage.objects.network_visible()
    response = client.get(story.url, HTTP_HOST="bristol.localhost")
    assert response.status_code == 404
    bristol = BeautifulSoup(
        client.get("/stories/", HTTP_HOST="bristol.localhost").content, "html.parser"
    )
    assert "Only for Sheffield" not in bristol.get_text()


def test_consent_is_synchronised_not_translated(group_site):
    names = {
        field.field_name: type(field).__name__
        for field in get_translatable_fields(StoryPage)
    }
    for name in ("consent_given_on", "consent_withdrawn_on", "network_display"):
        assert names[name] == "SynchronizedField"
    assert names["storyteller"] == "TranslatableField"


@pytest.mark.parametrize(
    ("hide", "shown"),
    [({}, "Amira"), ({"hide_surname": False}, "Amira Haddad")],
)
def test_story_cards_respect_the_name_choice(client, group_site, hide, shown):
    story = content.add_story(group_site, "A name", **hide)
    assert story.shown_name == shown
