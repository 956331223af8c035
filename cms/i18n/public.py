"""What the public sees of a site's languages: versions of a page, progress of
its translation, and the English page behind an untranslated address."""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, Exists, OuterRef, Q

from wagtail.models import Page
from wagtail_localize.models import StringSegment, StringTranslation

from cms.cache.sites import site_data

from .languages import direction, local_name


@dataclass
class LanguageVersion:
    code: str
    name: str
    page: Page
    translated: bool
    current: bool

    @property
    def direction(self):
        return direction(self.code)


def language_versions(request, site, page):
    """The site's languages, each with this page or else the site's home in it."""
    data = site_data(request)
    codes = data.codes
    home = site.root_page
    found = {(home.translation_key, code): p for code, p in data.homes.items()}
    if page and page.translation_key != home.translation_key:
        codes_of = {locale.pk: code for code, locale in data.locales.items()}
        candidates = Page.objects.live().filter(
            translation_key=page.translation_key, locale__in=codes_of
        )
        found.update(
            {(p.translation_key, codes_of[p.locale_id]): p for p in candidates}
        )
    current = getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE)
    versions = []
    for code in codes:
        own = found.get((page.translation_key, code)) if page else None
        target = own or found.get((home.translation_key, code))
        if target is not None:
            versions.append(
                LanguageVersion(
                    code, local_name(code), target, own is not None, code == current
                )
            )
    return versions


def translation_progress(page, default_locale):
    """(translated, total) strings of a page made by wagtail-localize, or None
    when the page is not a translation."""
    if page.locale_id == default_locale.pk:
        return None
    if page.alias_of_id:
        return (0, 1)
    done = StringTranslation.objects.filter(
        translation_of_id=OuterRef("string_id"),
        locale_id=page.locale_id,
        context_id=OuterRef("context_id"),
        has_error=False,
    )
    # The slug is part of the address, not of what the reader reads.
    counts = (
        StringSegment.objects.filter(
            source__object_id=page.translation_key,
            source__translations__target_locale_id=page.locale_id,
            source__translations__enabled=True,
        )
        .exclude(context__path="slug")
        .aggregate(total=Count("pk"), done=Count("pk", filter=Q(Exists(done))))
    )
    if not counts["total"]:
        return None
    return (counts["done"], counts["total"])


def source_page_for_path(site, locale, slugs):
    """The live, public page in the source language that an address in `locale`
    stands for: the translated tree is followed as far as it goes."""
    page = site.root_page.get_translation_or_none(locale)
    if page is None:
        return None
    for slug in slugs:
        child = page.get_children().filter(slug=slug).first()
        if child is None and page.locale_id == locale.pk:
            page = page.get_translation_or_none(site.root_page.locale)
            child = page and page.get_children().filter(slug=slug).first()
        if child is None:
            return None
        page = child
    if page.locale_id == locale.pk or not page.live:
        return None
    if page.get_view_restrictions().exists():
        return None
    return page.specific
