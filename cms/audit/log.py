"""What the audit trail records beyond Wagtail's own entries: consent changes
(by field name, never value) and the site of a deleted page, so its history
stays in its site's trail. cms.audit.trail shows them.

Imported by the story model, so models are imported inside the functions.
"""

from wagtail.log_actions import log

CONSENT_CHANGED = "cms.consent_changed"
CONSENT_REVIEW_DUE = "cms.consent_review_due"


def consent_values(story, names):
    return {name: story._meta.get_field(name).value_to_string(story) for name in names}


def consent_before(story):
    """The consent as last saved: the latest revision, or a blank story's."""
    revision = story.get_latest_revision() if story.pk else None
    return revision.as_object() if revision else type(story)()


def log_consent_changes(story, before, names, revision=None, user=None):
    """Log which consent fields changed since `before`. Their values can be
    personal, so only the names are kept."""
    old, new = consent_values(before, names), consent_values(story, names)
    changed = [name for name in names if old[name] != new[name]]
    if changed:
        log(
            instance=story,
            action=CONSENT_CHANGED,
            user=user,
            revision=revision,
            data={"fields": changed},
        )
    return changed


def log_review_due(story):
    log(instance=story, action=CONSENT_REVIEW_DUE)


def record_site_of_deleted_page(sender, instance, raw=False, **kwargs):
    """pre_save of PageLogEntry: a page's delete entry names its site, so the
    page's history is still found once the page is gone."""
    if raw or instance.pk or instance.action != "wagtail.delete":
        return
    from wagtail.models import Page

    from cms.access.sites import site_for_page

    page = Page.objects.filter(pk=instance.page_id).first()
    site = site_for_page(page) if page else None
    if site is not None:
        instance.data = {**(instance.data or {}), "site": site.pk}
