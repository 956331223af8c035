"""The record that a story was erased: when, by whom, how much. Never what."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.models import Site


class ErasureRecord(models.Model):
    site = models.ForeignKey(
        Site, null=True, on_delete=models.SET_NULL, related_name="erasures"
    )
    erased_at = models.DateTimeField(_("erased at"), auto_now_add=True)
    erased_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    removed = models.JSONField(
        _("items removed"), default=dict, help_text=_("A count per kind of item.")
    )

    class Meta:
        ordering = ["-erased_at"]
        verbose_name = _("story erasure")

    def __str__(self):
        return f"Story erased on {self.erased_at:%Y-%m-%d}"
