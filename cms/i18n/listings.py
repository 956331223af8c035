"""One rule for every list of pages on a translated site: each item in the
reader's language where a live translation of it is listed, else in the source
language; never both, never hidden."""

from django.conf import settings
from django.db.models import Q
from django.utils.translation import get_language

from wagtail.models import Page


def in_language(pages, language=None):
    """`pages` (candidates in any language, already filtered to what may be
    listed) as a reader of `language` (default: the active one) sees them."""
    language = language or get_language() or settings.LANGUAGE_CODE
    source = Q(locale__language_code=settings.LANGUAGE_CODE)
    if language == settings.LANGUAGE_CODE:
        return pages.filter(source)
    own = Q(locale__language_code=language)
    translated = pages.filter(own).values("translation_key")
    return pages.filter(own | source & ~Q(translation_key__in=translated))


def below(page, children_only=False):
    """A filter for the pages below `page` or below any of its translations."""
    versions = Page.objects.filter(translation_key=page.translation_key)
    paths = [page.path, *versions.exclude(pk=page.pk).values_list("path", flat=True)]
    wanted = Q(pk__in=[])
    for path in paths:
        if children_only:
            wanted |= Q(path__startswith=path, depth=page.depth + 1)
        else:
            wanted |= Q(path__startswith=path, depth__gt=page.depth)
    return wanted


def children_in_language(model, section, language=None):
    """The live `model` children of a section as readers of `language` (default:
    the active one) see them."""
    language = language or get_language() or settings.LANGUAGE_CODE
    if language == settings.LANGUAGE_CODE:
        return model.objects.live().child_of(section)
    pages = model.objects.live().filter(below(section, children_only=True))
    return in_language(pages, language)


def descendants_in_language(model, home, language=None):
    """The live `model` pages of a site, below its home, as readers of `language`
    (default: the active one) see them."""
    pages = model.objects.live().filter(below(home))
    return in_language(pages, language)
