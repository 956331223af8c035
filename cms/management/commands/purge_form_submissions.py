from datetime import timedelta

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from wagtail.contrib.forms.models import FormSubmission

from cms.models import FormPage


class Command(BaseCommand):
    help = (
        "Delete form submissions older than their form's retention period "
        "(days kept, set on each form page). Run it every night."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="count what would be deleted, delete nothing",
        )

    def handle(self, *args, dry_run, **options):
        now = timezone.now()
        verb = "would delete" if dry_run else "deleted"
        total = 0
        forms = FormPage.objects.only("pk", "title", "url_path", "retention_days")
        with transaction.atomic():
            for form in forms.order_by("path"):
                cutoff = now - timedelta(days=form.retention_days)
                old = FormSubmission.objects.filter(
                    page_id=form.pk, submit_time__lt=cutoff
                )
                count = old.count()
                if not count:
                    continue
                if not dry_run:
                    old.delete()
                total += count
                self.stdout.write(
                    f"{form.url_path} (kept {form.retention_days} days): {verb} {count}"
                )
        self.stdout.write(self.style.SUCCESS(f"In all, {verb} {total} submissions."))
