"""Per-site RSS, iCalendar and sitemap output, parsed rather than grepped."""

from datetime import datetime, timedelta
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import icalendar

from django.utils import timezone

from cms.ical import calendar_bytes
from cms.models import NewsPage
from tests import content

HOST = "sheffield.localhost"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def test_news_feed_lists_this_sites_news_newest_first(
    client, group_site, other_group_site
):
    content.add_news(group_site, "Older news", days_ago=5)
    content.add_news(group_site, "Latest news", days_ago=1)
    content.add_news(other_group_site, "Bristol news")
    response = client.get("/feeds/news.rss", HTTP_HOST=HOST)
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = content.parse_xml(response.content).find("channel")
    assert channel.findtext("title") == "News from Sheffield"
    items = channel.findall("item")
    assert [item.findtext("title") for item in items] == ["Latest news", "Older news"]
    assert items[0].findtext("link") == f"http://{HOST}/news/latest-news/"
    assert items[0].findtext("description") == "Summary of Latest news"


def test_news_feed_leaves_out_drafts_and_private_news(client, group_site):
    item = content.add_news(group_site, "Members only")
    item.unpublish()
    response = client.get("/feeds/news.rss", HTTP_HOST=HOST)
    assert content.parse_xml(response.content).find("channel").findall("item") == []


def test_event_feed_is_valid_icalendar_of_upcoming_events_only(
    client, group_site, other_group_site
):
    content.add_event(group_site, "Picnic", days_ahead=3, address="Park Road")
    content.add_event(group_site, "Old meeting", days_ahead=-30)
    content.add_event(other_group_site, "Bristol meeting")
    response = client.get("/feeds/events.ics", HTTP_HOST=HOST)
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = icalendar.Calendar.from_ical(response.content)
    events = calendar.walk("VEVENT")
    assert [str(event["SUMMARY"]) for event in events] == ["Picnic"]
    assert str(events[0]["LOCATION"]) == "Central Library, Park Road"
    assert events[0]["URL"] == f"http://{HOST}/events/picnic/"


def test_each_event_offers_its_own_calendar_file(client, group_site):
    event = content.add_event(group_site, "Summit", days_ahead=10)
    response = client.get(f"{event.url}ical/", HTTP_HOST=HOST)
    assert response["Content-Disposition"] == 'attachment; filename="summit.ics"'
    (entry,) = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    assert entry.decoded("DTSTART") == event.start
    assert entry.decoded("DTEND") - entry.decoded("DTSTART") == timedelta(hours=2)
    assert entry.decoded("DTSTART") > timezone.now()


def test_calendars_give_the_whole_place_and_write_every_time_in_utc(rf):
    london = ZoneInfo("Europe/London")
    start = datetime(2027, 7, 1, 18, 30, tzinfo=london)  # summer time: 17:30 UTC
    vigil = SimpleNamespace(
        pk=7,
        title="Vigil",
        start=start,
        end=start + timedelta(hours=2),
        venue="Quaker Meeting House",
        address="10 St James Street\nSheffield",
        online_url="",
        summary="",
        last_published_at=datetime(2027, 6, 1, 12, 0, tzinfo=london),
        get_full_url=lambda request: f"http://{HOST}/events/vigil/",
    )
    online = SimpleNamespace(
        **{
            **vars(vigil),
            "pk": 8,
            "venue": "",
            "address": "",
            "online_url": "https://meet.example.org/v",
        }
    )
    request = rf.get("/", HTTP_HOST=HOST)
    body = calendar_bytes([vigil, online], request, name="Sheffield").decode()
    assert "DTSTART:20270701T173000Z" in body
    assert "DTEND:20270701T193000Z" in body
    assert "DTSTAMP:20270601T110000Z" in body
    assert "TZID" not in body
    calendar = icalendar.Calendar.from_ical(body)
    assert str(calendar["X-WR-CALNAME"]) == "Sheffield"
    first, second = calendar.walk("VEVENT")
    assert (
        str(first["LOCATION"]) == "Quaker Meeting House, 10 St James Street, Sheffield"
    )
    assert str(second["LOCATION"]) == "https://meet.example.org/v"


def test_sitemap_lists_only_this_sites_pages(client, group_site, other_group_site):
    content.add_news(group_site, "Sheffield news")
    content.add_news(other_group_site, "Bristol news")
    response = client.get("/sitemap.xml", HTTP_HOST=HOST)
    urls = [
        loc.text for loc in content.parse_xml(response.content).iter(f"{SITEMAP}loc")
    ]
    assert urls
    assert all(url.startswith(f"http://{HOST}/") for url in urls)
    assert f"http://{HOST}/news/sheffield-news/" in urls
    assert NewsPage.objects.filter(title="Bristol news").exists()
    assert not any("bristol-news" in url for url in urls)
