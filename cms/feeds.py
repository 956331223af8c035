"""Per-site feeds: RSS for news, iCalendar for events, the sitemap."""

from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Site

from cms.cache.network import private_q
from cms.ical import calendar_response
from cms.models import EventPage, NewsPage, StoryPage

FEED_SIZE = 30


def request_site(request):
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    return site


class NewsFeed(Feed):
    """The latest news of the site the request is for."""

    def get_object(self, request, *args, **kwargs):
        return request_site(request)

    def title(self, site):
        return _("News from %(site)s") % {"site": site.site_name}

    def link(self, site):
        return "/"

    def description(self, site):
        return self.title(site)

    def items(self, site):
        return NewsPage.objects.live().public().on_site(site).newest_first()[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        _site_id, _root_url, path = item.get_url_parts()
        return path

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.combine(item.date, time(9)))

    def item_updateddate(self, item):
        return item.last_published_at


@require_GET
def events_calendar(request):
    """The upcoming events of the site the request is for."""
    site = request_site(request)
    events = EventPage.objects.live().public().on_site(site).upcoming()
    return calendar_response(events, request, "events.ics", name=site.site_name)


class NetworkSitemap(Sitemap):
    """Wagtail's sitemap in one query however many page types there are: pages
    in their base form, stories only where StoryPage.get_sitemap_urls lists them."""

    def items(self):
        unlisted = StoryPage.objects.exclude(
            pk__in=StoryPage.objects.consented().filter(network_display=True)
        )
        return (
            self.get_wagtail_site()
            .root_page.get_descendants(inclusive=True)
            .live()
            .exclude(private_q())
            .exclude(pk__in=unlisted.values("pk"))
            .order_by("path")
        )
