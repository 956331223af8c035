"""A group site with something of every kind a bundle carries."""

import json
from datetime import date

from django.utils import timezone

from wagtail.contrib.forms.models import FormSubmission
from wagtail.contrib.redirects.models import Redirect

from cms.access.roles import site_collection
from cms.models import FormPage, SiteIdentity, StandardPage
from groups.models import PledgeStatus, SupportersPage, SupportingOrganisation
from search.models import SitePromotion
from streams.models import AwardedOrganisation, AwardScheme
from tests.content import (
    add_event,
    add_news,
    add_resource,
    add_story,
    make_document,
    make_image,
    publish,
    section,
)
from tests.translating import publish_translation


def build_group(site, mark="Sheffield"):
    """Pages in two languages, media, settings, redirects, supporters, awards,
    stories of each consent, a form submission; `mark` is in every text."""
    collection = site_collection(site)
    picture = make_image(f"{mark} picture", collection=collection)
    portrait = make_image(f"{mark} hidden face", collection=collection)
    leaflet = make_document(f"{mark} leaflet", text=f"{mark} leaflet text")
    leaflet.collection = collection
    leaflet.save()
    news = add_news(site, f"{mark} news", tags=[f"{mark.lower()}-tag"])
    body = [
        {"type": "heading", "value": {"text": f"{mark} welcome", "level": "h2"}},
        {
            "type": "paragraph",
            "value": (
                f'<p>{mark} read <a linktype="page" id="{news.pk}">our news</a> '
                f'and <a linktype="document" id="{leaflet.pk}">the leaflet</a>.</p>'
            ),
        },
        {
            "type": "image",
            "value": {"image": picture.pk, "alt_text": f"{mark} alt", "caption": ""},
        },
        {
            "type": "call_to_action",
            "value": {
                "title": f"{mark} news",
                "text": "",
                "page": news.pk,
                "url": "",
                "button": "Read",
            },
        },
        {"type": "documents", "value": {"title": "", "documents": [leaflet.pk]}},
        {"type": "charter_values", "value": {"show": "value"}},
    ]
    about = StandardPage.objects.child_of(site.root_page).get(slug="about")
    about.body = json.dumps(body)
    about.listing_image = picture
    about.save_revision().publish()
    publish_translation(about, "ar", {"About us": f"{mark} عنا"})
    about.refresh_from_db()
    about.title = f"{mark} about, draft"
    about.save_revision()
    add_event(site, f"{mark} meeting")
    add_resource(site, f"{mark} handbook", tags=["toolkit"])
    add_story(site, f"{mark} shared story", network_display=True)
    add_story(
        site,
        f"{mark} local story",
        storyteller=f"{mark} Amira Private-Surname",
        location=f"{mark} private street",
        portrait=portrait,
        photo_permission=True,
        hide_face=True,
    )
    withdrawn = add_story(site, f"{mark} withdrawn story")
    withdrawn.consent_withdrawn_on = date(2025, 6, 1)
    withdrawn.save_revision()
    form = section(site, FormPage)
    FormSubmission.objects.create(
        page=form, form_data={"your_name": f"{mark} submitter"}
    )
    publish(site.root_page, SupportersPage(title=f"{mark} supporters"))
    SupportingOrganisation.objects.create(
        site=site,
        name=f"{mark} bakery",
        contact_name=f"{mark} contact person",
        contact_email="baker@example.org",
        status=PledgeStatus.APPROVED,
    )
    scheme = AwardScheme.objects.create(site=site, name=f"{mark} local award")
    AwardedOrganisation.objects.create(
        scheme=scheme, name=f"{mark} school", place=mark, awarded_on=date(2024, 5, 1)
    )
    Redirect.objects.create(site=site, old_path="/old-about", redirect_page=about)
    SitePromotion.objects.create(site=site, query_string="welcome", page=about)
    identity = SiteIdentity.for_site(site)
    identity.accent_colour = "#aa3300"
    identity.logo = picture
    identity.contact_email = "hello@example.org"
    identity.save()
    return {
        "about": about,
        "news": news,
        "picture": picture,
        "leaflet": leaflet,
        "at": timezone.now(),
    }
