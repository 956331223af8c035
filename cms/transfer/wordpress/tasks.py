"""The import as a background task for the admin (the "background" task backend).

The uploaded files wait in the "imports" storage under random names and are
deleted when the run ends. Progress goes through the cache, as the import's
own writes stay invisible until its transaction commits.
"""

from django_tasks import task

from django.core.cache import cache
from django.core.files.storage import storages
from django.utils import timezone

from cms.models import WordPressImport

from .importer import ImportFailed, Run, run_import, save_run


def progress_key(run_id):
    return f"wordpress-import-progress:{run_id}"


def progress_of(record):
    """(percent, stage) of a run, live while it runs."""
    if record.status == WordPressImport.Status.RUNNING:
        return cache.get(progress_key(record.pk), (0, ""))
    return record.progress, record.stage


@task(backend="background")
def import_wordpress(run_id, mapping):
    record = WordPressImport.objects.select_related("site", "requested_by").get(
        pk=run_id
    )
    record.status = WordPressImport.Status.RUNNING
    record.save(update_fields=["status"])
    files = storages["imports"]

    def progress(percent, stage):
        cache.set(progress_key(run_id), (percent, str(stage)), 3600)

    run = Run(
        site=record.site,
        export_path=files.path(record.export_file),
        uploads_path=files.path(record.uploads_file) if record.uploads_file else "",
        dry_run=record.dry_run,
        mapping=mapping,
        user=record.requested_by,
        progress=progress,
    )
    try:
        run_import(run)
    except ImportFailed as error:
        record.status = WordPressImport.Status.FAILED
        record.error = str(error)
        record.finished_at = timezone.now()
        record.save()
    else:
        save_run(run, record)
    finally:
        for name in (record.export_file, record.uploads_file):
            if name:
                files.delete(name)
        cache.delete(progress_key(run_id))
