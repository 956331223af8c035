"""T7: an XSS payload corpus in every text field and block of every page type.

`build_corpus()` publishes one page of each page type across a national, a
group and a stream site, every text field, inline child field, tag and
StreamField text block filled with payloads that carry a unique marker; so are
the site settings, the records pages show (pledges, endorsements, awards,
charter snippets) and a translator's strings. A payload that validation refuses
is recorded (that is a pass) and a harmless value is stored instead.
"""

import json
from dataclasses import dataclass
from datetime import date, timedelta

from django import forms
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import timezone
from django.utils.html import escape

from modelcluster.fields import ParentalKey
from taggit.managers import TaggableManager
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Comment, Locale, Page, get_page_models
from wagtail_localize.models import StringSegment, StringTranslation

from cms.models import (
    CharterStatement,
    DeclarationPrinciple,
    SiteIdentity,
    StandardPage,
)
from groups.models import GroupHomePage, SupportingOrganisation
from home.models import DeclarationPage, Endorsement
from streams.models import AwardScheme
from tests.content import make_document, make_image
from tests.factories import make_site
from tests.security.xss_payloads import (
    PAYLOAD_KINDS,
    Corpus,
    Entry,
    combined,
)
from tests.translating import start_translation

PAGE_FIELDS = ("title", "slug", "seo_title", "search_description")
TEXT_FIELDS = (models.CharField, models.TextField)


@dataclass
class CorpusPage:
    page: Page
    hostname: str
    path: str
    title: str
    rich_text: str = ""
    translated: bool = False


def model_validator(model_field, instance):
    return lambda value: model_field.clean(value, instance)


def block_validator(block):
    return lambda value: block.clean(block.to_python(value))


def corpus_page_models():
    return [model for model in get_page_models() if model is not Page]


def text_fields(model):
    """Editable fields an editor types text into (CharField, TextField, subclasses)."""
    found = []
    for model_field in model._meta.concrete_fields:
        if model_field.model is Page and model_field.name not in PAGE_FIELDS:
            continue
        if not model_field.editable or not isinstance(model_field, TEXT_FIELDS):
            continue
        if isinstance(model_field, models.URLField) or isinstance(
            model_field.formfield(), forms.CharField
        ):
            found.append(model_field)
    return found


class Filler:
    """Fills one page (or settings object) with payloads."""

    def __init__(self, corpus, media):
        self.corpus = corpus
        self.media = media

    def fields(self, instance, label, prefix=""):
        for model_field in text_fields(type(instance)):
            path = prefix + model_field.name
            if isinstance(model_field, RichTextField):
                widget = model_field.formfield().widget
                html = self.corpus.rich_text(label, path, widget)
                setattr(instance, model_field.name, html)
            elif isinstance(model_field, models.URLField):
                value = self.corpus.url(
                    label, path, model_validator(model_field, instance)
                )
                setattr(instance, model_field.name, value)
            else:
                validate = model_validator(model_field, instance)
                value = self.corpus.text(label, path, validate)
                if value is not None:  # else nothing typed fits: keep the value
                    setattr(instance, model_field.name, value)

    def block(self, block, label, path):
        self.corpus.blocks.add(path)
        if isinstance(block, blocks.StreamBlock):
            return [
                {"type": name, "value": self.block(child, label, f"{path}.{name}")}
                for name, child in block.child_blocks.items()
            ]
        if isinstance(block, blocks.ListBlock):
            return [self.block(block.child_block, label, f"{path}.item")]
        if isinstance(block, blocks.StructBlock):
            return {
                name: self.block(child, label, f"{path}.{name}")
                for name, child in block.child_blocks.items()
            }
        if isinstance(block, blocks.RichTextBlock):
            return self.corpus.rich_text(label, path, block.field.widget)
        if isinstance(block, EmbedBlock | blocks.URLBlock):
            return self.corpus.url(label, path, block_validator(block))
        if isinstance(block, blocks.CharBlock | blocks.TextBlock):
            return self.corpus.text(label, path, block_validator(block))
        if isinstance(block, blocks.ChoiceBlock):
            return block.get_default() or block.field.choices[-1][0]
        if isinstance(block, ImageChooserBlock):
            return self.media["image"].pk
        if isinstance(block, DocumentChooserBlock):
            return self.media["document"].pk
        if isinstance(block, blocks.PageChooserBlock):
            return None
        raise TypeError(f"The XSS corpus cannot fill {type(block).__name__} ({path})")

    def streams(self, page, label):
        for model_field in page._meta.concrete_fields:
            if isinstance(model_field, StreamField):
                raw = self.block(model_field.stream_block, label, model_field.name)
                setattr(page, model_field.name, json.dumps(raw))

    def children(self, page, label):
        for relation in page._meta.related_objects:
            child_model = relation.related_model
            if not isinstance(relation.field, ParentalKey) or child_model is Comment:
                continue
            if tag_field(type(page)) and tag_field(type(page)).through is child_model:
                continue
            children = []
            for extra in CHILD_FIELDS[child_model._meta.label](self.media):
                child = child_model(**extra)
                self.fields(child, label, f"{relation.name}.")
                children.append(child)
            setattr(page, relation.get_accessor_name(), children)

    def tags(self, page, label):
        tags = tag_field(type(page))
        if tags is not None:
            name = tags.through.tag_model()._meta.get_field("name")
            page.tags.add(self.corpus.text(label, "tags", model_validator(name, None)))


def tag_field(model):
    try:
        found = model._meta.get_field("tags")
    except FieldDoesNotExist:
        return None
    return found if isinstance(found, TaggableManager) else None


CHILD_FIELDS = {
    "cms.FormField": lambda media: [
        {"field_type": "singleline"},
        {"field_type": "dropdown"},
    ],
    "cms.ResourceDocument": lambda media: [{"document": media["document"]}],
    "streams.AwardedOrganisation": lambda media: [{"awarded_on": date(2025, 6, 1)}],
}


def page_facts(model):
    start = timezone.now().replace(microsecond=0) + timedelta(days=7)
    facts = {
        "cms.EventPage": {"start": start, "end": start + timedelta(hours=2)},
        "cms.StoryPage": {
            "consent_given_on": date(2025, 3, 1),
            "consent_web": True,
            "photo_permission": True,
            "network_display": True,
        },
        "home.NetworkNewsPage": {"syndication": "all"},
    }
    return facts.get(model._meta.label, {})


def corpus_sites():
    national = make_site(
        kind="national", name="City of Sanctuary", hostname="localhost"
    )
    group = make_site(
        name="Sheffield", hostname="sheffield.localhost", languages=["ar"]
    )
    stream = make_site(kind="stream", name="Schools", hostname="schools.localhost")
    return [group, stream, national]


def place(model, sites):
    """The page of this type the sites have, or a new one where allowed.

    The group site comes first, so shared page types are tested on a group site.
    """
    for site in sites:
        in_site = Page.objects.descendant_of(site.root_page, inclusive=True)
        existing = in_site.exact_type(model).first()
        if existing is not None:
            return existing.specific, None
    for site in sites:
        in_site = Page.objects.descendant_of(site.root_page, inclusive=True)
        for parent in in_site.order_by("path").specific():
            if model.can_create_at(parent):
                return model(**page_facts(model)), parent
    return None, None


def build_corpus():
    """Publish one payload-filled page of every page type; returns the Corpus."""
    sites = corpus_sites()
    corpus = Corpus()
    media = {"image": make_image("Corpus picture"), "document": make_document()}
    filler = Filler(corpus, media)
    waiting = corpus_page_models()
    while waiting:
        placed = []
        for model in waiting:
            page, parent = place(model, sites)
            if page is None:
                continue
            publish_filled(filler, page, parent, corpus)
            placed.append(model)
        if not placed:
            raise AssertionError(f"No place in the corpus sites for {waiting}")
        waiting = [model for model in waiting if model not in placed]
    for record in [*SiteIdentity.objects.all(), *shown_records(sites)]:
        filler.fields(record, record._meta.label)
        filler.children(record, record._meta.label)
        record.save()
        corpus.records.append(record)
    group_pages = Page.objects.descendant_of(sites[0].root_page, inclusive=True)
    for model in (GroupHomePage, StandardPage):
        translate_with_payloads(corpus, group_pages.exact_type(model).get().specific)
    return corpus


def translate_with_payloads(corpus, page, language="ar"):
    """A translator saves every string, as the translation editor's API does."""
    translation = start_translation(page, language)
    label = f"{page._meta.label} ({language})"
    segments = StringSegment.objects.filter(source=translation.source)
    for segment in segments.select_related("string", "context"):
        marker = corpus.marker()
        entry = Entry(label, segment.context.path, marker)
        attempts = [("raw", combined(marker)), ("typed", escape(combined(marker)))]
        for kind, data in attempts:
            string, _created = StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=translation.target_locale,
                context=segment.context,
                defaults={"data": data, "has_error": False, "field_error": ""},
            )
            if string.has_error:
                entry.refused.append(kind)
            else:
                entry.stored, entry.kinds = data, list(PAYLOAD_KINDS)
        corpus.entries.append(entry)
    translation.save_target(publish=False)
    translated = page.get_translation(translation.target_locale)
    translated.get_latest_revision().publish()
    add_to_corpus(corpus, translated, translated=True)


def shown_records(sites):
    """Records that pages show: pledges and endorsements come from the public."""
    group, stream, _national = sites
    locale = Locale.get_default()
    return [
        SupportingOrganisation(site=group, status="approved", listed=True),
        Endorsement(declaration=DeclarationPage.objects.get(), approved=True),
        AwardScheme(site=stream),
        CharterStatement(part="value", locale=locale),
        DeclarationPrinciple(locale=locale),
    ]


def publish_filled(filler, page, parent, corpus):
    label = page._meta.label
    first = len(corpus.entries)
    filler.fields(page, label)
    filler.streams(page, label)
    filler.children(page, label)
    filler.tags(page, label)
    if parent is not None:
        parent.add_child(instance=page)
    page.save_revision().publish()
    typed = [entry.typed for entry in corpus.entries[first:] if entry.typed]
    add_to_corpus(corpus, page, rich_text=typed[0] if typed else "")


def add_to_corpus(corpus, page, **facts):
    page.refresh_from_db()
    corpus.pages.append(
        CorpusPage(
            page=page,
            hostname=page.get_site().hostname,
            path=page.get_url_parts()[2],
            title=page.title,
            **facts,
        )
    )
