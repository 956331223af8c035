"""Safeguarding of stories: only an approved revision goes live, and consent that is
due for review takes the story down.

Wagtail imports this module (WAGTAIL_FINISH_WORKFLOW_ACTION) while its models
load, so models are imported inside the functions.
"""

import logging

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)


def publish_approved_revision(workflow_state, user=None):
    """WAGTAIL_FINISH_WORKFLOW_ACTION: publish the revision the last task approved.

    The approval is the permission: a moderator who may not publish a story
    directly publishes it by approving. Re-approval on edit makes that revision
    the latest one.
    """
    task_state = workflow_state.current_task_state
    revision = task_state.revision if task_state else None
    revision = revision or workflow_state.content_object.get_latest_revision()
    revision.publish(user=user, skip_permission_checks=True)


def workflow_name(site_name):
    # Stored once, so in the network's language, whatever the asker reads.
    with translation.override(settings.LANGUAGE_CODE):
        return _("Story safeguarding: %(site)s") % {"site": site_name}


def story_indexes(site):
    """The site's story sections in every language."""
    from cms.models import StoryIndexPage

    index = StoryIndexPage.objects.child_of(site.root_page).first()
    if index is None:
        return StoryIndexPage.objects.none()
    return StoryIndexPage.objects.filter(translation_key=index.translation_key)


@transaction.atomic
def ensure_story_workflow(site, moderators=None):
    """Create the site's safeguarding workflow once, and assign it to every
    story section of the site. Safe to run again."""
    from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowTask

    from cms.models import Role, SiteRole

    if moderators is None:
        moderators = SiteRole.objects.get(
            site=site, role=Role.MODERATOR, locale=None
        ).group
    # The workflow already on the site's story sections, if any: its name holds
    # the site's name of the day, which may since have changed.
    assigned = (
        WorkflowPage.objects.filter(page__in=story_indexes(site))
        .select_related("workflow")
        .first()
    )
    if assigned is not None:
        workflow, created = assigned.workflow, False
    else:
        workflow, created = Workflow.objects.get_or_create(
            name=workflow_name(site.site_name)
        )
    if created:
        task = GroupApprovalTask.objects.create(
            name=_("Safeguarding review: %(site)s") % {"site": site.site_name}
        )
        task.groups.set([moderators])
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    for index in story_indexes(site):
        WorkflowPage.objects.update_or_create(
            page=index, defaults={"workflow": workflow}
        )
    return workflow


def follow_translation_workflow(sender, instance, created, raw=False, **kwargs):
    """A story section made for a new language gets its site's safeguarding."""
    from wagtail.models import WorkflowPage

    if not created or raw:
        return
    source = (
        WorkflowPage.objects.filter(page__translation_key=instance.translation_key)
        .exclude(page_id=instance.pk)
        .first()
    )
    if source:
        WorkflowPage.objects.get_or_create(
            page_id=instance.pk, defaults={"workflow_id": source.workflow_id}
        )


def stories_due_for_review(today=None):
    """Live stories, in any language, whose consent review date has passed."""
    from cms.models import StoryPage

    today = today or timezone.localdate()
    return StoryPage.objects.live().filter(consent_review_by__lt=today)


def unpublish_due_stories(today=None, dry_run=False):
    """Unpublish every copy, in every language, of each story due for review.

    Returns the copies taken down (or, with dry_run, that would be).
    """
    from wagtail.actions.unpublish_page import UnpublishPageAction

    from cms.audit.log import log_review_due
    from cms.models import StoryPage

    keys = stories_due_for_review(today).values("translation_key")
    copies = list(
        StoryPage.objects.live().filter(translation_key__in=keys).order_by("path")
    )
    if dry_run:
        return copies
    for copy in copies:
        UnpublishPageAction(copy).execute(skip_permission_checks=True)
        log_review_due(copy)
        logger.info(
            "Unpublished story %s (%s): consent review was due on %s",
            copy.pk,
            copy.locale.language_code,
            copy.consent_review_by,
        )
    return copies
