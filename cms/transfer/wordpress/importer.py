"""One import run: fatal checks first, then everything in one transaction.

A fatal error (unreadable export, uploads of another site, anything
unexpected) raises ImportFailed with a one-line message and leaves nothing:
the transaction rolls back and the files written are removed. A problem with
one item is a report line and the rest goes on. A dry run does all the work,
then rolls it back the same way, so its report is what a real run would say.
"""

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from taggit.models import Tag
from wagtail.log_actions import log
from wagtail.models import ReferenceIndex, Site
from wagtail.signal_handlers import disable_reference_index_auto_update

from cms.access.roles import site_collection
from cms.models import WordPressImport, WordPressItem

from .links import Links
from .media import MediaImport
from .pages import PageImport, why_skipped
from .redirects import Redirects
from .report import Report
from .uploads import UploadsError, open_uploads
from .wxr import NotAnExport, read_export

IMPORTED = "cms.wordpress_import"
TRAIL_LINES = 300


class ImportFailed(Exception):
    """A fatal problem; str() is the one-line message."""


@dataclass
class Run:
    site: object
    export_path: str
    uploads_path: str = ""
    dry_run: bool = False
    mapping: dict = field(default_factory=dict)
    user: object = None
    progress: object = None  # called with (percent, stage)

    def count(self, kind, number=1):
        self.report.count(kind, number)

    def skip(self, item, reason):
        self.report.add(item.id, reason)
        self.count("skipped")


def network_origins(site):
    """{old host: new root URL} of the sites already imported from WordPress."""
    found = {}
    done = WordPressImport.objects.filter(
        status=WordPressImport.Status.DONE, dry_run=False
    )
    for origin, other in done.exclude(site=site).values_list("origin", "site"):
        host = urlsplit(origin).hostname
        if host:
            found[host] = other

    roots = {s.pk: s.root_url for s in Site.objects.filter(pk__in=found.values())}
    return {host: roots[pk] for host, pk in found.items() if pk in roots}


def check_uploads(export, uploads):
    attachments = [i for i in export.items if i.type == "attachment"]
    if not len(uploads) or not attachments:
        return
    expected = {i.upload_site for i in attachments} - {None}
    if uploads.sites and expected and not uploads.sites & expected:
        raise ImportFailed(
            _("The uploads are of site %(theirs)s, the export of site %(ours)s.")
            % {"theirs": ", ".join(sorted(uploads.sites)), "ours": ", ".join(expected)}
        )
    if not any(i.upload_path in uploads for i in attachments):
        raise ImportFailed(
            _("None of the export's %(n)s files is in the uploads: another site's?")
            % {"n": len(attachments)}
        )


def run_import(run):
    """Import run.export_path into run.site; returns the Report."""
    run.report = Report(dry_run=run.dry_run)
    run.written, run.replaced = [], []
    try:
        export = read_export(run.export_path)
    except NotAnExport as error:
        message = _("This file cannot be imported: %(why)s.") % {"why": error}
        raise ImportFailed(message) from None
    except OSError as error:
        raise ImportFailed(str(error)) from None
    try:
        run.uploads = open_uploads(run.uploads_path)
    except UploadsError as error:
        raise ImportFailed(str(error)) from None
    try:
        check_uploads(export, run.uploads)
        run.export = export
        with transaction.atomic(), disable_reference_index_auto_update():
            Importer(run).import_all()
            if run.dry_run:
                transaction.set_rollback(True)
    except BaseException as error:
        remove(run.written)
        if isinstance(error, ImportFailed):
            raise
        raise ImportFailed(
            _("The import stopped and nothing was saved: %(error)s")
            % {"error": error.__class__.__name__ + (f": {error}" if str(error) else "")}
        ) from error
    finally:
        run.uploads.close()
    remove(run.written if run.dry_run else run.replaced)
    return run.report


def remove(names):
    for name in names:
        default_storage.delete(name)


class Importer:
    def __init__(self, run):
        self.run = run
        run.collection = site_collection(run.site)
        run.links = Links(run.export, network_origins(run.site))
        run.made, run.changed = {}, []
        self.records = {
            r.wordpress_id: r
            for r in WordPressItem.objects.filter(site=run.site).select_related(
                "page", "image", "document"
            )
        }

    def record(self, item):
        if item.id not in self.records:
            self.records[item.id] = WordPressItem.objects.create(
                site=self.run.site, wordpress_id=item.id
            )
        return self.records[item.id]

    def progress(self, done, total, stage):
        if self.run.progress and total:
            self.run.progress(int(100 * done / total), stage)

    def each(self, items, step, stage, start, share):
        for number, item in enumerate(items):
            try:
                with transaction.atomic():
                    step(item)
            except Exception as error:
                self.run.skip(item, f"could not be imported ({error})")
            if number % 20 == 0:
                self.progress(start + share * number / len(items), 100, stage)

    def import_all(self):
        items = self.run.export.items
        attachments = [i for i in items if i.type == "attachment"]
        content = []
        for item in items:
            if item.type == "attachment":
                continue
            reason = why_skipped(item)
            if reason:
                self.run.skip(item, reason)
            else:
                content.append(item)
        content.sort(key=lambda i: (i.type != "page", self.depth(i, items)))
        media, pages = MediaImport(self.run), PageImport(self.run)
        self.each(
            attachments,
            lambda i: media.attachment(i, self.record(i)),
            _("Images and documents"),
            0,
            40,
        )
        placed = {}

        def place(item):
            placed[item.id] = pages.place(item, self.record(item))

        self.each(content, place, _("Pages"), 40, 20)
        ready = [i for i in content if i.id in placed]
        self.each(
            ready,
            lambda i: pages.fill(i, self.record(i), placed[i.id]),
            _("Content"),
            60,
            35,
        )
        self.redirects(ready, placed, pages)
        self.index_references()
        self.finish()

    def depth(self, item, items):
        by_id = getattr(self, "_by_id", None) or {i.id: i for i in items}
        self._by_id = by_id
        depth, seen = 0, set()
        while item.parent in by_id and item.parent not in seen and depth < 50:
            seen.add(item.parent)
            item, depth = by_id[item.parent], depth + 1
        return depth

    def redirects(self, items, placed, pages):
        redirects = Redirects(self.run)
        terms = {}
        for item in items:
            page = placed[item.id]
            page.refresh_from_db(fields=["live", "url_path"])
            redirects.for_page(item, page)
            if item.type != "post" or not page.live:
                continue
            kind = pages.kind_of(item)
            index = pages.index(kind)
            for taxonomy, pairs in (("category", item.categories), ("tag", item.tags)):
                for slug, name in pairs:
                    if (taxonomy, slug) in terms:
                        continue
                    mapped = taxonomy == "category" and kind != "news"
                    tag = Tag.objects.filter(name=name[:100]).first()
                    terms[taxonomy, slug] = (
                        index,
                        None if mapped or not tag else tag.slug,
                    )
        redirects.for_terms(terms, pages.indexes)
        self.progress(100, 100, _("Redirects"))

    def index_references(self):
        """Wagtail's reference index, once per object changed: its own updates
        are paused during the import, which saves each page three times."""
        for obj in self.run.changed:
            ReferenceIndex.create_or_update_for_object(obj)

    def finish(self):
        run = self.run
        report = run.report.as_dict()
        report["lines"] = report["lines"][:TRAIL_LINES]
        log(
            instance=run.site,
            action=IMPORTED,
            user=run.user,
            data={**report, "origin": run.export.link},
        )


def save_run(run, record=None):
    """Keep a finished run (its report, and where the site came from)."""
    record = record or WordPressImport(site=run.site, requested_by=run.user)
    record.status = WordPressImport.Status.DONE
    record.dry_run = run.dry_run
    record.origin = run.export.link
    record.report = run.report.as_dict()
    record.progress = 100
    record.finished_at = timezone.now()
    record.save()
    return record
