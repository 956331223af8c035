"""Attachments into images and documents of the site's own collection.

Images are saved through the image model, so the upload path's pre_save
(cms/uploads.py) strips EXIF as for any upload. The file's checksum, with its
title and alt text, tells a re-run whether anything changed.
"""

import hashlib
from io import BytesIO
from pathlib import PurePosixPath

from PIL import Image as PillowImage

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.core.files.base import ContentFile

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.models import Filter
from wagtail.utils.file import hash_filelike

IMAGE_EXTENSIONS = {"gif", "jpg", "jpeg", "png", "webp"}
LINKED_IMAGE = "max-1600x1600"


def extension(path):
    return PurePosixPath(path).suffix.lower().lstrip(".")


def readable_image(data):
    """None if data is an image within the pixel cap, else the reason."""
    try:
        with PillowImage.open(BytesIO(data)) as image:
            image.verify()
            pixels = image.width * image.height
    except Exception:
        return "is not a readable image"
    if pixels > settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS:
        return "has too many pixels"
    return None


class MediaImport:
    def __init__(self, run):
        self.run = run
        self.written = run.written

    def attachment(self, item, record):
        """Make or update the image or document of one attachment."""
        run, path = self.run, item.upload_path
        kind = extension(path)
        is_image = kind in IMAGE_EXTENSIONS
        if not is_image and kind not in settings.WAGTAILDOCS_EXTENSIONS:
            return run.skip(item, f"file type .{kind} is not accepted")
        if path not in run.uploads:
            where = "no uploads were given" if not len(run.uploads) else "not found"
            return run.skip(item, f"file {path} missing from the uploads ({where})")
        limit = (
            settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE
            if is_image
            else settings.WAGTAILDOCS_MAX_UPLOAD_SIZE
        )
        if run.uploads.size(path) > limit:
            return run.skip(item, f"file {path} is larger than uploads may be")
        data = run.uploads.read(path)
        alt = item.meta.get("_wp_attachment_image_alt", "")
        title = (item.title or PurePosixPath(path).stem)[:255]
        checksum = hashlib.sha256(
            data + f"\0{title}\0{alt}\0{is_image}".encode()
        ).hexdigest()
        existing = record.image if is_image else record.document
        if existing is not None and record.checksum == checksum:
            run.count("media unchanged")
        elif is_image:
            reason = readable_image(data)
            if reason:
                return run.skip(item, f"file {path} {reason}")
            existing = self.save(
                existing, get_image_model(), path, data, title=title, description=alt
            )
        else:
            existing = self.save(
                existing, get_document_model(), path, data, title=title
            )
        record.image = existing if is_image else None
        record.document = None if is_image else existing
        record.checksum = checksum
        record.save()
        run.count("images" if is_image else "documents")
        self.remember(item, existing, is_image, alt)
        return existing

    def save(self, existing, model, path, data, **fields):
        obj = existing or model(collection=self.run.collection)
        for name, value in fields.items():
            setattr(obj, name, value[:255])
        new_file = existing is None or self.stored(existing) != data
        if new_file:
            if existing is not None:
                self.run.replaced.append(existing.file.name)
            obj.file = ContentFile(data, name=PurePosixPath(path).name)
            obj.file_size = len(data)
            obj.file_hash = hash_filelike(BytesIO(data))
        obj.save()
        self.run.changed.append(obj)
        if new_file:
            self.written.append(obj.file.name)
        return obj

    @staticmethod
    def stored(obj):
        try:
            with obj.file.open("rb") as file:
                return file.read()
        except OSError:
            return None

    def rendition_url(self, image):
        """A link to a picture goes to a large rendition: originals stay private."""
        try:
            return image.find_existing_rendition(Filter(LINKED_IMAGE)).url
        except ObjectDoesNotExist:
            rendition = image.create_rendition(Filter(LINKED_IMAGE))
            self.written.append(rendition.file.name)
            return rendition.url

    def remember(self, item, obj, is_image, alt):
        links = self.run.links
        if is_image:
            caption = item.excerpt[:250]
            links.images[item.id] = (obj.pk, alt, caption, obj.title)
            links.image_urls[item.id] = lambda: self.rendition_url(obj)
        else:
            links.documents[item.id] = obj.pk
