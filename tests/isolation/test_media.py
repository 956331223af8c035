"""Isolation of images and documents: their views, choosers and API, and every
admin form that could place another site's media on one's own pages."""

import pytest

from django.core.files.base import ContentFile

from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

from cms.access.roles import site_collection
from cms.models import ResourceIndexPage, ResourcePage, StandardPage
from tests.isolation.common import SEARCH, url

REFUSED = [
    lambda net: url("wagtailimages:edit", net.b_image.pk),
    lambda net: url("wagtailimages:delete", net.b_image.pk),
    lambda net: url("wagtailimages:url_generator", net.b_image.pk),
    lambda net: url("wagtailimages:image_usage", net.b_image.pk),
    lambda net: url("wagtailimages_chooser:chosen", net.b_image.pk),
    lambda net: url("wagtailimages_chooser:select_format", net.b_image.pk),
    lambda net: url("wagtailadmin_api:images:detail", net.b_image.pk),
    lambda net: url("wagtaildocs:edit", net.b_document.pk),
    lambda net: url("wagtaildocs:delete", net.b_document.pk),
    lambda net: url("wagtaildocs:document_usage", net.b_document.pk),
    lambda net: url("wagtaildocs_chooser:chosen", net.b_document.pk),
    lambda net: url("wagtailadmin_api:documents:detail", net.b_document.pk),
]

LISTINGS = [
    lambda net: url("wagtailadmin_api:images:listing"),
    lambda net: url("wagtailadmin_api:documents:listing"),
    lambda net: url("wagtailimages:index"),
    lambda net: url("wagtailimages:index", query=SEARCH),
    lambda net: url("wagtailimages:index_results"),
    lambda net: url("wagtaildocs:index_results"),
    lambda net: url("wagtailimages_chooser:choose"),
    lambda net: url("wagtailimages_chooser:choose_results", query=SEARCH),
    lambda net: url("wagtaildocs:index"),
    lambda net: url("wagtaildocs:index", query=SEARCH),
    lambda net: url("wagtaildocs_chooser:choose"),
    lambda net: url("wagtaildocs_chooser:choose_results", query=SEARCH),
]

POSTS = [
    (lambda net: url("wagtailimages:edit", net.b_image.pk), {"title": "Changed"}),
    (lambda net: url("wagtailimages:delete", net.b_image.pk), {}),
    (lambda net: url("wagtaildocs:edit", net.b_document.pk), {"title": "Changed"}),
    (lambda net: url("wagtaildocs:delete", net.b_document.pk), {}),
]


def page_form(title, body=(), **extra):
    data = {
        "title": title,
        "slug": "own",
        "summary": "",
        "body": streamfield(list(body)),
        "comments": inline_formset([]),
        **extra,
    }
    return nested_form_data(data)


def image_block(image):
    return ("image", {"image": image.pk, "alt_text": "A photo", "caption": ""})


def document_link(document):
    html = f'<p>See <a linktype="document" id="{document.pk}">the leaflet</a></p>'
    return ("paragraph", rich_text(html, features=["document-link"]))


def documents_block(document):
    items = {"0": {"value": document.pk, "deleted": "", "order": "0", "id": ""}}
    return ("documents", {"title": "", "documents": {"count": "1", **items}})


@pytest.mark.parametrize("role", ["editor", "moderator"])
def test_crafted_post_cannot_put_site_bs_media_on_site_as_page(client, net, role):
    client.force_login(net.users[role])
    page = StandardPage.objects.get(slug="own", path__startswith=net.a.root_page.path)
    edit = url("wagtailadmin_pages:edit", page.pk)
    crafted = [
        page_form("Crafted", listing_image=str(net.b_image.pk)),
        page_form("Crafted", body=[image_block(net.b_image)]),
        page_form("Crafted", body=[documents_block(net.b_document)]),
        page_form("Crafted", body=[document_link(net.b_document)]),
    ]
    for data in crafted:
        response = client.post(edit, data)
        assert response.status_code == 200
        assert b"from your own site" in response.content
        page.refresh_from_db()
        assert page.get_latest_revision_as_object().title != "Crafted"

    own_image = Image.objects.get(collection=site_collection(net.a))
    data = page_form("Own photo", body=[image_block(own_image)])
    data["listing_image"] = str(own_image.pk)
    assert client.post(edit, data).status_code == 302
    page.refresh_from_db()
    saved = page.get_latest_revision_as_object()
    assert saved.title == "Own photo"
    assert saved.listing_image == own_image


def test_crafted_post_cannot_attach_site_bs_document_to_a_resource(client, net):
    index = net.a.root_page.add_child(
        instance=ResourceIndexPage(title="Resources", slug="resources")
    )
    add = url("wagtailadmin_pages:add", "cms", "resourcepage", index.pk)
    own_document = Document.objects.create(
        title="Own leaflet",
        file=ContentFile(b"own", name="own.txt"),
        collection=site_collection(net.a),
    )

    def resource(document):
        return nested_form_data(
            {
                "title": "Toolkit",
                "slug": "toolkit",
                "summary": "",
                "body": streamfield([]),
                "documents": inline_formset([{"document": document.pk}], min=1),
                "tags": "",
                "comments": inline_formset([]),
            }
        )

    client.force_login(net.users["editor"])
    response = client.post(add, resource(net.b_document))
    assert response.status_code == 200
    assert b"from your own site" in response.content
    assert not ResourcePage.objects.filter(slug="toolkit").exists()

    assert client.post(add, resource(own_document)).status_code == 302
    page = ResourcePage.objects.get(slug="toolkit")
    assert [d.document for d in page.documents.all()] == [own_document]
