"""Facts of the whole network that every page asks for: locales and view
restrictions, from the shared cache under the network's generation counter.

Wagtail asks the database for the view restrictions of a page's ancestors on
every request, and for every restriction of the network each time a listing
is filtered with `public()`; both read this cached list instead.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db.models import Q
from django.utils.translation import get_language

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, PageViewRestriction

from .generations import NETWORK_KEY

DATA_KEY = "cms:network-data"
DATA_SECONDS = 24 * 60 * 60


@dataclass
class NetworkData:
    locales: dict  # language code -> Locale
    restricted: list  # paths of the pages that carry a view restriction
    markers: frozenset  # those paths, and the paths of their aliases

    def possibly_restricted(self, path):
        """Whether a restriction may apply to the page at `path` (or it is an alias)."""
        return any(path[:end] in self.markers for end in range(4, len(path) + 1, 4))


def network_data():
    found = cache.get_many([NETWORK_KEY, DATA_KEY])
    counter, entry = found.get(NETWORK_KEY), found.get(DATA_KEY)
    if counter is not None and entry is not None and entry[0] == counter:
        return entry[1]
    data = build()
    if counter is not None:
        cache.set(DATA_KEY, (counter, data), DATA_SECONDS)
    return data


def build():
    restrictions = list(
        PageViewRestriction.objects.values_list("page_id", "page__path")
    )
    aliases = Page.objects.filter(alias_of_id__in=[pk for pk, _path in restrictions])
    restricted = [path for _pk, path in restrictions]
    return NetworkData(
        locales={locale.language_code: locale for locale in Locale.objects.all()},
        restricted=restricted,
        markers=frozenset([*restricted, *aliases.values_list("path", flat=True)]),
    )


def locale(code=None):
    """The Locale of a language code (the active language by default)."""
    locales = network_data().locales
    try:
        code = get_supported_content_language_variant(code or get_language())
    except LookupError:
        code = settings.LANGUAGE_CODE
    return locales.get(code) or locales.get(settings.LANGUAGE_CODE)


def default_locale():
    return locale(settings.LANGUAGE_CODE)


def private_q():
    """Wagtail's PageQuerySet.private_q, from the cached restrictions."""
    q = Q()
    for path in network_data().restricted:
        q |= Q(path__startswith=path)
    return q if q else Q(pk__in=[])
