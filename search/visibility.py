"""Which pages search may show, and where.

Every rule of the never-shown list lives here: drafts and unpublished pages
(`live`), private pages (`public`), stories without consent on their own site,
and stories without network consent anywhere else.
"""

from functools import reduce
from operator import or_

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q

from wagtail.models import Page, Site

from cms.cache.network import network_data, private_q
from cms.models import StoryPage
from cms.network.kinds import SiteKind

HOME_DEPTH = 2


def published_pages():
    return Page.objects.live().exclude(private_q()).filter(depth__gte=HOME_DEPTH)


def site_pages(site, locale):
    """Pages of one site in one language, as that site's own search shows them."""
    if locale is None:
        return Page.objects.none()
    root = site.root_page.get_translation_or_none(locale)
    if root is None:
        return Page.objects.none()
    hidden_stories = StoryPage.objects.exclude(
        pk__in=StoryPage.objects.consented().values("pk")
    )
    return (
        published_pages()
        .descendant_of(root, inclusive=True)
        .exclude(pk__in=hidden_stories.values("pk"))
    )


def network_pages(sites=None, kind=None, locale=None, page_type=None):
    """Pages of every network site, as the national search shows them.

    sites: Site queryset to search (default: every site); kind: a SiteKind;
    locale: a Locale, or None for every language; page_type: a ContentType.
    """
    pages = published_pages().filter(within_homes(sites, kind))
    pages = pages.filter(
        ~Q(content_type=ContentType.objects.get_for_model(StoryPage))
        | Q(pk__in=StoryPage.objects.network_visible().values("pk"))
    )
    if locale is not None:
        pages = pages.filter(locale=locale)
    if page_type is not None:
        pages = pages.filter(content_type=page_type)
    return pages


def within_homes(sites, kind):
    """A filter on path: under the wanted site homes (any of their translations).

    Site homes are few (sites x languages), so they are read once and the
    shorter of the wanted or unwanted path lists goes into the query.
    """
    keys = set(
        (Site.objects.all() if sites is None else sites).values_list(
            "root_page__translation_key", flat=True
        )
    )
    kind_type = None
    if kind:
        app_label, model = SiteKind(kind).home_model.lower().split(".")
        kind_type = ContentType.objects.get_by_natural_key(app_label, model).pk
    wanted, unwanted = [], []
    homes = Page.objects.filter(depth=HOME_DEPTH).values_list(
        "path", "translation_key", "content_type"
    )
    for path, key, content_type in homes:
        keep = key in keys and kind_type in (None, content_type)
        (wanted if keep else unwanted).append(path)
    if len(wanted) <= len(unwanted):
        return any_path(wanted) if wanted else Q(pk__in=[])
    return ~any_path(unwanted) if unwanted else Q()


def any_path(paths):
    return reduce(or_, (Q(path__startswith=path) for path in paths))


def active_locale(language_code):
    return network_data().locales.get(language_code)
