"""T8 and T5: uploads through the real admin views, and how documents are served."""

from io import BytesIO

import pytest
from PIL import Image

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import CollectionViewRestriction

from cms.access.roles import site_collection

GPS_IFD = 0x8825
ORIENTATION = 0x0112
SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
HTML = b"<html><body><script>alert(document.cookie)</script></body></html>"


def photo(fmt="JPEG", size=(40, 20), orientation=1):
    """A picture as phones take them: GPS position, camera, orientation, XMP."""
    exif = Image.Exif()
    exif[ORIENTATION] = orientation
    exif[0x010F] = "PhoneMaker"
    exif[GPS_IFD] = {1: "N", 2: (53.0, 22.0, 51.0), 3: "W", 4: (1.0, 28.0, 11.0)}
    output = BytesIO()
    extra = {"comment": b"taken at the hostel"} if fmt == "JPEG" else {}
    Image.new("RGB", size, "teal").save(
        output, fmt, exif=exif, xmp=b"<x:xmpmeta>home</x:xmpmeta>", **extra
    )
    return output.getvalue()


def stored(image):
    with image.file.open("rb") as file:
        return file.read()


@pytest.fixture
def editor_client(client, site_editor):
    client.force_login(site_editor)
    return client


@pytest.fixture
def collection(group_site):
    return site_collection(group_site)


def add_image(client, collection, name, content):
    return client.post(
        reverse("wagtailimages:add"),
        {
            "title": name,
            "file": SimpleUploadedFile(name, content),
            "collection": collection.pk,
        },
    )


def add_document(client, collection, name, content):
    return client.post(
        reverse("wagtaildocs:add"),
        {
            "title": name,
            "file": SimpleUploadedFile(name, content),
            "collection": collection.pk,
        },
    )


@pytest.mark.parametrize("fmt,name", [("JPEG", "camp.jpg"), ("PNG", "camp.png")])
def test_gps_and_camera_metadata_are_stripped_from_uploaded_photos(
    editor_client, collection, fmt, name
):
    response = add_image(editor_client, collection, name, photo(fmt))
    assert response.status_code == 302
    image = get_image_model().objects.get(title=name)
    with Image.open(BytesIO(stored(image))) as kept:
        assert dict(kept.getexif()) == {}
        assert {"exif", "xmp", "comment"}.isdisjoint(kept.info)
        assert kept.size == (40, 20)
    assert image.file_size == len(stored(image))
    assert image.collection == collection


def test_webp_metadata_is_stripped_too(editor_client, collection):
    add_image(editor_client, collection, "walk.webp", photo("WEBP"))
    image = get_image_model().objects.get(title="walk.webp")
    with Image.open(BytesIO(stored(image))) as kept:
        assert {"exif", "xmp"}.isdisjoint(kept.info)


def test_rotated_photo_keeps_its_upright_shape_without_exif(editor_client, collection):
    add_image(editor_client, collection, "upright.jpg", photo(orientation=6))
    image = get_image_model().objects.get(title="upright.jpg")
    with Image.open(BytesIO(stored(image))) as kept:
        assert kept.size == (20, 40)
        assert dict(kept.getexif()) == {}
    assert (image.width, image.height) == (20, 40)


def test_multiple_upload_strips_gps(editor_client, collection):
    response = editor_client.post(
        reverse("wagtailimages:add_multiple"),
        {
            "files[]": SimpleUploadedFile("many.jpg", photo()),
            "collection": collection.pk,
        },
    )
    assert response.json()["success"] is True
    image = get_image_model().objects.get(pk=response.json()["image_id"])
    with Image.open(BytesIO(stored(image))) as kept:
        assert GPS_IFD not in kept.getexif()
        assert "exif" not in kept.info


def test_upload_finished_in_a_second_step_strips_gps(editor_client, collection):
    first = editor_client.post(
        reverse("wagtailimages:add_multiple"),
        {
            "files[]": SimpleUploadedFile("later.jpg", photo()),
            "collection": collection.pk,
            "title": "",  # a missing title sends the upload through a second step
        },
    ).json()
    upload_id = first["uploaded_file_id"]
    prefix = f"uploaded-image-{upload_id}"
    second = editor_client.post(
        reverse("wagtailimages:create_multiple_from_uploaded_image", args=[upload_id]),
        {f"{prefix}-title": "later", f"{prefix}-collection": collection.pk},
    )
    assert second.json()["success"] is True
    image = get_image_model().objects.get(title="later")
    assert image.collection == collection
    with Image.open(BytesIO(stored(image))) as kept:
        assert "exif" not in kept.info
    assert image.file_size == len(stored(image))


@pytest.mark.parametrize("name", ["drawing.svg", "drawing.svg.png", "page.html"])
def test_svg_and_html_are_refused_as_images(editor_client, collection, name):
    content = HTML if name.endswith("html") else SVG
    response = add_image(editor_client, collection, name, content)
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert not get_image_model().objects.exists()


@pytest.mark.parametrize(
    "name,content", [("flyer.svg", SVG), ("flyer.html", HTML), ("flyer.htm", HTML)]
)
def test_svg_and_html_are_refused_as_documents(
    editor_client, collection, name, content
):
    response = add_document(editor_client, collection, name, content)
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert not get_document_model().objects.exists()


def test_oversized_document_is_refused(editor_client, collection):
    too_big = b"x" * (settings.WAGTAILDOCS_MAX_UPLOAD_SIZE + 1)
    response = add_document(editor_client, collection, "minutes.txt", too_big)
    assert "too big" in str(response.context["form"].errors["file"])
    assert not get_document_model().objects.exists()


def test_oversized_image_is_refused(editor_client, collection):
    limit = settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE
    oversized = photo("PNG") + b"\0" * limit  # a valid PNG with trailing padding
    response = add_image(editor_client, collection, "poster.png", oversized)
    assert "too big" in str(response.context["form"].errors["file"])
    assert not get_image_model().objects.exists()


def test_image_with_too_many_pixels_is_refused(editor_client, collection):
    output = BytesIO()
    Image.new("1", (8000, 5001)).save(output, "PNG")
    response = add_image(editor_client, collection, "poster.png", output.getvalue())
    assert "too many pixels" in str(response.context["form"].errors["file"])
    assert not get_image_model().objects.exists()


def test_upload_limits_and_allow_lists():
    assert settings.WAGTAILIMAGES_EXTENSIONS == ["gif", "jpg", "jpeg", "png", "webp"]
    assert set(settings.WAGTAILDOCS_EXTENSIONS).isdisjoint({"svg", "html", "htm", "js"})
    assert settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE == 10 * 1024 * 1024
    assert settings.WAGTAILDOCS_MAX_UPLOAD_SIZE == 10 * 1024 * 1024
    assert settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS == 40_000_000


@pytest.fixture
def uploaded(editor_client, collection, settings, tmp_path):
    """Upload a document as the site editor, stored on disk as in production."""
    settings.MEDIA_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }

    def upload(name, content):
        add_document(editor_client, collection, name, content)
        editor_client.logout()
        return get_document_model().objects.get(title=name)

    return upload


def test_documents_are_served_as_attachments_that_cannot_be_sniffed(client, uploaded):
    document = uploaded("minutes.txt", b"<script>alert(1)</script>")
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'"


def test_pdf_opens_in_the_browser_under_a_locked_down_policy(client, uploaded):
    document = uploaded("leaflet.pdf", b"%PDF-1.4\n%%EOF\n")
    response = client.get(document.url)
    assert response["Content-Disposition"].startswith("inline")
    assert response["Content-Security-Policy"] == "default-src 'none'"


def test_private_collection_document_needs_a_login(client, uploaded, collection):
    document = uploaded("rota.txt", b"names and phone numbers")
    CollectionViewRestriction.objects.create(
        collection=collection,
        restriction_type=CollectionViewRestriction.LOGIN,
    )
    response = client.get(document.url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailcore_login"))
    assert b"phone numbers" not in response.getvalue()


def test_original_files_have_no_public_url(client, group_site, uploaded):
    document = uploaded("plan.txt", b"private plan")
    assert (settings.MEDIA_ROOT / document.file.name).read_bytes() == b"private plan"
    response = client.get(document.file.url, HTTP_HOST="sheffield.localhost")
    assert response.status_code == 404
    assert b"private plan" not in response.content
