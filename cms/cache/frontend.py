"""CDN purging through Wagtail's frontend cache, configured by environment
(settings: FRONTEND_CACHE and the backend's variables, WAGTAILFRONTENDCACHE).

Wagtail purges a changed page alone (wagtail#820); here a change also purges
the pages that list it, on every site that shows it: each affected site's home
and sections in every language, its feeds and sitemap, and the page's own
addresses and ancestors. Purged once the transaction commits.
"""

from django.conf import settings
from django.db import transaction
from django.db.models import Q

from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Page, Site

SITE_PATHS = ("/feeds/news.rss", "/feeds/events.ics", "/sitemap.xml")


def configured():
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def purge(hostnames, pages=()):
    if configured():
        hostnames, pages = set(hostnames), list(pages)
        transaction.on_commit(lambda: urls_to_purge(hostnames, pages).purge())


def urls_to_purge(hostnames, pages):
    batch = PurgeBatch()
    for page in pages:
        batch.add_page(page)
        batch.add_pages(page.get_ancestors().filter(depth__gte=2).live())
    for site in Site.objects.filter(hostname__in=hostnames).select_related("root_page"):
        homes = Page.objects.filter(translation_key=site.root_page.translation_key)
        shown = Q(pk__in=homes.values("pk"))
        for home in homes:
            shown |= Q(path__startswith=home.path, depth=home.depth + 1)
        batch.add_pages(Page.objects.live().filter(shown))
        batch.add_urls(site.root_url + path for path in SITE_PATHS)
    return batch
