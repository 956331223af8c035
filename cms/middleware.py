"""Request gates: which hosts are served, where the admin lives, which CSP applies."""

from urllib.parse import urlsplit

from csp.middleware import CSPMiddleware

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.http import HttpResponsePermanentRedirect
from django.http.request import split_domain_port, validate_host

from wagtail.models import Site

SITE_HOSTNAMES_KEY = "cms:site-hostnames"
SITE_HOSTNAMES_TIMEOUT = 300
ADMIN_PREFIX = "/admin/"


def site_hostnames():
    hostnames = cache.get(SITE_HOSTNAMES_KEY)
    if hostnames is None:
        hostnames = frozenset(Site.objects.values_list("hostname", flat=True))
        cache.set(SITE_HOSTNAMES_KEY, hostnames, SITE_HOSTNAMES_TIMEOUT)
    return hostnames


def forget_site_hostnames(**kwargs):
    cache.delete(SITE_HOSTNAMES_KEY)


def client_ip(request):
    """The client's address, read through TRUSTED_PROXY_COUNT reverse proxies.

    Each proxy appends the address it was reached from to X-Forwarded-For, so
    the client is that many entries from the right; anything further left was
    written by the client and is not trusted.
    """
    hops = settings.TRUSTED_PROXY_COUNT
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    chain = [address.strip() for address in forwarded.split(",") if address.strip()]
    if hops and len(chain) >= hops:
        return chain[-hops]
    return request.META.get("REMOTE_ADDR")


class SiteHostMiddleware:
    """Django's host check (ALLOWED_HOSTS is "*"), extended to every Site's hostname.

    Listed first in MIDDLEWARE, as Django's documentation asks of a middleware
    that validates hosts itself. An unknown host gets Django's 400.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        domain, _port = split_domain_port(request.get_host())
        if not (
            validate_host(domain, settings.NETWORK_HOSTS) or domain in site_hostnames()
        ):
            raise DisallowedHost(f"Invalid HTTP_HOST header: {domain!r}.")
        if settings.ADMIN_HOST_ONLY and request.path_info.startswith(ADMIN_PREFIX):
            admin = urlsplit(settings.WAGTAILADMIN_BASE_URL)
            if domain != admin.hostname:
                return HttpResponsePermanentRedirect(
                    settings.WAGTAILADMIN_BASE_URL + request.get_full_path()
                )
        return self.get_response(request)


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """The strict policy on public pages; on the admin, the report-only one alone."""

    def process_response(self, request, response):
        if request.path_info.startswith(ADMIN_PREFIX):
            response._csp_exempt = True
        else:
            response._csp_exempt_ro = True
        return super().process_response(request, response)
