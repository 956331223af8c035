"""The site bundle on every public request, and whole pages for anonymous visitors."""

from django.conf import settings
from django.core.cache import cache
from django.utils.cache import patch_cache_control

from cms.models import SiteIdentity

from . import pages
from .sites import site_data

ADMIN_PREFIX = "/admin/"


class SiteDataMiddleware:
    """Hands Wagtail the cached Site and identity, so neither costs a query.

    Wagtail keeps the request's Site in `request._wagtail_site` and each site
    setting in the attribute its `get_cache_attr_name()` names; the admin is left
    to Wagtail's own lookups.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path_info.startswith(ADMIN_PREFIX):
            data = site_data(request)
            request._wagtail_site = data.site
            if data.identity is not None:
                data.identity._request = request
                setattr(request, SiteIdentity.get_cache_attr_name(), data.identity)
        return self.get_response(request)


class AnonymousPageCacheMiddleware:
    """Serves anonymous visitors from the shared cache when PAGE_CACHE_SECONDS is
    set (it is when REDIS_URL is), and tells a CDN what it may keep.

    Placed after CsrfViewMiddleware, so a page served from the cache still
    gives its reader a CSRF cookie of their own.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not pages.cacheable_request(request):
            response = self.get_response(request)
            if not pages.anonymous(request):
                patch_cache_control(response, private=True, no_cache=True)
            return response
        key = pages.key_for(request) if settings.PAGE_CACHE_SECONDS else None
        entry = cache.get(key) if key else None
        if entry is not None:
            response = pages.replay(request, entry)
            response["X-Page-Cache"] = "hit"
        else:
            response = self.get_response(request)
            if not pages.cacheable_response(request, response):
                return response
            entry = pages.store(request, response, key) if key else None
            if entry is not None:
                response["X-Page-Cache"] = "miss"
        self.tell_shared_caches(request, response)
        return response

    def tell_shared_caches(self, request, response):
        if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):  # the reader's own token
            patch_cache_control(response, private=True, no_cache=True)
        elif getattr(request, "page_cache_cdn_refused", False):
            patch_cache_control(response, public=True, no_cache=True)
        else:
            patch_cache_control(
                response, public=True, max_age=0, s_maxage=settings.CDN_CACHE_SECONDS
            )
