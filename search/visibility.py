"""Which pages search may show, and where.

Every rule of the never-shown list lives here: drafts and unpublished pages
(`live`), private pages (`public`), stories without consent on their own site,
and stories without network consent anywhere else.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.db.models.functions import Substr

from wagtail.models import Locale, Page, Site

from cms.models import StoryPage

KINDS = {
    "national": "home.HomePage",
    "group": "groups.GroupHomePage",
    "stream": "streams.StreamHomePage",
}
HOME_DEPTH = 2


def published_pages():
    return Page.objects.live().public().filter(depth__gte=HOME_DEPTH)


def site_pages(site, locale):
    """Pages of one site in one language, as that site's own search shows them."""
    if locale is None:
        return Page.objects.none()
    root = site.root_page.get_translation_or_none(locale)
    if root is None:
        return Page.objects.none()
    hidden_stories = StoryPage.objects.exclude(
        consent_given_on__isnull=False, consent_withdrawn_on__isnull=True
    )
    return (
        published_pages()
        .descendant_of(root, inclusive=True)
        .exclude(pk__in=hidden_stories.values("pk"))
    )


def network_pages(sites=None, kind=None, locale=None, page_type=None):
    """Pages of every network site, as the national search shows them.

    sites: Site queryset to search (default: every site); kind: a key of KINDS;
    locale: a Locale, or None for every language; page_type: a ContentType.
    """
    homes = Page.objects.filter(
        depth=HOME_DEPTH,
        translation_key__in=(Site.objects.all() if sites is None else sites).values(
            "root_page__translation_key"
        ),
    )
    if kind:
        app_label, model = KINDS[kind].lower().split(".")
        homes = homes.filter(
            content_type__app_label=app_label, content_type__model=model
        )
    pages = published_pages().filter(under_homes(homes))
    pages = pages.filter(
        ~Q(content_type=ContentType.objects.get_for_model(StoryPage))
        | Q(pk__in=StoryPage.objects.network_visible().values("pk"))
    )
    if locale is not None:
        pages = pages.filter(locale=locale)
    if page_type is not None:
        pages = pages.filter(content_type=page_type)
    return pages


def under_homes(homes):
    """Pages whose site home (their depth-2 ancestor, or themselves) is in homes."""
    prefix = Substr("path", 1, Page.steplen * HOME_DEPTH)
    inside = Page.objects.annotate(home_path=prefix).filter(
        home_path__in=homes.values("path")
    )
    return Q(pk__in=inside.values("pk"))


def active_locale(language_code):
    return Locale.objects.filter(language_code=language_code).first()
