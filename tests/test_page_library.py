"""Every page type of the shared library renders its content on a real site."""

import gzip
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup

from django.conf import settings
from django.utils import timezone

from cms.models import (
    CharterPage,
    EventIndexPage,
    EventPage,
    FormField,
    FormPage,
    InspirationPage,
    NewsPage,
    ResourceIndexPage,
    StandardPage,
    StoryPage,
)
from groups.models import GroupHomePage, SupportersPage
from streams.models import AwardsPage, StreamHomePage
from tests import content

HOST = "sheffield.localhost"


def soup_of(client, path, host=HOST):
    response = client.get(path, HTTP_HOST=host)
    assert response.status_code == 200, path
    return BeautifulSoup(response.content, "html.parser")


def texts(soup, selector):
    return [node.get_text(" ", strip=True) for node in soup.select(selector)]


def test_standard_page_shows_its_body_blocks(client, group_site):
    about = StandardPage.objects.child_of(group_site.root_page).get()
    about.body = content.paragraphs("We began in 2005.")
    about.save_revision().publish()
    soup = soup_of(client, "/about/")
    assert soup.h1.get_text(strip=True) == "About us"
    assert "We began in 2005." in soup.select_one("main .rich-text").get_text()


def test_inspiration_index_lists_newest_first_and_filters_by_tag(client, group_site):
    content.add_inspiration(group_site, "Welcome meal", tags=["food"])
    content.add_inspiration(group_site, "Language café", tags=["language"])
    soup = soup_of(client, "/inspirations/")
    assert texts(soup, ".card h2") == ["Language café", "Welcome meal"]
    assert texts(soup, "nav.tags a") == ["All", "food", "language"]
    filtered = soup_of(client, "/inspirations/?tag=food")
    assert texts(filtered, ".card h2") == ["Welcome meal"]
    assert filtered.select_one("nav.tags a[aria-current]").get_text() == "food"


def test_inspiration_page_shows_body_and_topics(client, group_site):
    content.add_inspiration(group_site, "Welcome meal", tags=["food"])
    soup = soup_of(client, "/inspirations/welcome-meal/")
    assert soup.h1.get_text() == "Welcome meal"
    assert "how we did it" in soup.select_one(".rich-text").get_text()
    topic = soup.select_one("main p.meta a")
    assert (topic.get_text(), topic["href"]) == ("food", "/inspirations/?tag=food")


def test_index_is_paginated_with_querystring_links(client, group_site):
    for number in range(14):
        content.add_news(group_site, f"Item {number}", days_ago=number, tags=["x"])
    first = soup_of(client, "/news/?tag=x")
    assert len(first.select(".card")) == 12
    older = first.select_one(".pagination a[rel=next]")["href"]
    assert older == "?tag=x&page=2"
    second = soup_of(client, "/news/" + older)
    assert texts(second, ".card h2") == ["Item 12", "Item 13"]
    assert soup_of(client, "/news/?page=99").select(".card")  # last page


def test_news_shows_date_summary_and_body(client, group_site):
    item = content.add_news(group_site, "Library café opens", days_ago=3)
    soup = soup_of(client, "/news/")
    card = soup.select_one(".card")
    assert card.time["datetime"].startswith(item.date.isoformat())
    assert "Summary of Library café opens" in card.get_text()
    page = soup_of(client, item.url)
    assert page.select_one("main time")["datetime"] == item.date.isoformat()
    assert "Body of Library café opens" in page.get_text()


def test_past_events_drop_off_the_listing(client, group_site):
    content.add_event(group_site, "Picnic", days_ahead=3)
    content.add_event(group_site, "Summit", days_ahead=10)
    content.add_event(group_site, "Last year's party", days_ahead=-300)
    soup = soup_of(client, "/events/")
    assert texts(soup, ".card h2") == ["Picnic", "Summit"]


def test_event_page_shows_london_time_place_access_and_cost(client, group_site):
    start = timezone.now().replace(month=7, day=1, hour=16, minute=0) + timedelta(
        days=400
    )
    event = content.add_event(
        group_site,
        "Refugee Week picnic",
        address="Clarkehouse Road\nSheffield",
        accessibility="Step-free access",
        cost="£3, free for people seeking sanctuary",
    )
    event.start, event.end = start, start + timedelta(hours=2)
    event.save_revision().publish()
    soup = soup_of(client, event.url)
    facts = dict(zip(texts(soup, ".facts dt"), texts(soup, ".facts dd"), strict=True))
    assert "17:00" in facts["When"]  # 16:00 UTC is 17:00 in London in summer
    assert facts["Where"].startswith("Central Library")
    assert (
        soup.select_one(".facts address").get_text("|") == "Clarkehouse Road|Sheffield"
    )
    assert facts["Accessibility"] == "Step-free access"
    assert facts["Cost"] == "£3, free for people seeking sanctuary"
    assert soup.find("a", href=f"{event.url}ical/")


def test_online_event_shows_its_link_and_free_cost(client, group_site):
    event = content.add_event(
        group_site, "Online evening", venue="", online_url="https://example.org/j"
    )
    soup = soup_of(client, event.url)
    facts = dict(zip(texts(soup, ".facts dt"), texts(soup, ".facts dd"), strict=True))
    assert "Where" not in facts
    assert soup.select_one(".facts a[href='https://example.org/j']")
    assert facts["Cost"] == "Free"


def test_event_needs_a_place_and_a_sensible_end(group_site):
    index = EventIndexPage.objects.child_of(group_site.root_page).get()
    start = timezone.now()
    event = EventPage(title="Nowhere", start=start, end=start - timedelta(hours=1))
    with pytest.raises(Exception) as error:
        index.add_child(instance=event)
    assert set(error.value.message_dict) == {"end", "venue"}


def test_resource_page_offers_its_documents(client, group_site):
    page = content.add_resource(group_site, "Starter handbook", tags=["handbook"])
    index = soup_of(client, "/resources/")
    assert texts(index, ".card h2") == ["Starter handbook"]
    soup = soup_of(client, page.url)
    link = soup.select_one("section.documents a[download]")
    assert link.get_text() == "Starter handbook"
    assert link["href"] == page.documents.get().document.url
    assert "(TXT)" in link.parent.get_text()


def test_story_page_shows_first_name_only_and_hides_location(client, group_site):
    story = content.add_story(group_site, "Finding my voice", location="Sheffield")
    soup = soup_of(client, story.url)
    assert soup.select_one(".storyteller").get_text(strip=True) == "Told by Amira"
    assert "Haddad" not in soup.get_text()
    assert "Sheffield," not in soup.select_one(".storyteller").get_text()


def test_story_shows_name_place_and_portrait_only_when_allowed(client, group_site):
    story = content.add_story(
        group_site,
        "Growing a garden",
        location="Easton",
        hide_surname=False,
        hide_location=False,
        hide_face=False,
        photo_permission=True,
        portrait=content.make_image("Portrait"),
    )
    soup = soup_of(client, story.url)
    assert soup.select_one(".storyteller").get_text(strip=True) == (
        "Told by Amira Haddad, Easton"
    )
    assert soup.select_one(".portrait picture source[type='image/webp']")


def test_form_page_takes_a_volunteer_offer(client, group_site):
    form = FormPage.objects.child_of(group_site.root_page).get()
    FormField.objects.create(
        page=form, label="Your name", field_type="singleline", required=True
    )
    form.thank_you_text = "<p>Thank you for offering your time.</p>"
    form.save_revision().publish()
    soup = soup_of(client, "/get-involved/")
    label = soup.select_one("main form label").get_text(strip=True)
    assert label.startswith("Your name")
    response = client.post("/get-involved/", {"your_name": "Sam"}, HTTP_HOST=HOST)
    done = BeautifulSoup(response.content, "html.parser")
    assert "Thank you for offering your time." in done.get_text()
    assert form.get_submission_class().objects.filter(page=form).count() == 1


def test_tree_rules_keep_each_type_in_its_place(group_site, stream_site):
    assert CharterPage.can_create_at(GroupHomePage()) is True
    assert InspirationPage.can_create_at(GroupHomePage()) is False
    assert NewsPage.can_create_at(StandardPage()) is False
    assert StoryPage.allowed_parent_page_models() == [
        StoryPage._meta.apps.get_model("cms.StoryIndexPage")
    ]
    group_home = group_site.root_page.specific
    assert SupportersPage.can_create_at(group_home) is True
    content.publish(group_home, SupportersPage(title="Supporters"))
    assert SupportersPage.can_create_at(group_home) is False  # one per group
    assert SupportersPage.can_create_at(StreamHomePage()) is False
    assert AwardsPage.can_create_at(StreamHomePage()) is True
    assert AwardsPage.can_create_at(GroupHomePage()) is False
    home = group_site.root_page.specific
    assert ResourceIndexPage.can_create_at(home) is True
    assert CharterPage.can_create_at(home) is False  # one per site


def test_every_page_carries_canonical_og_and_feed_links(client, group_site):
    item = content.add_news(group_site, "Open meeting")
    soup = soup_of(client, item.url)
    canonical = soup.select_one("link[rel=canonical]")["href"]
    assert canonical == f"http://{HOST}{item.url}"
    og = {m["property"]: m["content"] for m in soup.select("meta[property]")}
    assert og["og:title"] == "Open meeting"
    assert og["og:url"] == canonical
    assert og["og:site_name"] == "Sheffield"
    assert og["og:description"] == "Summary of Open meeting"
    feeds = {
        link["type"]: link["href"] for link in soup.select("link[rel=alternate][type]")
    }
    assert feeds == {
        "application/rss+xml": "/feeds/news.rss",
        "text/calendar": "/feeds/events.ics",
    }


def test_a_text_page_weighs_under_50_kb_gzipped_with_its_css(client, group_site):
    about = StandardPage.objects.child_of(group_site.root_page).get()
    about.body = content.paragraphs(*["Welcome to our city. " * 40] * 10)
    about.save_revision().publish()
    response = client.get("/about/", HTTP_HOST=HOST)
    soup = BeautifulSoup(response.content, "html.parser")
    assert not soup.select("script[src]")
    css = [
        (settings.BASE_DIR / "static" / link["href"].removeprefix("/static/"))
        for link in soup.select("link[rel=stylesheet]")
    ]
    total = len(gzip.compress(response.content)) + sum(
        len(gzip.compress(path.read_bytes())) for path in css
    )
    assert 0 < total < 50 * 1024
