"""What moving a site in or out leaves behind: each WordPress import run with its
report, which WordPress item became which page, image or document, and the site
exports asked for in the admin."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.models import Site


class WordPressImport(models.Model):
    """One run of the WordPress import for a site, from the admin or the command."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting to start")
        RUNNING = "running", _("Importing")
        DONE = "done", _("Finished")
        FAILED = "failed", _("Failed")

    site = models.ForeignKey(
        Site, on_delete=models.CASCADE, related_name="wordpress_imports"
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    dry_run = models.BooleanField(default=False)
    progress = models.PositiveSmallIntegerField(default=0)
    stage = models.CharField(max_length=200, blank=True)
    error = models.TextField(blank=True)
    origin = models.URLField(
        blank=True, help_text="The old site's address, from the export."
    )
    report = models.JSONField(default=dict, blank=True)
    export_file = models.CharField(max_length=255, blank=True)
    uploads_file = models.CharField(max_length=255, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.site}: {self.get_status_display()}"

    @property
    def finished(self):
        return self.status in {self.Status.DONE, self.Status.FAILED}


class WordPressItem(models.Model):
    """A WordPress post, page or attachment and what the import made of it."""

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="+")
    wordpress_id = models.PositiveBigIntegerField()
    page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    checksum = models.CharField(max_length=64, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["site", "wordpress_id"], name="one_record_per_wordpress_item"
            )
        ]

    def __str__(self):
        return f"{self.site}: WordPress #{self.wordpress_id}"


class SiteExport(models.Model):
    """A bundle of a site asked for in the admin, made by a background task and
    kept in the private "exports" storage until it expires."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting to start")
        RUNNING = "running", _("Exporting")
        DONE = "done", _("Ready to download")
        FAILED = "failed", _("Failed")

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="exports")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    personal_data = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    file = models.CharField(max_length=255, blank=True)
    size = models.PositiveBigIntegerField(default=0)
    error = models.TextField(blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.site}: {self.get_status_display()}"

    @property
    def finished(self):
        return self.status in (self.Status.DONE, self.Status.FAILED)
