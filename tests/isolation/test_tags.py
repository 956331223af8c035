"""Isolation of tags: taggit's tags are network-wide, suggestions and filters
offer site roles only their own sites' tags."""

from django.core.files.base import ContentFile

from wagtail.documents.models import Document

from cms.access.roles import site_collection
from cms.models import ResourceIndexPage, ResourcePage
from tests.factories import make_member
from tests.isolation.common import OWN, ROLES, SENTINEL, TAG, url


def test_tag_suggestions_come_from_own_sites_only(client, net, national_site):
    for site, word in ((net.a, OWN), (net.b, SENTINEL)):
        index = site.root_page.add_child(
            instance=ResourceIndexPage(title="Resources", slug="resources")
        )
        page = index.add_child(
            instance=ResourcePage(title="Toolkit", slug="toolkit", live=False)
        )
        page.tags.add(f"{TAG}-{word}")
        page.save()
    suggest = url("wagtailadmin_tag_autocomplete", query=f"term={TAG}")
    for role in ROLES:
        client.force_login(net.users[role])
        response = client.get(suggest)
        assert response.status_code == 200
        assert SENTINEL not in response.content.decode()
    client.force_login(net.users["editor"])
    assert client.get(suggest).json() == [f"{TAG}-{OWN}"]

    client.force_login(make_member(national_site, "moderator"))
    assert client.get(suggest).json() == [f"{TAG}-{OWN}", f"{TAG}-{SENTINEL}"]


def test_media_listings_offer_own_tags_only(client, net, national_site):
    own_document = Document.objects.create(
        title="Own leaflet",
        file=ContentFile(b"own", name="own.txt"),
        collection=site_collection(net.a),
    )
    own_document.tags.add(f"{TAG}-{OWN}")
    listings = [
        url("wagtailimages:index"),
        url("wagtaildocs:index"),
        url("wagtailimages_chooser:choose"),
    ]
    client.force_login(net.users["editor"])
    for address in listings:
        response = client.get(address, HTTP_X_REQUESTED_WITH="XMLHttpRequest")
        assert response.status_code == 200, address
        body = response.content.decode()
        assert f"{TAG}-{OWN}" in body, address
        assert SENTINEL not in body, address

    client.force_login(make_member(national_site, "moderator"))
    response = client.get(url("wagtailimages:index"))
    assert f"{TAG}-{SENTINEL}" in response.content.decode()
