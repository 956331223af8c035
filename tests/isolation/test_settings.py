"""Isolation of per-site settings: a moderator edits only their own site's,
with only their own site's media."""

from wagtail.images.models import Image

from cms.access.roles import site_collection
from cms.models import SiteIdentity
from tests.isolation.common import refused, url

REFUSED = [
    lambda net: url("wagtailsettings:edit", "cms", "siteidentity", net.b.pk),
]

LISTINGS = [
    lambda net: url("wagtailsettings:edit", "cms", "siteidentity"),
]

POSTS = [
    (
        lambda net: url("wagtailsettings:edit", "cms", "siteidentity", net.b.pk),
        {"display_name": "Changed", "accent_colour": "#000000"},
    ),
]


def test_site_a_moderator_edits_only_site_as_settings(client, net):
    client.force_login(net.users["moderator"])
    own = url("wagtailsettings:edit", "cms", "siteidentity", net.a.pk)
    identity = SiteIdentity.for_site(net.a)
    data = {
        "display_name": "Sheffield City of Sanctuary",
        "accent_colour": "#aa3300",
        "contact_email": "hello@example.org",
    }
    response = client.post(own, data)
    assert response.status_code == 302
    identity.refresh_from_db()
    assert identity.display_name == "Sheffield City of Sanctuary"

    other = url("wagtailsettings:edit", "cms", "siteidentity", net.b.pk)
    response = client.post(other, data)
    assert refused(response, other)
    assert SiteIdentity.for_site(net.b).display_name == "Bristol"


def identity_form(display_name, logo):
    return {
        "display_name": display_name,
        "accent_colour": "#aa3300",
        "contact_email": "hello@example.org",
        "logo": str(logo.pk),
    }


def test_crafted_post_cannot_put_site_bs_image_on_site_as_settings(client, net):
    client.force_login(net.users["moderator"])
    own = url("wagtailsettings:edit", "cms", "siteidentity", net.a.pk)
    data = identity_form("Sheffield", net.b_image)
    response = client.post(own, data)
    assert response.status_code == 200
    assert b"from your own site" in response.content
    assert SiteIdentity.for_site(net.a).logo_id is None

    data["logo"] = str(Image.objects.get(collection=site_collection(net.a)).pk)
    assert client.post(own, data).status_code == 302
    assert SiteIdentity.for_site(net.a).logo_id == int(data["logo"])


def test_media_the_national_team_placed_stays_when_a_moderator_saves(client, net):
    identity = SiteIdentity.for_site(net.a)
    identity.logo = net.b_image
    identity.save()
    client.force_login(net.users["moderator"])
    own = url("wagtailsettings:edit", "cms", "siteidentity", net.a.pk)
    data = identity_form("Sheffield renamed", net.b_image)
    assert client.post(own, data).status_code == 302
    identity.refresh_from_db()
    assert identity.display_name == "Sheffield renamed"
    assert identity.logo == net.b_image
