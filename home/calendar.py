"""iCalendar output for events."""

from icalendar import Calendar, Event


def events_calendar(events, request, name):
    calendar = Calendar()
    calendar.add("prodid", "-//City of Sanctuary network//events//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    host = request.get_host().split(":")[0]
    for page in events:
        event = Event()
        event.add("uid", f"event-{page.pk}@{host}")
        event.add("summary", page.title)
        event.add("dtstart", page.start)
        event.add("dtend", page.end)
        event.add("dtstamp", page.last_published_at or page.start)
        if page.venue:
            event.add("location", page.venue)
        if page.summary:
            event.add("description", page.summary)
        event.add("url", page.get_full_url(request))
        calendar.add_component(event)
    return calendar.to_ical()
