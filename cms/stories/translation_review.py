"""Sending a translated story to its site's safeguarding review.

wagtail-localize's translation editor only offers "Publish", which stories
refuse to site roles (cms.models.story_consent). This action saves the
translation as a draft and starts the site's safeguarding workflow on it; the
site's moderators approve it as any other story.
"""

from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from wagtail.locks import WorkflowLock
from wagtail.models import WorkflowState
from wagtail_localize.models import Translation

from cms.access.sites import site_for_page
from cms.models import Role, SiteRole, StoryPage
from cms.models.stories import CONSENT_FIELDS


def story_translation(story):
    """The wagtail-localize translation that writes this copy of a story."""
    return (
        Translation.objects.filter(
            source__object_id=story.translation_key,
            target_locale_id=story.locale_id,
            enabled=True,
        )
        .exclude(source__locale_id=story.locale_id)
        .select_related("source", "target_locale")
        .first()
    )


def can_submit_translation(user, story):
    """The site's editors and moderators, and its translators into the story's
    language; network admins."""
    if not user.is_active:
        return False
    if user.is_superuser:
        return True
    site = site_for_page(story)
    if site is None:
        return False
    return (
        SiteRole.objects.for_user(user)
        .filter(site=site)
        .filter(
            Q(role__in=(Role.EDITOR, Role.MODERATOR))
            | Q(role=Role.TRANSLATOR, locale_id=story.locale_id)
        )
        .exists()
    )


def submission_problem(story, translation, user):
    """Why this translation cannot be sent for review now, or None."""
    copies = StoryPage.objects.filter(translation_key=story.translation_key)
    source = translation.source.as_instance()
    withdrawn = copies.exclude(consent_withdrawn_on=None).exists()
    if source.consent_withdrawn_on or withdrawn:
        return _("The storyteller withdrew consent: this story cannot be published.")
    if not source.consent_web:
        return _("The storyteller has not agreed to publication on the web.")
    if not all(getattr(source, name) for name in CONSENT_FIELDS):
        return _("Record the storyteller's consent before publishing.")
    if source.consent_expired:
        return _(
            "The storyteller's consent is due for review: renew it before publishing."
        )
    if story.get_workflow() is None:
        return _("This story's site has no safeguarding review.")
    lock = story.get_lock()
    if isinstance(lock, WorkflowLock) and lock.for_user(user):
        return _(
            "This story is waiting for its safeguarding review: it can be sent "
            "again once the review is over."
        )
    if lock and lock.for_user(user):
        return _("This story is locked by someone else.")
    return None


@transaction.atomic
def submit_translation(story, translation, user):
    """Save the translation as a draft revision and put it in review.

    Raises ValidationError when wagtail-localize cannot save the translation.
    """
    # A live story keeps its published words until the review approves the
    # new ones (cms.i18n.live_words).
    translation.save_target(user=user, publish=False)
    story = StoryPage.objects.get(pk=story.pk)
    state = story.current_workflow_state
    if state is None:
        story.get_workflow().start(story, user)
    elif state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user)
    # A review in progress restarts on the new revision when it is approved
    # (WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT).
    return StoryPage.objects.get(pk=story.pk)
