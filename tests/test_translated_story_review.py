"""A translated story goes live through its site's safeguarding review: the
site's translator into that language sends it, the site's moderators approve."""

from datetime import date

import pytest

from django.urls import reverse

from wagtail.models import Locale, PageLogEntry, Revision, TaskState, WorkflowState

from cms.models import StoryPage
from tests import content
from tests.factories import make_member
from tests.test_story_safeguarding import approve
from tests.translating import fill_strings, start_translation

HOST = "sheffield.localhost"
BUTTON = "Submit for safeguarding review"


def arabic_story(site, translator, **fields):
    story = content.add_story(site, "Crossing", **fields)
    translation = start_translation(story, "ar", user=translator)
    fill_strings(translation, {"Crossing": "العبور"})
    arabic = StoryPage.objects.get(
        translation_key=story.translation_key, locale__language_code="ar"
    )
    return story, translation, arabic


def submit_url(page):
    return reverse("cms_story_review:submit", args=[page.pk])


def send(client, person, page):
    client.force_login(person)
    return client.post(submit_url(page))


def public_title(client, page):
    page.refresh_from_db()
    response = client.get(page.url, HTTP_HOST=HOST)
    if response.status_code != 200:
        return None
    return content.soup(response).h1.get_text(strip=True)


def review_states(page):
    return WorkflowState.objects.filter(object_id=str(page.pk))


@pytest.fixture
def translator(group_site):
    return make_member(group_site, "translator", "sheffield-arabic", language="ar")


def test_translator_sends_the_arabic_story_and_approval_publishes_it_under_ar(
    client, group_site, translator, site_moderator
):
    story, _translation, arabic = arabic_story(group_site, translator)
    client.force_login(translator)
    editor = content.soup(
        client.get(reverse("wagtailadmin_pages:edit", args=[arabic.pk]))
    )
    link = editor.select_one(".story-review a")
    assert link.get_text(strip=True) == BUTTON
    assert link["href"] == submit_url(arabic)
    confirm = content.soup(client.get(submit_url(arabic)))
    assert confirm.find("button", string=BUTTON)

    response = send(client, translator, arabic)

    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[arabic.pk])
    arabic.refresh_from_db()
    state = arabic.current_workflow_state
    assert state.workflow.name == "Story safeguarding: Sheffield"
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.requested_by == translator
    revision = arabic.current_workflow_task_state.revision
    assert revision.as_object().title == "العبور"
    assert revision.user == translator
    assert not arabic.live
    assert public_title(client, arabic) is None
    client.force_login(site_moderator)
    dashboard = content.soup(client.get(reverse("wagtailadmin_home")))
    approve_url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[arabic.pk, "approve", arabic.current_workflow_task_state.pk],
    )
    assert dashboard.find("button", attrs={"data-workflow-action-url": approve_url})

    assert approve(client, site_moderator, arabic).status_code == 302

    arabic.refresh_from_db()
    assert arabic.live
    assert arabic.url.startswith("/ar/")
    assert public_title(client, arabic) == "العبور"
    assert public_title(client, story) == "Crossing"
    publish = PageLogEntry.objects.get(page=arabic, action="wagtail.publish")
    assert publish.user == site_moderator


@pytest.mark.parametrize("role", ["editor", "moderator"])
def test_the_sites_editors_and_moderators_may_send_it_too(client, group_site, role):
    person = make_member(group_site, role)
    _story, _translation, arabic = arabic_story(group_site, None)

    assert send(client, person, arabic).status_code == 302

    assert review_states(arabic).get().requested_by == person


OUTSIDERS = {
    "welsh translator of the site": ("group", "translator", "cy"),
    "arabic translator of another site": ("other", "translator", "ar"),
    "moderator of another site": ("other", "moderator", None),
    "editor of another site": ("other", "editor", None),
}


@pytest.mark.parametrize("outsider", OUTSIDERS.values(), ids=OUTSIDERS.keys())
def test_people_outside_the_site_or_language_cannot_send_it(
    client, group_site, other_group_site, translator, outsider
):
    where, role, language = outsider
    site = group_site if where == "group" else other_group_site
    person = make_member(site, role, f"outsider-{role}", language=language)
    _story, _translation, arabic = arabic_story(group_site, translator)
    revisions = Revision.objects.for_instance(arabic).count()
    client.force_login(person)

    assert client.get(submit_url(arabic)).status_code == 403
    assert send(client, person, arabic).status_code == 403

    assert not review_states(arabic).exists()
    assert Revision.objects.for_instance(arabic).count() == revisions
    arabic.refresh_from_db()
    assert not arabic.live
    assert BUTTON.encode() not in client.get(submit_url(arabic)).content


def test_another_sites_moderator_cannot_approve_the_translation(
    client, group_site, other_group_site, translator
):
    bristol_moderator = make_member(other_group_site, "moderator")
    _story, _translation, arabic = arabic_story(group_site, translator)
    send(client, translator, arabic)

    approve(client, bristol_moderator, arabic)

    arabic.refresh_from_db()
    assert not arabic.live
    task = arabic.current_workflow_task_state
    assert task.status == TaskState.STATUS_IN_PROGRESS


def withdraw(story, site_moderator):
    story.consent_withdrawn_on = date(2025, 6, 1)
    story.save_revision(user=site_moderator)


@pytest.mark.parametrize(
    ("fields", "change", "message"),
    [
        (
            {},
            withdraw,
            "The storyteller withdrew consent: this story cannot be published.",
        ),
        (
            {"consent_web": False},
            None,
            "The storyteller has not agreed to publication on the web.",
        ),
    ],
    ids=["consent withdrawn", "no web consent"],
)
def test_a_story_without_consent_cannot_be_sent(
    client, group_site, translator, site_moderator, fields, change, message
):
    story, _translation, arabic = arabic_story(group_site, translator, **fields)
    if change:
        change(story, site_moderator)
    client.force_login(translator)
    page = content.soup(client.get(submit_url(arabic)))
    assert page.select_one(".story-review-problem").get_text(strip=True) == message
    assert not page.find("button", string=BUTTON)

    response = send(client, translator, arabic)

    assert response.status_code == 400
    shown = content.soup(response).select_one(".story-review-problem")
    assert shown.get_text(strip=True) == message
    assert not review_states(arabic).exists()
    arabic.refresh_from_db()
    assert not arabic.live


def test_a_new_translation_of_a_live_story_needs_approval_again(
    client, group_site, translator, site_moderator
):
    _story, translation, arabic = arabic_story(group_site, translator)
    send(client, translator, arabic)
    approve(client, site_moderator, arabic)
    assert public_title(client, arabic) == "العبور"

    fill_strings(translation, {"Crossing": "عبور البحر"})
    assert send(client, translator, arabic).status_code == 302
    assert public_title(client, arabic) == "العبور"
    arabic.refresh_from_db()
    assert arabic.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS

    approve(client, site_moderator, arabic)

    assert public_title(client, arabic) == "عبور البحر"
    assert review_states(arabic).count() == 2


def test_a_story_in_review_cannot_be_changed_by_the_translator_until_reviewed(
    client, group_site, translator, site_moderator
):
    _story, translation, arabic = arabic_story(group_site, translator)
    send(client, translator, arabic)
    fill_strings(translation, {"Crossing": "عبور البحر"})

    response = send(client, translator, arabic)

    assert response.status_code == 400
    assert "waiting for its safeguarding review" in response.content.decode()
    approve(client, site_moderator, arabic)
    assert public_title(client, arabic) == "العبور"


def test_a_moderators_new_translation_during_review_is_reviewed_before_it_is_live(
    client, group_site, translator, site_moderator
):
    _story, translation, arabic = arabic_story(group_site, translator)
    send(client, translator, arabic)
    fill_strings(translation, {"Crossing": "عبور البحر"})
    assert send(client, site_moderator, arabic).status_code == 302

    approve(client, site_moderator, arabic)  # approves the first words only
    arabic.refresh_from_db()
    assert not arabic.live

    approve(client, site_moderator, arabic)
    assert public_title(client, arabic) == "عبور البحر"


def test_the_source_story_and_other_pages_offer_no_such_action(
    client, group_site, site_moderator, translator
):
    story, _translation, _arabic = arabic_story(group_site, translator)
    client.force_login(site_moderator)
    assert client.get(submit_url(story)).status_code == 404
    assert client.get(submit_url(group_site.root_page)).status_code == 404
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[story.pk]))
    assert BUTTON.encode() not in edit.content


def test_translating_a_live_story_makes_a_draft_not_a_live_page(
    client, group_site, translator, django_capture_on_commit_callbacks
):
    story = content.add_story(group_site, "Crossing")
    client.force_login(translator)
    url = reverse("wagtail_localize:submit_page_translation", args=[story.pk])
    arabic_locale = Locale.objects.get(language_code="ar")

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"locales": [arabic_locale.pk]})

    assert response.status_code == 302
    arabic = StoryPage.objects.get(
        translation_key=story.translation_key, locale=arabic_locale
    )
    assert not arabic.live
    assert public_title(client, arabic) is None


def test_the_stories_listing_offers_the_action_to_the_translator(
    client, group_site, translator
):
    _story, _translation, arabic = arabic_story(group_site, translator)
    client.force_login(translator)
    listing = content.soup(
        client.get(reverse("wagtailadmin_explore", args=[arabic.get_parent().pk]))
    )
    links = [a["href"] for a in listing.find_all("a") if BUTTON in a.get_text()]
    assert links == [submit_url(arabic)]
