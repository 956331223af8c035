"""The old site's addresses as Wagtail redirects of that site only.

Wagtail's RedirectMiddleware answers only 404s, and `/?p=ID` or
`/?page_id=ID` reach the home page with a 200, so QueryRedirectMiddleware
looks those two up itself; every other request passes after a string test.
"""

from django.shortcuts import redirect
from django.urls import reverse

from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Site

from .links import old_path

QUERY_KEYS = ("p=", "page_id=")


def path_of(page):
    return page.get_url_parts()[2]


class QueryRedirectMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        query = request.META.get("QUERY_STRING", "")
        if (
            request.path_info == "/"
            and query.startswith(QUERY_KEYS)
            and request.method in {"GET", "HEAD"}
        ):
            site = Site.find_for_request(request)
            path = Redirect.normalise_path(request.get_full_path())
            found = site and (
                Redirect.objects.filter(site=site, old_path=path)
                .select_related("redirect_page")
                .first()
            )
            if found and found.link:
                return redirect(found.link, permanent=found.is_permanent)
        return self.get_response(request)


class Redirects:
    def __init__(self, run):
        self.run = run
        self.site = run.site
        self.seen = set()

    def add(self, old, page=None, link=""):
        path = Redirect.normalise_path(old)
        if path in self.seen or path in {"", "/"}:
            return
        self.seen.add(path)
        Redirect.objects.update_or_create(
            site=self.site,
            old_path=path,
            defaults={
                "redirect_page": page,
                "redirect_link": link,
                "is_permanent": True,
            },
        )
        self.run.count("redirects")

    def for_page(self, item, page):
        if not page.live:
            return
        if Redirect.normalise_path(old_path(item.link)) != Redirect.normalise_path(
            path_of(page)
        ):
            self.add(old_path(item.link), page=page)
        self.add(f"/?p={item.id}", page=page)
        if item.type == "page":
            self.add(f"/?page_id={item.id}", page=page)

    def for_terms(self, terms, indexes):
        """/category/<slug>/ and /tag/<slug>/ to the section listing that tag."""
        for (taxonomy, slug), (index, tag_slug) in terms.items():
            if index.live:
                query = f"?tag={tag_slug}" if tag_slug else ""
                self.add(f"/{taxonomy}/{slug}/", link=path_of(index) + query)
        news = indexes.get("news")
        if news is not None and news.live:
            self.add("/feed/", link=reverse("news_feed"))
