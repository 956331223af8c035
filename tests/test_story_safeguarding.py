"""Safeguarding: a story goes live only through its site's moderators' approval,
again after every edit, and never through another site's moderators."""

import importlib

import pytest

from django.apps import apps
from django.urls import reverse

from wagtail.models import (
    Locale,
    PageLogEntry,
    TaskState,
    Workflow,
    WorkflowPage,
    WorkflowState,
)

from cms.models import Role, SiteRole, StoryIndexPage, StoryPage
from tests import content
from tests.factories import make_member
from tests.test_stories import draft_story, post_edit
from tests.translating import fill_strings, start_translation

HOST = "sheffield.localhost"
CONSENT = {
    "consent_given_on": "2025-03-01",
    "consent_method": "Signed form",
    "consent_recorded_by": "Coordinator",
}


def submit(client, editor, story, **changes):
    response = post_edit(
        client, editor, story, **CONSENT, **changes, **{"action-submit": "1"}
    )
    assert response.status_code == 302
    story.refresh_from_db()
    return story.current_workflow_state


def approve(client, moderator, story):
    story.refresh_from_db()
    task_state = story.current_workflow_task_state
    client.force_login(moderator)
    url = reverse(
        "wagtailadmin_pages:workflow_action", args=[story.pk, "approve", task_state.pk]
    )
    return client.post(url, {"comment": ""})


def public_title(client, story):
    response = client.get(story.url, HTTP_HOST=HOST)
    if response.status_code != 200:
        return None
    return content.soup(response).h1.get_text(strip=True)


def test_each_site_has_a_safeguarding_workflow_on_its_story_sections(
    group_site, other_group_site
):
    workflow = Workflow.objects.get(name="Story safeguarding: Sheffield")
    (task,) = [t.specific for t in workflow.tasks]
    assert task.name == "Safeguarding review: Sheffield"
    moderators = SiteRole.objects.get(
        site=group_site, role=Role.MODERATOR, locale=None
    ).group
    assert list(task.groups.all()) == [moderators]
    index = StoryIndexPage.objects.child_of(group_site.root_page).get()
    assert index.get_workflow() == workflow
    story = draft_story(group_site)
    assert story.get_workflow() == workflow
    bristol = StoryIndexPage.objects.child_of(other_group_site.root_page).get()
    assert bristol.get_workflow().name == "Story safeguarding: Bristol"
    assert group_site.root_page.get_workflow().name == "Sheffield approval"


def test_translated_story_sections_get_the_same_safeguarding(group_site):
    story = draft_story(group_site)
    arabic = story.copy_for_translation(
        Locale.objects.get(language_code="ar"), copy_parents=True
    )
    assert arabic.get_parent().specific.locale.language_code == "ar"
    assert arabic.get_workflow().name == "Story safeguarding: Sheffield"


def test_editor_submits_moderator_approves_and_the_story_goes_live(
    client, group_site, site_editor, site_moderator
):
    story = draft_story(group_site)
    state = submit(client, site_editor, story)
    assert state.workflow.name == "Story safeguarding: Sheffield"
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert public_title(client, story) is None

    response = approve(client, site_moderator, story)

    assert response.status_code == 302
    story.refresh_from_db()
    assert story.live
    assert public_title(client, story) == "Waiting"
    publish = PageLogEntry.objects.get(page=story, action="wagtail.publish")
    assert publish.user == site_moderator


@pytest.mark.parametrize("role", ["editor", "moderator"])
def test_site_roles_cannot_publish_a_story_directly(client, group_site, role):
    person = make_member(group_site, role)
    story = draft_story(group_site)
    edit = client_get_edit(client, person, story)
    assert edit.status_code == 200
    assert not content.soup(edit).select("[name='action-publish']")

    response = post_edit(client, person, story, **CONSENT, **{"action-publish": "1"})

    assert response.status_code == 302  # saved as a draft, nothing more
    story.refresh_from_db()
    assert not story.live
    assert public_title(client, story) is None
    assert not PageLogEntry.objects.filter(page=story, action="wagtail.publish")


@pytest.mark.parametrize("role", ["editor", "moderator"])
def test_a_new_story_is_created_as_a_draft_even_when_publish_is_pressed(
    client, group_site, role
):
    person = make_member(group_site, role)
    index = StoryIndexPage.objects.child_of(group_site.root_page).get()
    client.force_login(person)
    url = reverse("wagtailadmin_pages:add", args=["cms", "storypage", index.pk])
    from tests.test_stories import edit_form

    data = edit_form(
        StoryPage(title="New voice", slug="new-voice", storyteller="Sara"), **CONSENT
    )
    response = client.post(url, {**data, "action-publish": "1"})

    assert response.status_code == 302
    story = StoryPage.objects.get(slug="new-voice")
    assert not story.live
    assert public_title(client, story) is None


def test_network_admin_may_still_publish_a_story_directly(
    client, group_site, network_admin
):
    story = draft_story(group_site)
    response = post_edit(
        client, network_admin, story, **CONSENT, **{"action-publish": "1"}
    )
    assert response.status_code == 302
    assert public_title(client, story) == "Waiting"


def client_get_edit(client, person, story):
    client.force_login(person)
    return client.get(reverse("wagtailadmin_pages:edit", args=[story.pk]))


def test_editing_a_published_story_needs_approval_again(
    client, group_site, site_editor, site_moderator
):
    story = content.add_story(group_site, "Garden")
    for person in (site_editor, site_moderator):
        post_edit(
            client,
            person,
            story,
            title="Garden, changed",
            **CONSENT,
            **{"action-publish": "1"},
        )
        assert public_title(client, story) == "Garden"

    submit(client, site_editor, story, title="Garden, changed")
    assert public_title(client, story) == "Garden"
    assert approve(client, site_moderator, story).status_code == 302
    assert public_title(client, story) == "Garden, changed"


def test_an_edit_during_review_is_reviewed_before_it_goes_live(
    client, group_site, site_editor, site_moderator
):
    story = draft_story(group_site)
    submit(client, site_editor, story, title="First words")
    first_task = story.current_workflow_task_state
    post_edit(client, site_editor, story, title="Edited in review", **CONSENT)
    assert story.get_latest_revision_as_object().title == "First words"  # locked
    post_edit(client, site_moderator, story, title="Second words", **CONSENT)

    approve(client, site_moderator, story)

    story.refresh_from_db()
    assert not story.live  # the approval was for the first words only
    second_task = story.current_workflow_task_state
    assert second_task.pk != first_task.pk
    assert second_task.status == TaskState.STATUS_IN_PROGRESS
    assert second_task.revision == story.get_latest_revision()

    approve(client, site_moderator, story)
    assert public_title(client, story) == "Second words"


def test_another_sites_moderator_cannot_approve_a_story(
    client, group_site, other_group_site, site_editor
):
    bristol_moderator = make_member(other_group_site, "moderator")
    story = draft_story(group_site)
    submit(client, site_editor, story)

    response = approve(client, bristol_moderator, story)

    assert response.status_code in (302, 403, 404)
    assert response.get("Location") in (None, "/admin/")  # sent away, not approved
    story.refresh_from_db()
    assert not story.live
    assert story.current_workflow_task_state.status == TaskState.STATUS_IN_PROGRESS
    edit = client_get_edit(client, bristol_moderator, story)
    assert edit.status_code in (302, 403, 404)


def test_approving_a_story_whose_consent_was_removed_does_not_leave_it_live(
    client, group_site, site_editor, site_moderator
):
    story = draft_story(group_site)
    submit(client, site_editor, story)
    story.consent_method = ""  # consent taken out while waiting for approval
    story.save_revision(user=site_editor)
    approve(client, site_moderator, story)  # restarts review on the new revision
    approve(client, site_moderator, story)

    story.refresh_from_db()
    assert not story.live
    assert public_title(client, story) is None
    actions = PageLogEntry.objects.filter(page=story).values_list("action", flat=True)
    assert "wagtail.unpublish" in set(actions)


def test_data_migration_gives_existing_sites_their_safeguarding(group_site):
    migration = importlib.import_module(
        "cms.migrations.0007_story_safeguarding_workflows"
    )
    WorkflowPage.objects.filter(
        workflow__name__startswith="Story safeguarding"
    ).delete()
    Workflow.objects.filter(name__startswith="Story safeguarding").delete()
    story = draft_story(group_site, **content.CONSENT)
    StoryPage.objects.filter(pk=story.pk).update(consent_web=False)

    for _run in range(2):  # running it again changes nothing
        migration.create_workflows(apps, None)
        migration.keep_web_consent(apps, None)

    workflow = Workflow.objects.get(name="Story safeguarding: Sheffield")
    assert story.get_workflow() == workflow
    (task,) = [t.specific for t in workflow.tasks]
    assert task.name == "Safeguarding review: Sheffield"
    assert [g.name for g in task.groups.all()] == ["Sheffield: moderators"]
    assert StoryPage.objects.get(pk=story.pk).consent_web


def translated_story(site):
    story = content.add_story(site, "Crossing")
    translation = start_translation(story, "ar")
    fill_strings(translation, {"Crossing": "العبور"})
    return story, translation


def test_syncing_translations_cannot_publish_a_story_past_safeguarding(
    client, group_site, site_moderator, django_capture_on_commit_callbacks
):
    story, translation = translated_story(group_site)
    client.force_login(site_moderator)
    url = reverse("wagtail_localize:update_translations", args=[translation.source_id])
    field = content.soup(client.get(url)).find(
        "input", attrs={"name": "publish_translations"}
    )
    assert field["type"] == "hidden"

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"publish_translations": "on"})

    assert response.status_code == 302
    arabic = StoryPage.objects.get(
        translation_key=story.translation_key, locale__language_code="ar"
    )
    assert not arabic.live


def test_translation_editor_cannot_publish_a_story_past_safeguarding(
    client, group_site, site_moderator
):
    story, translation = translated_story(group_site)
    arabic = StoryPage.objects.get(
        translation_key=story.translation_key, locale__language_code="ar"
    )
    client.force_login(site_moderator)
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[arabic.pk]), {"action": "publish"}
    )
    assert response.status_code in (302, 403)
    assert response.get("Location") in (None, "/admin/")  # refused, sent away
    arabic.refresh_from_db()
    assert not arabic.live
