"""Exports asked for in the admin, made by the "background" task backend.

The bundle is written to a temporary file, then saved in the private "exports"
storage under a random name; it is served only by the download view, and
deleted after EXPORT_KEEP_DAYS when the site's next export is asked for.
"""

import os
import secrets
import tempfile
from datetime import timedelta

from django_tasks import task

from django.core.files import File
from django.core.files.storage import storages
from django.utils import timezone

from cms.models import SiteExport

from .export import export_site

EXPORT_KEEP_DAYS = 7


@task(backend="background")
def export_in_background(export_id):
    record = SiteExport.objects.select_related("site", "requested_by").get(pk=export_id)
    record.status = SiteExport.Status.RUNNING
    record.save(update_fields=["status"])
    handle, path = tempfile.mkstemp(suffix=".zip")
    os.close(handle)
    try:
        export_site(record.site, path, record.personal_data, record.requested_by)
        name = f"{record.site.hostname}-{secrets.token_hex(8)}.zip"
        with open(path, "rb") as bundle:
            record.file = storages["exports"].save(name, File(bundle))
        record.size = os.path.getsize(path)
        record.status = SiteExport.Status.DONE
    except Exception as error:
        record.status = SiteExport.Status.FAILED
        record.error = str(error)[:500]
        raise
    finally:
        os.remove(path)
        record.finished_at = timezone.now()
        record.save()


def forget_old_exports(site):
    """Delete the site's bundles older than EXPORT_KEEP_DAYS, files and rows."""
    cutoff = timezone.now() - timedelta(days=EXPORT_KEEP_DAYS)
    old = SiteExport.objects.filter(site=site, created_at__lt=cutoff)
    for record in old:
        if record.file:
            storages["exports"].delete(record.file)
    old.delete()
