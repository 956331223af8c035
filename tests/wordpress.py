"""The WordPress export and uploads the import tests use (tests/data/wordpress/)."""

import io
import shutil
import zipfile
from pathlib import Path

from django.core.management import call_command

DATA = Path(__file__).parent / "data" / "wordpress"
EXPORT = DATA / "sheffield.xml"
UPLOADS = DATA / "uploads"


def import_wordpress(site, *options, export=EXPORT, uploads=UPLOADS):
    """Run the command; returns what it printed."""
    out = io.StringIO()
    args = ["--hostname", site.hostname, "--file", str(export)]
    if uploads:
        args += ["--uploads", str(uploads)]
    call_command("import_wordpress", *args, *options, stdout=out)
    return out.getvalue()


def zip_uploads(target, prefix=""):
    """The uploads folder as a zip, its files under prefix (like sites/12/)."""
    with zipfile.ZipFile(target, "w") as archive:
        for path in UPLOADS.rglob("*"):
            if path.is_file():
                archive.write(path, prefix + path.relative_to(UPLOADS).as_posix())
    return target


def copy_uploads(target):
    shutil.copytree(UPLOADS, target)
    return target


VIDEOS = [
    "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
    "https://vimeo.com/76979871",
    "https://youtu.be/aqz-KE-bpKQ",
    "https://www.youtube.com/watch?v=ScMzIvxBSi4",
]


def cache_embeds():
    """Wagtail's embed cache filled for the export's videos: pages render offline."""
    from wagtail.embeds.embeds import get_embed_hash
    from wagtail.embeds.models import Embed

    for url in VIDEOS:
        Embed.objects.get_or_create(
            hash=get_embed_hash(url),
            defaults={"url": url, "type": "video", "html": "", "thumbnail_url": ""},
        )
