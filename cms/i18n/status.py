"""The translation status board: every page of a site against every language.

wagtail-localize has no such report (wagtail-localize#832). Six queries
whatever the number of pages.
"""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation

UNTRANSLATED = "untranslated"
IN_PROGRESS = "in-progress"
OUT_OF_DATE = "out-of-date"
UP_TO_DATE = "up-to-date"
LABELS = {
    UNTRANSLATED: _("Untranslated"),
    IN_PROGRESS: _("Partly translated"),
    OUT_OF_DATE: _("Out of date"),
    UP_TO_DATE: _("Up to date"),
}


@dataclass
class Cell:
    status: str
    url: str = ""
    sync_url: str = ""
    done: int = 0
    total: int = 0

    @property
    def label(self):
        return LABELS[self.status]


@dataclass
class Row:
    page_id: int
    title: str
    depth: int
    cells: list


def status_board(site, locales, allowed, next_url=""):
    """Rows of the site's source pages, one cell per locale in `locales`; the
    cells of `allowed` locales link to the translation."""
    home = site.root_page
    pages = list(
        Page.objects.descendant_of(home, inclusive=True)
        .order_by("path")
        .values(
            "id",
            "draft_title",
            "depth",
            "translation_key",
            "latest_revision__created_at",
        )
    )
    keys = Page.objects.descendant_of(home, inclusive=True).values("translation_key")
    translations = {
        (t.source.object_id, t.target_locale_id): t
        for t in Translation.objects.filter(
            source__object_id__in=keys,
            source__locale_id=home.locale_id,
            target_locale__in=locales,
            enabled=True,
        ).select_related("source")
    }
    targets = {
        (p["translation_key"], p["locale_id"]): p
        for p in Page.objects.filter(
            translation_key__in=keys, locale__in=locales
        ).values("id", "translation_key", "locale_id")
    }
    progress = _progress(translations.values(), locales)
    allowed = {locale.pk for locale in allowed}
    query = urlencode({"next": next_url}) if next_url else ""
    rows = []
    for page in pages:
        cells = []
        for locale in locales:
            key = (page["translation_key"], locale.pk)
            cell = _cell(page, translations.get(key), targets.get(key), progress)
            if locale.pk in allowed:
                cell.url = _link(page, locale, targets.get(key), query)
                if cell.status == OUT_OF_DATE:
                    source_id = translations[key].source_id
                    sync = reverse(
                        "wagtail_localize:update_translations", args=[source_id]
                    )
                    cell.sync_url = f"{sync}?{query}" if query else sync
            cells.append(cell)
        rows.append(Row(page["id"], page["draft_title"], page["depth"], cells))
    return rows


def _progress(translations, locales):
    """{(source id, locale id): translated string count}, and each source's total."""
    source_ids = {t.source_id for t in translations}
    segments = list(
        StringSegment.objects.filter(source_id__in=source_ids).values_list(
            "source_id", "string_id", "context_id"
        )
    )
    done = set(
        StringTranslation.objects.filter(
            translation_of_id__in=StringSegment.objects.filter(
                source_id__in=source_ids
            ).values("string_id"),
            locale__in=locales,
            has_error=False,
        ).values_list("translation_of_id", "context_id", "locale_id")
    )
    counts = {}
    for source_id, string_id, context_id in segments:
        counts[source_id] = counts.get(source_id, 0) + 1
        for locale in locales:
            if (string_id, context_id, locale.pk) in done:
                key = (source_id, locale.pk)
                counts[key] = counts.get(key, 0) + 1
    return counts


def _cell(page, translation, target, progress):
    if translation is None or target is None:
        return Cell(UNTRANSLATED)
    total = progress.get(translation.source_id, 0)
    done = progress.get((translation.source_id, translation.target_locale_id), 0)
    changed = page["latest_revision__created_at"]
    if changed and changed > translation.source.last_updated_at:
        return Cell(OUT_OF_DATE, done=done, total=total)
    if total and done == 0:
        return Cell(UNTRANSLATED, done=done, total=total)
    if done < total:
        return Cell(IN_PROGRESS, done=done, total=total)
    return Cell(UP_TO_DATE, done=done, total=total)


def _link(page, locale, target, query):
    if target is not None:
        return reverse("wagtailadmin_pages:edit", args=[target["id"]])
    url = reverse("wagtail_localize:submit_page_translation", args=[page["id"]])
    params = urlencode({"select_locale": locale.language_code})
    return f"{url}?{params}&{query}" if query else f"{url}?{params}"
