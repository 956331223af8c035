"""What every public page of a site needs, fetched once per change of the site.

A bundle per host and port, in the shared cache under the host's and the
network's generation counters: the Site with its home page in every language,
the site's identity, its languages and locales, and the main menu in each
language. Wagtail reads the Site from `request._wagtail_site` and the identity
from the setting's own request attribute, so neither costs a query.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.http.request import split_domain_port
from django.utils.translation import get_language

from wagtail.models import Locale, Site
from wagtail.models.sites import get_site_for_hostname

from cms.i18n.languages import language_order
from cms.middleware import site_hostnames
from cms.models import SiteIdentity

from . import generations

BUNDLE_KEY = "cms:site:{}:{}:{}:{}"
BUNDLE_SECONDS = 24 * 60 * 60


@dataclass
class SiteData:
    site: Site | None = None
    identity: SiteIdentity | None = None
    languages: list = field(default_factory=list)  # enabled besides the default
    locales: dict = field(default_factory=dict)  # language code -> Locale
    homes: dict = field(default_factory=dict)  # language code -> live home page
    menus: dict = field(default_factory=dict)  # language code -> menu pages

    @property
    def codes(self):
        return [settings.LANGUAGE_CODE, *self.languages]

    def locale(self, code=None):
        code = code or get_language()
        return self.locales.get(code) or self.locales.get(settings.LANGUAGE_CODE)

    def home(self, code=None):
        return self.homes.get(code or get_language()) or self.homes.get(
            settings.LANGUAGE_CODE
        )

    def menu(self):
        code = get_language()
        return self.menus.get(code) or self.menus.get(settings.LANGUAGE_CODE, [])


def site_data(request):
    """The bundle of the request's host, built at most once per request."""
    if not hasattr(request, "_site_data"):
        request._site_data = load(request)
    return request._site_data


def load(request):
    hostname, _port = split_domain_port(request._get_raw_host())
    port = request.get_port()
    if hostname not in site_hostnames():  # no key for every made-up subdomain
        return build(hostname, port)
    counters = generations.current(hostname)
    if counters is None:  # the shared cache is down: build without it
        return build(hostname, port)
    key = BUNDLE_KEY.format(*counters, hostname.lower(), port)
    data = cache.get(key)
    if data is None:
        data = build(hostname, port)
        cache.set(key, data, BUNDLE_SECONDS)
    return data


def build(hostname, port):
    try:
        site = get_site_for_hostname(hostname, port)
    except Site.DoesNotExist:
        return SiteData()
    identity = SiteIdentity.for_site(site)
    enabled = identity.languages.exclude(language_code=settings.LANGUAGE_CODE)
    codes = enabled.values_list("language_code", flat=True)
    languages = sorted(codes, key=language_order)
    locales = {
        locale.language_code: locale
        for locale in Locale.objects.filter(
            language_code__in=[settings.LANGUAGE_CODE, *languages]
        )
    }
    home = site.root_page.specific
    translations = {
        page.locale.language_code: page
        for page in home.get_translations(inclusive=True)
        .select_related("locale")
        .specific()
    }
    homes = {code: page for code, page in translations.items() if page.live}
    home.localized_homes = translations
    site.root_page = home
    return SiteData(
        site=site,
        identity=identity,
        languages=languages,
        locales=locales,
        homes=homes,
        menus=menus(home, homes),
    )


def menus(home, homes):
    """Each language's menu: the site's sections, translated where they are."""
    items = _menu_pages(home)
    found = {}
    for code, translated_home in homes.items():
        if translated_home.pk == home.pk:
            found[code] = items
            continue
        translated = {p.translation_key: p for p in _menu_pages(translated_home)}
        found[code] = [translated.get(item.translation_key, item) for item in items]
    return found


def _menu_pages(home):
    return list(home.get_children().live().in_menu().specific(defer=True))
