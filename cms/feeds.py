"""Per-site feeds: RSS for news and iCalendar for events."""

from datetime import datetime, time

from icalendar import Calendar, Event

from django.contrib.syndication.views import Feed
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from wagtail.models import Site

from cms.models import EventPage, NewsPage

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


def calendar_response(events, request, filename):
    calendar = Calendar()
    calendar.add("prodid", "-//City of Sanctuary network//events//EN")
    calendar.add("version", "2.0")
    host = request.get_host().split(":")[0]
    for page in events:
        event = Event()
        event.add("uid", f"event-{page.pk}@{host}")
        event.add("summary", page.title)
        event.add("dtstart", page.start)
        event.add("dtend", page.end)
        event.add("dtstamp", page.last_published_at or timezone.now())
        event.add("url", request.build_absolute_uri(page.get_url(request)))
        location = ", ".join(
            part for part in (page.venue, page.address.replace("\n", ", ")) if part
        )
        if location or page.online_url:
            event.add("location", location or page.online_url)
        if page.summary:
            event.add("description", page.summary)
        calendar.add_component(event)
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_GET
def events_calendar(request):
    """The upcoming events of the site the request is for."""
    site = request_site(request)
    events = EventPage.objects.live().public().on_site(site).upcoming()
    return calendar_response(events, request, "events.ics")
