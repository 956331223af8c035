"""Builds the demo content of cms.demo.content; idempotent by slug and title."""

import json
from datetime import date, timedelta
from io import BytesIO

from PIL import Image as PILImage

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.utils import timezone
from django.utils.text import slugify

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Site

from cms.access.roles import site_collection
from cms.demo import content
from cms.models import (
    CharterPage,
    CharterStatement,
    DeclarationPrinciple,
    EventIndexPage,
    EventPage,
    InspirationIndexPage,
    InspirationPage,
    NewsIndexPage,
    NewsPage,
    ResourceDocument,
    ResourceIndexPage,
    ResourcePage,
    StandardPage,
    StoryIndexPage,
    StoryPage,
)
from groups.models import SupportersPage, SupportingOrganisation
from streams.models import AwardedOrganisation, AwardScheme, AwardsPage


def seed_content():
    seed_charter()
    for hostname, data in content.SITES.items():
        site = Site.objects.filter(hostname=hostname).first()
        if site:
            SiteSeeder(site, data).run()


def seed_charter():
    locale = Locale.get_default()
    for order, (part, title, text) in enumerate(content.CHARTER):
        CharterStatement.objects.get_or_create(
            locale=locale,
            title=title,
            defaults={"part": part, "text": text, "sort_order": order},
        )
    for order, (title, text) in enumerate(content.DECLARATION):
        DeclarationPrinciple.objects.get_or_create(
            locale=locale, title=title, defaults={"text": text, "sort_order": order}
        )


def publish(parent, page):
    existing = parent.get_children().filter(slug=page.slug).first()
    if existing:
        return existing.specific
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def section(home, model, title, slug):
    found = model.objects.child_of(home).first()
    return found or publish(home, model(title=title, slug=slug, show_in_menus=True))


class SiteSeeder:
    def __init__(self, site, data):
        self.site, self.data = site, data
        self.home = site.root_page.specific
        self.collection = site_collection(site)

    def run(self):
        about = StandardPage.objects.child_of(self.home).filter(slug="about").first()
        if about and not about.body:
            about.body = json.dumps(self.data["about"])
            about.save_revision().publish()
        charter = CharterPage.objects.child_of(self.home).first()
        if charter and not charter.local_commitments:
            charter.local_commitments = json.dumps(self.data["commitments"])
            charter.save_revision().publish()
        self.inspirations()
        self.stories()
        self.news()
        self.events()
        self.resources()
        if "supporters" in self.data:
            self.supporters()
        if "awards" in self.data:
            self.awards()

    def image(self, title, colour):
        Image = get_image_model()
        found = Image.objects.filter(title=title, collection=self.collection).first()
        if found:
            return found
        buffer = BytesIO()
        PILImage.new("RGB", (1200, 675), colour).save(buffer, "JPEG")
        file = ImageFile(buffer, name=f"{slugify(title)}.jpg")
        image = Image(title=title, file=file, collection=self.collection)
        image.save()
        return image

    def inspirations(self):
        index = InspirationIndexPage.objects.child_of(self.home).first()
        for number, (title, summary, tags, text) in enumerate(
            self.data["inspirations"]
        ):
            picture = self.image(title, ("#1d5c63", "#8a3b12", "#3b4a8a")[number % 3])
            body = para_with_image(text, picture, title)
            page = InspirationPage(
                title=title,
                slug=slugify(title),
                summary=summary,
                body=body,
                listing_image=picture,
            )
            page.tags.add(*tags)
            publish(index, page)

    def stories(self):
        index = StoryIndexPage.objects.child_of(self.home).first()
        for title, name, place, network, text in self.data["stories"]:
            page = StoryPage(
                title=title,
                slug=slugify(title),
                storyteller=name,
                location=place,
                hide_location=not place,
                body=json.dumps(content.para(text)),
                summary=text[:120],
                consent_given_on=date(2025, 3, 1),
                consent_method="Signed consent form, read aloud in Arabic",
                consent_recorded_by="Volunteer coordinator",
                consent_web=True,
                consent_social=network,
                network_display=network,
            )
            publish(index, page)

    def news(self):
        index = NewsIndexPage.objects.child_of(self.home).first()
        for title, summary, tags, days_ago in self.data["news"]:
            page = NewsPage(
                title=title,
                slug=slugify(title),
                summary=summary,
                date=timezone.localdate() - timedelta(days=days_ago),
                body=json.dumps(content.para(summary)),
            )
            page.tags.add(*tags)
            publish(index, page)

    def events(self):
        index = EventIndexPage.objects.child_of(self.home).first()
        for title, summary, days_ahead, place in self.data["events"]:
            start = timezone.now().replace(
                hour=17, minute=30, second=0, microsecond=0
            ) + timedelta(days=days_ahead)
            page = EventPage(
                title=title,
                slug=slugify(title),
                summary=summary,
                start=start,
                end=start + timedelta(hours=2),
                accessibility="Step-free access. Ask us about interpreters.",
                body=json.dumps(content.para(summary)),
                **place,
            )
            publish(index, page)

    def resources(self):
        if not self.data["resources"]:
            return
        index = section(self.home, ResourceIndexPage, "Resources", "resources")
        Document = get_document_model()
        for title, summary, tags, filename in self.data["resources"]:
            if ResourcePage.objects.child_of(index).filter(title=title).exists():
                continue
            document = Document(title=title, collection=self.collection)
            document.file.save(filename, ContentFile(summary.encode()), save=False)
            document.save()
            page = ResourcePage(title=title, slug=slugify(title), summary=summary)
            page.documents = [ResourceDocument(document=document)]
            page.tags.add(*tags)
            publish(index, page)

    def supporters(self):
        section(self.home, SupportersPage, "Our supporters", "supporters")
        for name, place, status, listed in self.data["supporters"]:
            SupportingOrganisation.objects.get_or_create(
                site=self.site,
                name=name,
                defaults={
                    "place": place,
                    "status": status,
                    "listed": listed,
                    "contact_name": "Coordinator",
                    "contact_email": "hello@example.org",
                    "pledge": "We welcome people seeking sanctuary.",
                },
            )

    def awards(self):
        section(self.home, AwardsPage, "Sanctuary Awards", "awards")
        for name, description, awarded in self.data["awards"]:
            scheme, created = AwardScheme.objects.get_or_create(
                site=self.site, name=name, defaults={"description": description}
            )
            if created:
                AwardedOrganisation.objects.bulk_create(
                    AwardedOrganisation(
                        scheme=scheme,
                        name=org,
                        place=place,
                        awarded_on=date(year, 6, 1),
                        renew_by=date(renewal, 6, 1),
                    )
                    for org, place, year, renewal in awarded
                )


def para_with_image(text, image, alt):
    return json.dumps(
        [
            *content.para(text),
            {
                "type": "image",
                "value": {"image": image.pk, "alt_text": alt, "caption": ""},
            },
        ]
    )
