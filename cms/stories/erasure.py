"""Erasing a story of sanctuary from every copy the CMS keeps of it.

A story lives on in more places than its page: its translations and their
wagtail-localize sources and strings, revisions, the audit log, workflow
states, the search index, redirects, its pictures and their renditions on
disk, and form submissions that name the storyteller. erase_story() removes
or scrubs all of them in one transaction and keeps only a count of each.
"""

import json
import re
from collections import Counter

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.utils.translation import gettext as _

from taggit.models import Tag
from wagtail.actions.delete_page import DeletePageAction
from wagtail.contrib.forms.models import FormSubmission
from wagtail.contrib.redirects.models import Redirect
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.models import (
    ModelLogEntry,
    Page,
    PageLogEntry,
    ReferenceIndex,
    Revision,
    WorkflowState,
)
from wagtail.search.backends import get_search_backends
from wagtail.search.models import IndexEntry
from wagtail_localize.models import (
    OverridableSegment,
    RelatedObjectSegment,
    SegmentOverride,
    String,
    StringSegment,
    StringTranslation,
    Template,
    TemplateSegment,
    TranslatableObject,
    TranslationSource,
)

from cms.access.roles import is_site_moderator, site_collection
from cms.access.sites import site_for_page, site_pages
from cms.models import ErasureRecord, StoryPage

ERASED_LABEL = "(erased)"


def can_erase(user, story):
    """The story's site moderators and network admins may erase it."""
    site = site_for_page(story)
    if not user.is_active or site is None:
        return False
    return is_site_moderator(user, site)


@transaction.atomic
def erase_story(page, by=None):
    """Remove a story, its translations and everything that copies its words."""
    story = page.specific
    if not isinstance(story, StoryPage):
        raise ValueError(_("Only stories of sanctuary can be erased."))
    site = site_for_page(story)
    copies = list(StoryPage.objects.filter(translation_key=story.translation_key))
    page_ids = [copy.pk for copy in copies]
    names = {copy.storyteller.strip() for copy in copies} - {""}
    images = story_images(copies, site)

    removed = Counter()
    removed["form_submissions"] = erase_submissions(site, names)
    removed.update(erase_translation_data(story.translation_key))
    removed["search_entries"] = erase_search_entries(copies)
    removed["revisions"] = delete(page_revisions(Revision, page_ids))
    removed["workflow_states"] = delete(page_revisions(WorkflowState, page_ids))
    removed["redirects"] = delete(Redirect.objects.filter(redirect_page__in=page_ids))
    for copy in sorted(copies, key=lambda c: c.pk != story.pk):
        DeletePageAction(Page.objects.get(pk=copy.pk), user=by).execute(
            skip_permission_checks=True
        )
    removed["pages"] = len(copies)
    erased_images, removed["renditions"] = erase_images(images, page_ids)
    removed["images"] = len(erased_images)
    removed["log_entries"] = scrub_log_entries(page_ids, erased_images, site)
    return ErasureRecord.objects.create(
        site=site, erased_by=by, removed={k: v for k, v in removed.items() if v}
    )


def delete(queryset):
    count = queryset.count()
    queryset.delete()
    return count


def page_revisions(model, page_ids):
    """Revisions or workflow states of the given pages."""
    return model.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id__in=[str(pk) for pk in page_ids],
    )


def erase_submissions(site, names):
    """Submissions on the site's forms that name the storyteller (whole words)."""
    if site is None or not names:
        return 0
    pattern = re.compile(
        r"(?<!\w)(" + "|".join(re.escape(name) for name in names) + r")(?!\w)",
        re.IGNORECASE,
    )
    submissions = FormSubmission.objects.filter(page__in=site_pages(site))
    naming = [
        submission.pk
        for submission in submissions.only("pk", "form_data").iterator()
        if pattern.search(json.dumps(submission.form_data, ensure_ascii=False))
    ]
    return delete(FormSubmission.objects.filter(pk__in=naming))


def erase_translation_data(translation_key):
    """wagtail-localize's sources, segments, strings and translations of the story.

    Strings and templates are shared between pages with the same words: those
    no other page uses any more go too.
    """
    sources = TranslationSource.objects.filter(object_id=translation_key)
    string_ids = set(
        StringSegment.objects.filter(source__in=sources).values_list(
            "string_id", flat=True
        )
    )
    template_ids = set(
        TemplateSegment.objects.filter(source__in=sources).values_list(
            "template_id", flat=True
        )
    )
    removed = Counter()
    removed["translated_strings"] = delete(
        StringTranslation.objects.filter(
            models.Q(context__object_id=translation_key)
            | models.Q(translation_of__in=unshared(string_ids, translation_key))
        )
    )
    for model in (
        StringSegment,
        TemplateSegment,
        RelatedObjectSegment,
        OverridableSegment,
    ):
        removed["translation_segments"] += delete(
            model.objects.filter(context__object_id=translation_key)
        )
    SegmentOverride.objects.filter(context__object_id=translation_key).delete()
    removed["translation_sources"] = delete(sources)
    removed["source_strings"] = delete(
        String.objects.filter(pk__in=string_ids, segments__isnull=True)
    )
    Template.objects.filter(pk__in=template_ids, segments__isnull=True).delete()
    TranslatableObject.objects.filter(translation_key=translation_key).delete()
    return removed


def unshared(string_ids, translation_key):
    """Of these strings, those used by no other page's source."""
    used_elsewhere = StringSegment.objects.filter(string_id__in=string_ids).exclude(
        context__object_id=translation_key
    )
    return String.objects.filter(pk__in=string_ids).exclude(
        pk__in=used_elsewhere.values("string_id")
    )


def erase_search_entries(copies):
    content_types = ContentType.objects.get_for_models(StoryPage, Page).values()
    entries = IndexEntry.objects.filter(
        content_type__in=content_types,
        object_id__in=[str(copy.pk) for copy in copies],
    )
    count = entries.count()
    for backend in get_search_backends():
        for copy in copies:
            backend.delete(copy)
    entries.delete()
    return count


def story_images(copies, site):
    """The images in the site's collection the story's pages and revisions
    ever pointed to."""
    image_model = get_image_model()
    objects = list(copies)
    for revision in page_revisions(Revision, [copy.pk for copy in copies]):
        objects.append(revision.as_object())
    found = set()
    for obj in objects:
        for field in obj._meta.get_fields():
            if isinstance(field, models.ForeignKey):
                if field.related_model is image_model:
                    found.add(getattr(obj, field.attname))
            elif isinstance(field, (StreamField, RichTextField)):
                value = field.value_from_object(obj)
                for model, pk, _path, _content in field.extract_references(value):
                    if model is image_model:
                        found.add(int(pk))
    images = image_model.objects.filter(pk__in=found - {None})
    if site is None:
        return []
    collection = site_collection(site)
    return list(images.filter(collection__path__startswith=collection.path))


def erase_images(images, page_ids):
    """Delete the images only this story uses, their renditions, files and tags.

    Returns the ids of the images deleted and the number of renditions."""
    page_type = ContentType.objects.get_for_model(Page)
    keys = {str(pk) for pk in page_ids}
    erased, renditions = [], 0
    for image in images:
        references = ReferenceIndex.get_references_to(image)
        if any(
            not (ref.base_content_type_id == page_type.pk and ref.object_id in keys)
            for ref in references
        ):
            continue
        tags = list(image.tags.values_list("pk", flat=True))
        for rendition in image.renditions.all():
            rendition.file.delete(save=False)
            renditions += 1
        erased.append(image.pk)
        image.file.delete(save=False)
        image.delete()
        Tag.objects.filter(pk__in=tags, taggit_taggeditem_items__isnull=True).delete()
    return erased, renditions


def scrub_log_entries(page_ids, image_ids, site=None):
    """Keep who did what and when; forget the titles and data that were logged.

    The delete entries keep only the site, so the site's trail still shows them.
    """
    entries = PageLogEntry.objects.filter(page_id__in=page_ids)
    deleted = {"site": site.pk} if site else {}
    scrubbed = entries.filter(action="wagtail.delete").update(
        label=ERASED_LABEL, data=deleted, revision=None
    ) + entries.exclude(action="wagtail.delete").update(
        label=ERASED_LABEL, data={}, revision=None
    )
    image_type = ContentType.objects.get_for_model(get_image_model())
    return scrubbed + ModelLogEntry.objects.filter(
        content_type=image_type, object_id__in=[str(pk) for pk in image_ids]
    ).update(label=ERASED_LABEL, data={})
