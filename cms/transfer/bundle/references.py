"""References inside exported data (foreign keys, StreamField choosers, rich text
links and embeds), rewritten through one resolver: at export to objects inside
the bundle, at import to the new objects."""

import json
import re

from django.contrib.auth import get_user_model
from django.utils.html import escape

from modelcluster.fields import ParentalKey
from modelcluster.models import get_all_child_relations
from taggit.models import Tag
from wagtail import blocks
from wagtail.documents import get_document_model
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Locale, Page, Site

TAG = re.compile(r"<(a|embed)\b([^>]*)>")
ATTRIBUTE = re.compile(r'([\w-]+)="([^"]*)"')
ID = re.compile(r'\bid="[^"]*"')


def kind_of(model):
    """The kind of object a foreign key points to, if the bundle maps it."""
    kinds = [
        (Page, "page"),
        (get_image_model(), "image"),
        (get_document_model(), "document"),
        (Tag, "tag"),
        (Site, "site"),
        (Locale, "locale"),
        (get_user_model(), "user"),
    ]
    return next((kind for base, kind in kinds if issubclass(model, base)), None)


class Resolver:
    """Maps old ids to new ones per kind; what it cannot map is counted."""

    def __init__(self, maps, href_for=None):
        self.maps = maps
        self.href_for = href_for
        self.unresolved = {}

    def __call__(self, kind, old):
        if old in (None, ""):
            return None
        new = self.maps.get(kind, {}).get(_key(old))
        if new is None and kind not in ("user", "site"):
            self.unresolved[kind] = self.unresolved.get(kind, 0) + 1
        return new

    def rich_text(self, html):
        return TAG.sub(self._tag, html) if html else html

    def _tag(self, match):
        tag, attributes = match.group(1), dict(ATTRIBUTE.findall(match.group(2)))
        if tag == "a":
            kind = {"page": "page", "document": "document"}.get(
                attributes.get("linktype")
            )
        else:
            kind = "image" if attributes.get("embedtype") == "image" else None
        if kind is None or "id" not in attributes:
            return match.group(0)
        new = self(kind, attributes["id"])
        if new is not None:
            return ID.sub(f'id="{new}"', match.group(0), count=1)
        if tag == "embed":
            return ""
        href = self.href_for(kind, attributes["id"]) if self.href_for else None
        return f'<a href="{escape(href)}">' if href else "<a>"


def _key(old):
    return int(old) if isinstance(old, str) and old.isdigit() else old


def rewrite(model, data, resolve):
    """Rewrite, in place, the references of one object's serialised data."""
    for field in model._meta.fields:
        if field.name not in data:
            continue
        value = data[field.name]
        if isinstance(field, ParentalKey):
            data[field.name] = None
        elif field.many_to_one or field.one_to_one:
            if field.remote_field.parent_link:
                continue
            kind = kind_of(field.related_model)
            if kind is not None:
                data[field.name] = resolve(kind, value)
        elif isinstance(field, StreamField):
            raw = json.loads(value) if isinstance(value, str) else value
            data[field.name] = rewrite_block(field.stream_block, raw or [], resolve)
        elif isinstance(field, RichTextField):
            data[field.name] = resolve.rich_text(value)
    for field in model._meta.many_to_many:
        kind = kind_of(field.related_model)
        if field.name in data and kind is not None:
            new = (resolve(kind, old) for old in data[field.name] or [])
            data[field.name] = [pk for pk in new if pk is not None]
    for relation in get_all_child_relations(model):
        name = relation.get_accessor_name()
        if name not in data:
            continue
        for child in data[name]:
            child["pk"] = None  # a new object wherever it goes
            rewrite(relation.related_model, child, resolve)
        data[name] = [c for c in data[name] if not dangling(relation.related_model, c)]
    return data


def dangling(model, data):
    """A child whose required object (a document, say) did not come along."""
    return any(
        field.many_to_one
        and not field.null
        and not isinstance(field, ParentalKey)
        and field.name in data
        and data[field.name] is None
        for field in model._meta.fields
    )


class Collector(Resolver):
    """Notes every id a rewrite meets, and changes none."""

    def __init__(self):
        super().__init__({})
        self.seen = {}

    def __call__(self, kind, old):
        if old not in (None, ""):
            self.seen.setdefault(kind, set()).add(_key(old))
        return old

    def rich_text(self, html):
        for match in TAG.finditer(html or ""):
            self._tag(match)
        return html


def rewrite_block(block, value, resolve):
    """Walk a block's raw JSON value beside its definition."""
    if isinstance(block, blocks.BaseStreamBlock):
        for item in value:
            child = block.child_blocks.get(item.get("type"))
            if child is not None:
                item["value"] = rewrite_block(child, item.get("value"), resolve)
        return value
    if isinstance(block, blocks.ListBlock):
        for index, item in enumerate(value or []):
            if isinstance(item, dict) and item.get("type") == "item":
                item["value"] = rewrite_block(block.child_block, item["value"], resolve)
            else:
                value[index] = rewrite_block(block.child_block, item, resolve)
        return value
    if isinstance(block, blocks.BaseStructBlock):
        for name, child in block.child_blocks.items():
            if isinstance(value, dict) and name in value:
                value[name] = rewrite_block(child, value[name], resolve)
        return value
    if isinstance(block, ImageChooserBlock):
        return resolve("image", value)
    if isinstance(block, DocumentChooserBlock):
        return resolve("document", value)
    if isinstance(block, blocks.PageChooserBlock):
        return resolve("page", value)
    if isinstance(block, blocks.RichTextBlock):
        return resolve.rich_text(value)
    return value
