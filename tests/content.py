"""Builders for pages of the shared library, published as an editor would."""

import json
from datetime import date, timedelta
from io import BytesIO
from xml.etree import ElementTree

from bs4 import BeautifulSoup
from PIL import Image as PILImage

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.utils import timezone
from django.utils.text import slugify

from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from cms.models import (
    CharterPage,
    EventIndexPage,
    EventPage,
    InspirationIndexPage,
    InspirationPage,
    NewsIndexPage,
    NewsPage,
    ResourceDocument,
    ResourceIndexPage,
    ResourcePage,
    StoryIndexPage,
    StoryPage,
)

CONSENT = {
    "consent_given_on": date(2025, 3, 1),
    "consent_method": "Signed form",
    "consent_recorded_by": "Coordinator",
    "consent_web": True,
}


def paragraphs(*texts):
    return json.dumps(
        [{"type": "paragraph", "value": f"<p>{text}</p>"} for text in texts]
    )


def publish(parent, page):
    page.slug = page.slug or slugify(page.title)
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def section(site, model):
    return model.objects.child_of(site.root_page).get()


def make_image(title="A picture", size=(800, 450), collection=None):
    buffer = BytesIO()
    PILImage.new("RGB", size, "#1d5c63").save(buffer, "JPEG")
    image = get_image_model()(
        title=title, file=ImageFile(buffer, name=f"{slugify(title)}.jpg")
    )
    if collection is not None:
        image.collection = collection
    image.save()
    return image


def make_document(title="Handbook", text="How to start a group"):
    document = get_document_model()(title=title)
    document.file.save(f"{slugify(title)}.txt", ContentFile(text.encode()), False)
    document.save()
    return document


def add_inspiration(site, title="A welcome meal", tags=(), **fields):
    page = InspirationPage(
        title=title, body=paragraphs(f"{title}: how we did it."), **fields
    )
    page.tags.add(*tags)
    return publish(section(site, InspirationIndexPage), page)


def add_news(site, title="News item", days_ago=0, tags=(), **fields):
    page = NewsPage(
        title=title,
        date=timezone.localdate() - timedelta(days=days_ago),
        summary=f"Summary of {title}",
        body=paragraphs(f"Body of {title}"),
        **fields,
    )
    page.tags.add(*tags)
    return publish(section(site, NewsIndexPage), page)


def add_event(site, title="Community meeting", days_ahead=7, **fields):
    start = timezone.now().replace(microsecond=0) + timedelta(days=days_ahead)
    fields.setdefault("venue", "Central Library")
    page = EventPage(title=title, start=start, end=start + timedelta(hours=2), **fields)
    return publish(section(site, EventIndexPage), page)


def add_story(site, title="My story", consent=True, **fields):
    page = StoryPage(
        title=title,
        storyteller=fields.pop("storyteller", "Amira Haddad"),
        body=paragraphs(f"The story of {title}"),
        **({**CONSENT, **fields} if consent else fields),
    )
    return publish(section(site, StoryIndexPage), page)


def resource_index(site):
    found = ResourceIndexPage.objects.child_of(site.root_page).first()
    return found or publish(site.root_page, ResourceIndexPage(title="Resources"))


def add_resource(site, title="Handbook", tags=(), document=None):
    page = ResourcePage(title=title, summary=f"About {title}")
    page.documents = [ResourceDocument(document=document or make_document(title))]
    page.tags.add(*tags)
    return publish(resource_index(site), page)


def charter_page(site):
    return section(site, CharterPage)


def parse_xml(data):
    """Parse XML this project produced itself (feeds, sitemaps)."""
    return ElementTree.fromstring(data)  # noqa: S314 (our own output)


def soup(response):
    return BeautifulSoup(response.content, "html.parser")
