"""Search promotions chosen by each site's moderators for their own site.

Wagtail's contrib promotions are global (one list per query for the whole
installation), so each site keeps its own list here.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import Page, Site

from .excerpts import query_terms
from .visibility import HOME_DEPTH


class SitePromotionQuerySet(models.QuerySet):
    def for_query(self, site, query):
        return self.filter(site=site, query_string=normalise(query))


class SitePromotion(models.Model):
    site = models.ForeignKey(
        Site, verbose_name=_("site"), on_delete=models.CASCADE, related_name="+"
    )
    query_string = models.CharField(
        _("search words"),
        max_length=255,
        help_text=_("The promotion shows when someone searches for exactly this."),
    )
    page = models.ForeignKey(
        Page, verbose_name=_("page"), on_delete=models.CASCADE, related_name="+"
    )
    description = models.TextField(
        _("description"),
        blank=True,
        help_text=_("Shown under the title. Leave empty to use the page summary."),
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = SitePromotionQuerySet.as_manager()

    panels = [
        FieldPanel("site"),
        FieldPanel("query_string"),
        FieldPanel("page"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        ordering = ["site", "query_string", "sort_order", "pk"]
        verbose_name = _("search promotion")
        verbose_name_plural = _("search promotions")
        indexes = [models.Index(fields=["site", "query_string"])]

    def __str__(self):
        return f"{self.query_string} → {self.page.title}"

    def save(self, *args, **kwargs):
        self.query_string = normalise(self.query_string)
        super().save(*args, **kwargs)

    def clean(self):
        if not normalise(self.query_string):
            raise ValidationError({"query_string": _("Give the words to match.")})
        if self.site_id and self.page_id and not page_is_on_site(self.page, self.site):
            raise ValidationError({"page": _("Choose a page of this site.")})


def normalise(query):
    """Lower-case words only, as search itself reads a query."""
    return " ".join(query_terms(query)).lower()


def page_is_on_site(page, site):
    home_path = page.path[: Page.steplen * HOME_DEPTH]
    return Page.objects.filter(
        path=home_path, translation_key=site.root_page.translation_key
    ).exists()
