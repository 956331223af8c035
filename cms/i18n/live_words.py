"""A live page's public words change only when a revision is published.

wagtail-localize writes a translation's words on the page row whenever it
saves a translation, even as a draft (TranslationSource.
create_or_update_translation), and the row is what the public site serves.
Every caller goes through that one method: the project's "Submit for
safeguarding review", "Translate this page" and "Include subtree" when some
pages are already translated (TranslationCreator), "Sync translated pages"
with publishing, the translation editor's "Publish", and a language's home.

The method logs each save in a TranslationLog, after the page and its new
revision are saved, so this module listens there rather than patching
wagtail-localize: when the saved page is live and the new revision is not the
one published, the row gets its published words back; the new words stay in
the draft revision until it is published (for a story, when a moderator
approves it). When wagtail-localize publishes, it does so from the revision
(on commit), so publishing still shows the new words.

A live alias (a language's copy that mirrors its source, as wagtail-localize
makes for untranslated parents) has no revision of its own: when a draft
translation converts it, the row gets its source's words back, which is what
the alias showed.
"""

from wagtail.models import Page, PageLogEntry


def was_alias(page):
    return PageLogEntry.objects.filter(
        page=page, action="wagtail.convert_alias"
    ).exists()


def keep_alias_content(page, source_page):
    """A converted live alias shows its source's words until it is published."""
    from wagtail_localize.views.convert import sync_alias

    draft_title = page.draft_title
    sync_alias(source_page, page)
    type(page).objects.filter(pk=page.pk).update(
        draft_title=draft_title,
        has_unpublished_changes=True,
        latest_revision_created_at=page.latest_revision_created_at,
    )
    return type(page).objects.get(pk=page.pk)


def keep_live_content(page, source_page=None):
    """Put the published words back on a live page's row; returns the page
    as it now is in the database."""
    if not page.live:
        return page
    if not page.live_revision_id:
        if was_alias(page) and source_page is not None and source_page.live:
            return keep_alias_content(page, source_page)
        return page
    if page.live_revision_id == page.latest_revision_id:
        return page
    published = page.live_revision.as_object()
    published.live_revision_id = page.live_revision_id
    published.last_published_at = page.last_published_at
    published.has_unpublished_changes = True
    published.save(clean=False)
    return type(published).objects.get(pk=page.pk)


def keep_published_words(sender, instance, created, raw=False, **kwargs):
    """A translation saved on a live page leaves its public words alone."""
    if not created or raw or instance.revision_id is None:
        return
    revision = instance.revision
    model = revision.base_content_type.model_class()
    if model is None or not issubclass(model, Page):
        return
    page = Page.objects.filter(pk=revision.object_id).first()
    if page is None:
        return
    source_page = Page.objects.filter(
        translation_key=page.translation_key, locale_id=instance.source.locale_id
    ).first()
    keep_live_content(page.specific, source_page and source_page.specific)
