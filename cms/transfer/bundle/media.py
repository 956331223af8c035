"""Images and documents of a site's collection, with their original files."""

import os

from django.core.files.base import ContentFile
from django.db.models import Q

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from cms.access.roles import site_collection

KINDS = {"image": get_image_model, "document": get_document_model}
FIELDS = {
    "image": [
        "title",
        "description",
        "width",
        "height",
        "created_at",
        "focal_point_x",
        "focal_point_y",
        "focal_point_width",
        "focal_point_height",
        "file_size",
        "file_hash",
    ],
    "document": ["title", "created_at", "file_size", "file_hash"],
}


def site_media(kind, site, used=()):
    """The site's collection, and the media of no site's collection (the shared
    root) that its pages use. Never another site's."""
    model = KINDS[kind]()
    own = Q(collection__path__startswith=site_collection(site).path)
    sites = Q(pk__in=[])
    for path in Collection.objects.filter(network_site__isnull=False).values_list(
        "path", flat=True
    ):
        sites |= Q(collection__path__startswith=path)
    shared = model.objects.filter(pk__in=used).exclude(sites)
    return (
        model.objects.filter(own | Q(pk__in=shared.values("pk")))
        .prefetch_related("tags")
        .order_by("pk")
    )


def export_media(writer, kind, site, used=(), leave_out=()):
    """Write `<kind>s.json` and each original file; returns the exported ids."""
    rows = []
    for item in site_media(kind, site, used).exclude(pk__in=leave_out):
        member = f"media/{kind}s/{item.pk}-{os.path.basename(item.file.name)}"
        with item.file.open("rb") as source:
            writer.add_file(member, source)
        row = {"id": item.pk, "file": member, "tags": [t.name for t in item.tags.all()]}
        row.update({name: getattr(item, name) for name in FIELDS[kind]})
        rows.append(row)
    writer.add_json(f"{kind}s.json", rows, count=len(rows))
    return {row["id"]: row["id"] for row in rows}


class StoredFiles:
    """The files an import has written, removed again if the import fails."""

    def __init__(self):
        self.files = []

    def add(self, field_file):
        self.files.append((field_file.storage, field_file.name))

    def remove(self):
        for storage, name in self.files:
            storage.delete(name)
        self.files = []


def import_media(reader, kind, site, stored):
    """Create the bundle's images or documents in the new site's collection."""
    collection = site_collection(site)
    model = KINDS[kind]()
    mapping = {}
    for row in reader.json(f"{kind}s.json", default=[]):
        with reader.open(row["file"]) as member:
            content = ContentFile(member.read(), name=_original_name(row["file"]))
        item = model(collection=collection, file=content)
        for name in FIELDS[kind]:
            if row.get(name) is not None:
                setattr(item, name, row[name])
        item.save()
        stored.add(item.file)
        if row.get("tags"):
            item.tags.add(*row["tags"])
        mapping[row["id"]] = item.pk
    return mapping


def _original_name(member):
    return os.path.basename(member).split("-", 1)[-1]
