"""Uploaded images are stored without EXIF, XMP or comments (GPS above all).

Connected to the image model's pre_save in CmsConfig.ready, so every way in
(the admin's single and multiple upload, choosers, commands) is covered.
"""

from io import BytesIO
from pathlib import Path

from PIL import Image, ImageOps

from django.core.files.base import ContentFile

from wagtail.utils.file import hash_filelike

ORIENTATION = 0x0112
METADATA_KEYS = {"exif", "xmp", "XML:com.adobe.xmp", "comment", "photoshop"}
REENCODED_FORMATS = {"JPEG", "PNG", "WEBP"}


def without_metadata(data):
    """The image re-encoded without metadata, or None if there is none to remove."""
    with Image.open(BytesIO(data)) as original:
        if original.format not in REENCODED_FORMATS:
            return None
        if getattr(original, "n_frames", 1) > 1:
            return None
        text_chunks = getattr(original, "text", {})
        if not (METADATA_KEYS & original.info.keys() or text_chunks):
            return None
        image = original
        options = {"icc_profile": original.info.get("icc_profile")}
        if original.getexif().get(ORIENTATION, 1) != 1:
            image = ImageOps.exif_transpose(original)
        if original.format == "JPEG":
            options["quality"] = "keep" if image is original else 90
            options["comment"] = b""
        output = BytesIO()
        image.save(output, original.format, **options)
    return output.getvalue()


def strip_image_metadata(sender, instance, **kwargs):
    """pre_save: replace a newly uploaded original by its metadata-free copy."""
    file = instance.file
    if not file or (file._committed and not instance._state.adding):
        return
    file.open("rb")
    file.seek(0)
    cleaned = without_metadata(file.read())
    if cleaned is None:
        file.seek(0)
        return
    name = Path(file.name).name
    if file._committed:
        # Stored before the model was saved (the multiple upload's second step).
        file.storage.delete(file.name)
        file.save(name, ContentFile(cleaned), save=False)
    else:
        instance.file = ContentFile(cleaned, name=name)
    instance.width, instance.height = Image.open(BytesIO(cleaned)).size
    instance.file_size = len(cleaned)
    instance.file_hash = hash_filelike(BytesIO(cleaned))
