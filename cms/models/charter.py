"""The network charter and the Birmingham Declaration: network-wide snippets."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from cms.cache.network import default_locale, locale


class CharterPart(models.TextChoices):
    VISION = "vision", _("Vision")
    VALUE = "value", _("Value")
    PRINCIPLE = "principle", _("Principle")


class OrderedStatement(TranslatableMixin, index.Indexed, models.Model):
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("text"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [FieldPanel("title"), FieldPanel("text"), FieldPanel("sort_order")]
    search_fields = [index.SearchField("title"), index.SearchField("text")]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["sort_order", "pk"]

    def __str__(self):
        return self.title


@register_snippet
class CharterStatement(OrderedStatement):
    """One part of the network charter: the vision, a value or a principle."""

    part = models.CharField(_("part"), max_length=20, choices=CharterPart.choices)

    panels = [FieldPanel("part"), *OrderedStatement.panels]

    class Meta(OrderedStatement.Meta):
        verbose_name = _("charter statement")
        verbose_name_plural = _("network charter")
        ordering = ["part", "sort_order", "pk"]


@register_snippet
class DeclarationPrinciple(OrderedStatement):
    """One of the five principles of the Birmingham Declaration (2014)."""

    class Meta(OrderedStatement.Meta):
        verbose_name = _("Birmingham Declaration principle")
        verbose_name_plural = _("Birmingham Declaration principles")


def in_active_locale(queryset):
    """The items in the reader's language, falling back to the default language."""
    active, default = locale(), default_locale()
    rows = list(queryset.filter(locale_id__in={active.pk, default.pk}))
    translated = {row.translation_key for row in rows if row.locale_id == active.pk}
    return [
        row
        for row in rows
        if row.locale_id == active.pk or row.translation_key not in translated
    ]


def charter_items(part):
    """The statements of one part of the charter, or the declaration principles."""
    if part == "declaration":
        return in_active_locale(DeclarationPrinciple.objects.all())
    return in_active_locale(CharterStatement.objects.filter(part=part))
