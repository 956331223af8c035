"""Whole public pages for anonymous visitors, in the shared cache.

A page is stored only when nothing about it belongs to one visitor: a GET from
someone without a session, answered 200 by a view that set no cookie and did not
ask for it to stay private (Wagtail marks view-restricted pages so). The
request's CSP nonce and CSRF tokens are stored as placeholders and filled in
afresh for each visitor, so a cached form still carries the reader's own token.
"""

import hashlib
import re
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils import timezone
from django.utils.cache import cc_delim_re

from cms.middleware import site_hostnames

from . import generations

NONCE_SLOT = "cms-nonce-slot"
CSRF_SLOT = "cms-csrf-slot"
CSRF_INPUT = re.compile(rb'(name="csrfmiddlewaretoken" value=")[^"]*(")')
EXCLUDED_PREFIXES = ("/admin/", "/documents/", "/_util/", "/media/", "/static/")
PRIVATE_DIRECTIVES = {"private", "no-store", "no-cache"}
VISITOR_COOKIES = (settings.SESSION_COOKIE_NAME, "messages")
MAX_QUERY = 500
KEPT_HEADERS = ("Content-Type", "Content-Language", "Content-Disposition", "Vary")


@dataclass
class Entry:
    headers: list
    content: bytes
    has_nonce: bool
    has_csrf: bool
    cdn_refused: bool


def anonymous(request):
    """No session and no message waiting: nothing on the page is the visitor's."""
    return not any(name in request.COOKIES for name in VISITOR_COOKIES) and (
        "HTTP_AUTHORIZATION" not in request.META
    )


def cacheable_request(request):
    return (
        request.method in ("GET", "HEAD")
        and anonymous(request)
        and not request.path_info.startswith(EXCLUDED_PREFIXES)
        and len(request.META.get("QUERY_STRING", "")) <= MAX_QUERY
    )


def key_for(request):
    """The page's key: host, path, language and query, under the host's and the
    network's counters and today's date (consent review dates end at midnight)."""
    hostname = request.get_host().rsplit(":", 1)[0]
    if hostname not in site_hostnames():
        return None
    counters = generations.current(hostname)
    if counters is None:
        return None
    address = "|".join(
        [
            request.scheme,
            request.get_host().lower(),
            request.path,
            getattr(request, "LANGUAGE_CODE", ""),
            request.META.get("QUERY_STRING", ""),
        ]
    )
    digest = hashlib.sha256(address.encode()).hexdigest()
    today = timezone.localdate().isoformat()
    return f"cms:page:{counters[0]}:{counters[1]}:{today}:{digest}"


def private_directives(response):
    value = response.get("Cache-Control", "")
    found = {part.split("=")[0].strip().lower() for part in cc_delim_re.split(value)}
    return found & PRIVATE_DIRECTIVES


def cacheable_response(request, response):
    session = getattr(request, "session", None)
    return (
        request.method == "GET"
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not private_directives(response)
        and not (session is not None and session.modified)
        and not getattr(request, "page_cache_refused", False)
    )


def store(request, response, key):
    content = response.content
    nonce = getattr(request, "_csp_nonce", None)
    has_nonce = isinstance(nonce, str) and nonce.encode() in content
    if has_nonce:
        content = content.replace(nonce.encode(), NONCE_SLOT.encode())
    has_csrf = bool(request.META.get("CSRF_COOKIE_NEEDS_UPDATE"))
    if has_csrf:
        content = CSRF_INPUT.sub(rb"\g<1>" + CSRF_SLOT.encode() + rb"\g<2>", content)
    headers = [(name, response[name]) for name in KEPT_HEADERS if name in response]
    cdn_refused = getattr(request, "page_cache_cdn_refused", False)
    entry = Entry(headers, content, has_nonce, has_csrf, cdn_refused)
    cache.set(key, entry, settings.PAGE_CACHE_SECONDS)
    return entry


def replay(request, entry):
    request.page_cache_cdn_refused = entry.cdn_refused
    content = entry.content
    if entry.has_nonce:
        content = content.replace(NONCE_SLOT.encode(), str(request.csp_nonce).encode())
    if entry.has_csrf:
        content = content.replace(CSRF_SLOT.encode(), get_token(request).encode())
    response = HttpResponse(content)
    for name, value in entry.headers:
        response[name] = value
    return response
