"""iCalendar output for events: the one builder every calendar uses.

Model-free: it reads `pk`, `title`, `start`, `end`, `venue`, `address`,
`online_url`, `summary`, `last_published_at` and `get_full_url(request)` of each
event. Every time is written in UTC (a `Z` time, no TZID needing a VTIMEZONE).
"""

from datetime import UTC

from icalendar import Calendar, Event

from django.http import HttpResponse
from django.utils import timezone

PRODID = "-//City of Sanctuary network//events//EN"


def utc(moment):
    return moment.astimezone(UTC) if timezone.is_aware(moment) else moment


def location(event):
    """Venue and address on one line, else the online link."""
    address = (event.address or "").replace("\r", "").replace("\n", ", ")
    place = ", ".join(part for part in (event.venue, address) if part)
    return place or event.online_url or ""


def calendar_bytes(events, request, name=""):
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    if name:
        calendar.add("x-wr-calname", name)
    host = request.get_host().split(":")[0]
    now = timezone.now()
    for page in events:
        event = Event()
        event.add("uid", f"event-{page.pk}@{host}")
        event.add("summary", page.title)
        event.add("dtstart", utc(page.start))
        event.add("dtend", utc(page.end))
        event.add("dtstamp", utc(page.last_published_at or now))
        event.add("url", page.get_full_url(request))
        if where := location(page):
            event.add("location", where)
        if page.summary:
            event.add("description", page.summary)
        calendar.add_component(event)
    return calendar.to_ical()


def calendar_response(events, request, filename, name="", inline=False):
    response = HttpResponse(
        calendar_bytes(events, request, name),
        content_type="text/calendar; charset=utf-8",
    )
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response
