"""The scope of a storyteller's consent: web, social, print, name, photo, and the
review date after which the story comes down until consent is renewed."""

from datetime import timedelta
from io import StringIO

from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Locale, PageLogEntry

from cms.access.roles import site_collection
from cms.management.commands.review_story_consent import Command
from cms.models import StoryPage
from tests import content
from tests.test_stories import draft_story, post_edit

HOST = "sheffield.localhost"
CONSENT = {
    "consent_given_on": "2025-03-01",
    "consent_method": "Signed form",
    "consent_recorded_by": "Coordinator",
}


def errors(response):
    soup = content.soup(response)
    return " ".join(
        e.get_text(" ", strip=True)
        for e in soup.select("[id$='-errors'], .error-message, .w-field__errors")
    )


def page(client, story):
    return content.soup(client.get(story.url, HTTP_HOST=HOST))


def days(n):
    return timezone.localdate() + timedelta(days=n)


def test_stories_are_pseudonymous_unless_the_storyteller_asked_otherwise(
    client, group_site
):
    pseudonymous = page(client, content.add_story(group_site, "Crossing"))
    assert pseudonymous.select_one(".storyteller").get_text(strip=True) == (
        "Told by Amira"
    )
    notice = pseudonymous.select_one(".name-changed").get_text(strip=True)
    assert notice == "The storyteller's name has been changed to protect them."
    named = page(client, content.add_story(group_site, "Named", use_real_name=True))
    assert named.select_one(".name-changed") is None
    assert StoryPage().use_real_name is False


def test_a_photo_needs_the_storytellers_permission(client, group_site, site_editor):
    story = draft_story(group_site, **content.CONSENT)
    picture = content.make_image("Portrait", collection=site_collection(group_site))
    response = post_edit(
        client, site_editor, story, portrait=str(picture.pk), hide_face=""
    )
    assert response.status_code == 200
    assert "has not given permission for a photo" in errors(response)
    story.refresh_from_db()
    assert story.get_latest_revision_as_object().portrait is None

    response = post_edit(
        client,
        site_editor,
        story,
        portrait=str(picture.pk),
        hide_face="",
        photo_permission="on",
    )
    assert response.status_code == 302
    story.refresh_from_db()
    assert story.get_latest_revision_as_object().portrait == picture


def test_no_photo_is_shown_or_shared_without_permission(client, group_site):
    picture = content.make_image("Portrait")
    story = content.add_story(
        group_site,
        "Garden",
        portrait=picture,
        hide_face=False,
        photo_permission=True,
        consent_social=True,
    )
    shown = page(client, story)
    assert shown.select_one(".portrait img")
    assert shown.find("meta", property="og:image")

    StoryPage.objects.filter(pk=story.pk).update(consent_social=False)
    unshared = page(client, story)
    assert unshared.select_one(".portrait img")
    assert unshared.find("meta", property="og:image") is None

    StoryPage.objects.filter(pk=story.pk).update(photo_permission=False)
    hidden = page(client, story)
    assert hidden.select_one(".portrait") is None
    assert hidden.find("meta", property="og:image") is None
    assert "portrait" not in str(hidden.find("main")).lower()


def test_submitting_needs_consent_to_publish_on_the_web(
    client, group_site, site_editor
):
    story = draft_story(group_site)
    response = post_edit(
        client, site_editor, story, **CONSENT, consent_web="", **{"action-submit": "1"}
    )
    assert response.status_code == 200
    assert "has not agreed to publication on the web" in errors(response)
    assert story.current_workflow_state is None


def test_published_story_without_web_consent_is_taken_down(client, group_site):
    story = content.add_story(group_site, "No web", consent_web=False)
    assert not story.live
    assert client.get(story.url, HTTP_HOST=HOST).status_code == 404


def test_review_date_defaults_to_a_year_ahead_and_must_be_in_the_future(
    client, group_site, site_editor
):
    assert StoryPage().consent_review_by == days(365)
    story = draft_story(group_site)
    client.force_login(site_editor)
    form = content.soup(client.get(reverse("wagtailadmin_pages:edit", args=[story.pk])))
    assert form.find("input", attrs={"name": "consent_review_by"})["value"]

    for past in (days(0), days(-3)):
        response = post_edit(client, site_editor, story, consent_review_by=past)
        assert response.status_code == 200
        assert "Choose a day in the future" in errors(response)
    response = post_edit(client, site_editor, story, consent_review_by="")
    assert response.status_code == 200
    assert story.revisions.count() == 1


def test_consent_can_be_withdrawn_after_the_review_date_has_passed(
    client, group_site, site_editor
):
    story = content.add_story(group_site, "Old consent")
    StoryPage.objects.filter(pk=story.pk).update(consent_review_by=days(-10))
    response = post_edit(
        client,
        site_editor,
        story,
        **CONSENT,
        consent_review_by=days(-10),
        consent_withdrawn_on=days(0),
    )
    assert response.status_code == 302
    story.refresh_from_db()
    assert not story.live


def test_story_past_its_review_date_is_hidden_before_the_daily_run(client, group_site):
    story = content.add_story(group_site, "Expired", network_display=True)
    StoryPage.objects.filter(pk=story.pk).update(consent_review_by=days(-1))
    assert story not in StoryPage.objects.consented()
    assert story not in StoryPage.objects.network_visible()
    listing = content.soup(client.get("/stories/", HTTP_HOST=HOST))
    assert "Expired" not in listing.main.get_text()


def run(*args):
    out = StringIO()
    call_command("review_story_consent", *args, stdout=out)
    return out.getvalue()


def due_story_in_two_languages(site):
    story = content.add_story(site, "Due for review", network_display=True)
    arabic = story.copy_for_translation(
        Locale.objects.get(language_code="ar"), copy_parents=True
    )
    arabic.save_revision().publish()
    StoryPage.objects.filter(translation_key=story.translation_key).update(
        consent_review_by=days(-1)
    )
    return story


def test_review_command_unpublishes_due_stories_in_every_language(client, group_site):
    story = due_story_in_two_languages(group_site)
    current = content.add_story(group_site, "Renewed")
    StoryPage.objects.filter(pk=current.pk).update(consent_review_by=days(0))

    output = run()

    assert "Unpublished 2 stories due for consent review." in output
    assert "Due for review (ar" in output
    copies = StoryPage.objects.filter(translation_key=story.translation_key)
    assert copies.count() == 2
    assert not copies.filter(live=True).exists()
    assert StoryPage.objects.get(pk=current.pk).live
    assert client.get(story.url, HTTP_HOST=HOST).status_code == 404
    logged = PageLogEntry.objects.filter(action="wagtail.unpublish", page__in=copies)
    assert logged.count() == 2
    assert "Unpublished 0 stories" in run()


def test_review_command_dry_run_changes_nothing(group_site):
    story = due_story_in_two_languages(group_site)

    output = run("--dry-run")

    assert "Would unpublish 2 stories due for consent review." in output
    assert (
        StoryPage.objects.filter(
            translation_key=story.translation_key, live=True
        ).count()
        == 2
    )
    assert not PageLogEntry.objects.filter(action="wagtail.unpublish").exists()


def test_review_command_help_gives_the_daily_cron_line():
    assert "15 2 * * * " in Command.help
    assert "manage.py review_story_consent" in Command.help
