"""export_site and import_site: a site leaves whole and arrives as a new site."""

import hashlib
import json
import zipfile

import pytest

from django.apps import apps
from django.core.management import call_command
from django.core.management.base import CommandError

from wagtail.contrib.forms.models import FormSubmission
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Site, WorkflowPage
from wagtail_localize.models import StringTranslation

from cms.access.roles import site_collection
from cms.access.sites import site_pages
from cms.models import NewsPage, SiteIdentity, StoryIndexPage, StoryPage
from cms.transfer.bundle.records import LEFT_BEHIND, RECORDS
from groups.models import SupportingOrganisation
from search.models import SitePromotion
from streams.models import AwardScheme
from tests.bundle_content import build_group
from tests.content import make_image, soup

NEW_HOST = "sheffield-copy.localhost"


@pytest.fixture
def bundle(group_site, tmp_path, network_admin):
    build_group(group_site)
    path = tmp_path / "sheffield.zip"
    call_command(
        "export_site",
        hostname=group_site.hostname,
        output=str(path),
        include_personal_data=True,
        user=network_admin.username,
    )
    return path


def read(field_file):
    with field_file.open("rb") as opened:
        return opened.read()


def main_text(response):
    main = soup(response).find("main")
    return " ".join(main.get_text(" ").split())


def test_every_public_page_answers_on_the_new_host_with_the_same_text(
    group_site, bundle, client
):
    call_command("import_site", str(bundle), hostname=NEW_HOST, name="Sheffield copy")
    public = [
        page
        for page in Page.objects.live().public().filter(depth__gte=2).specific()
        if page.get_site() == group_site
    ]
    paths = [page.get_url_parts()[2] for page in public]
    assert "/ar/about/" in paths and "/stories/sheffield-local-story/" in paths
    for path in paths:
        before = client.get(path, HTTP_HOST=group_site.hostname)
        after = client.get(path, HTTP_HOST=NEW_HOST)
        assert after.status_code == 200, path
        assert main_text(after) == main_text(before), path
    assert "Sheffield عنا" in main_text(client.get("/ar/about/", HTTP_HOST=NEW_HOST))


def test_an_imported_site_has_its_media_links_redirects_and_records(
    group_site, bundle, client
):
    call_command("import_site", str(bundle), hostname=NEW_HOST, name="Sheffield copy")
    site = Site.objects.get(hostname=NEW_HOST)
    pages = site_pages(site)
    about = pages.get(slug="about", locale__language_code="en").specific
    news = pages.type(NewsPage).get()
    body = about.body.raw_data
    assert f'linktype="page" id="{news.pk}"' in body[1]["value"]
    assert body[3]["value"]["page"] == news.pk
    assert about.listing_image.collection == site_collection(site)
    assert about.listing_image.get_rendition("fill-100x100").width == 100
    assert about.get_latest_revision().as_object().title == "Sheffield about, draft"
    assert about.title == "About us"

    own = site_collection(site)
    response = client.get("/about/", HTTP_HOST=NEW_HOST)
    link = soup(response).find("a", string=lambda s: s and "leaflet" in s.lower())
    # Test storage keeps files in memory, which Wagtail's document view cannot
    # send: the link names the new document, whose file is the original's.
    number, filename = link["href"].split("/")[2:4]
    document = get_document_model().objects.get(pk=number, collection__in=[own])
    assert document.filename == filename
    assert read(document.file) == b"Sheffield leaflet text"
    picture = about.listing_image
    original = get_image_model().objects.get(title=picture.title, pk__lt=picture.pk)
    assert read(picture.file) == read(original.file)

    moved = client.get("/old-about", HTTP_HOST=NEW_HOST)
    assert moved.status_code == 301 and moved["Location"].endswith("/about/")

    identity = SiteIdentity.for_site(site)
    assert identity.accent_colour == "#aa3300" and identity.logo == picture
    assert [c.language_code for c in identity.languages.all()] == ["ar"]
    assert SupportingOrganisation.objects.get(site=site).contact_email
    assert AwardScheme.objects.get(site=site).awards.get().name == "Sheffield school"
    assert SitePromotion.objects.get(site=site).page_id == about.pk
    assert FormSubmission.objects.filter(page__in=pages).count() == 1
    arabic = StringTranslation.objects.get(
        context__object_id=about.translation_key, locale__language_code="ar"
    )
    assert arabic.data == "Sheffield عنا"
    assert site.roles.filter(role="translator", locale__language_code="ar").exists()
    assert WorkflowPage.objects.filter(page__in=pages.type(StoryIndexPage)).exists()


def members(path):
    with zipfile.ZipFile(path) as bundle:
        return {name: bundle.read(name) for name in bundle.namelist()}


def export(site, path, **options):
    call_command("export_site", hostname=site.hostname, output=str(path), **options)
    return members(path)


def test_no_member_of_a_bundle_holds_anything_of_another_site(
    group_site, other_group_site, tmp_path, network_admin
):
    build_group(group_site)
    build_group(other_group_site, mark="Zebulon")
    bundle = export(
        group_site,
        tmp_path / "sheffield.zip",
        include_personal_data=True,
        user=network_admin.username,
    )
    assert any(b"Sheffield" in data for data in bundle.values())
    for name, data in bundle.items():
        assert b"Zebulon" not in data, name
        assert "Zebulon".encode("utf-16-le") not in data, name


PERSONAL = {
    "storyteller's surname": "Private-Surname",
    "storyteller's hidden location": "private street",
    "consent record": "Signed form",
    "supporter's contact": "contact person",
    "supporter's email": "baker@example.org",
    "form submission": "submitter",
}


def test_personal_data_leaves_only_when_asked(group_site, tmp_path, network_admin):
    build_group(group_site)
    plain = export(group_site, tmp_path / "plain.zip")
    full = export(
        group_site,
        tmp_path / "full.zip",
        include_personal_data=True,
        user=network_admin.username,
    )
    for what, text in PERSONAL.items():
        assert not any(text.encode() in data for data in plain.values()), what
        assert any(text.encode() in data for data in full.values()), what
    assert "audit.json" not in plain and "members.json" not in plain
    assert b"hidden face" not in plain["images.json"]
    assert b"Sheffield shared story" in plain["pages.json"]
    assert b"withdrawn story" not in plain["pages.json"] + full["pages.json"]

    call_command(
        "import_site", str(tmp_path / "plain.zip"), hostname=NEW_HOST, name="Copy"
    )
    arrived = StoryPage.objects.filter(
        pk__in=site_pages(Site.objects.get(hostname=NEW_HOST))
    )
    assert arrived.count() == 2 and not arrived.filter(live=True).exists()


def rewrite_zip(source, target, change):
    """Copy a bundle, letting `change(name, data)` alter or drop (None) members."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for name in old.namelist():
            data = change(name, old.read(name))
            if data is not None:
                new.writestr(name, data)
    return target


def newer_version(name, data):
    if name != "manifest.json":
        return data
    return data.replace(b'"format_version": 1', b'"format_version": 99')


BAD_BUNDLES = {
    "corrupt zip": (
        lambda src, dst: dst.write_bytes(src.read_bytes()[:200]) and dst,
        "is not a readable zip file",
    ),
    "missing member": (
        lambda src, dst: rewrite_zip(
            src, dst, lambda n, d: None if n == "pages.json" else d
        ),
        "The bundle is missing pages.json.",
    ),
    "checksum mismatch": (
        lambda src, dst: rewrite_zip(
            src, dst, lambda n, d: d.replace(b"About us", b"About them")
        ),
        "pages.json does not match its checksum",
    ),
    "newer format version": (
        lambda src, dst: rewrite_zip(src, dst, newer_version),
        "format version 99",
    ),
}


@pytest.fixture
def small_bundle(group_site, tmp_path):
    path = tmp_path / "small.zip"
    export(group_site, path)
    return path


def nothing_made():
    return {
        "sites": Site.objects.filter(hostname=NEW_HOST).count(),
        "pages": Page.objects.count(),
        "images": get_image_model().objects.count(),
        "documents": get_document_model().objects.count(),
    }


@pytest.mark.parametrize("case", BAD_BUNDLES)
def test_a_bad_bundle_is_refused_in_one_line_and_nothing_is_made(
    case, small_bundle, tmp_path
):
    damage, message = BAD_BUNDLES[case]
    bad = damage(small_bundle, tmp_path / "bad.zip")
    before = nothing_made()
    with pytest.raises(CommandError, match=message) as refused:
        call_command("import_site", str(bad), hostname=NEW_HOST, name="Copy")
    assert "\n" not in str(refused.value)
    assert nothing_made() == before


def test_a_used_hostname_is_refused_and_no_file_stays_stored(group_site, tmp_path):
    image = make_image("Kept", collection=site_collection(group_site))
    path = tmp_path / "with-image.zip"
    export(group_site, path)
    storage = image.file.storage
    stored = set(storage.listdir("original_images")[1])
    before = nothing_made()
    with pytest.raises(CommandError, match="hostname sheffield.localhost is already"):
        call_command(
            "import_site", str(path), hostname=group_site.hostname, name="Copy"
        )
    assert nothing_made() == before
    assert set(storage.listdir("original_images")[1]) == stored


def test_a_failure_after_media_are_stored_removes_them(group_site, tmp_path):
    make_image("Kept", collection=site_collection(group_site))
    good = tmp_path / "good.zip"
    export(group_site, good)

    def unknown_type(name, data):
        return data.replace(b'"cms.standardpage"', b'"cms.nosuchpage"')

    bad = rewrite_zip(good, tmp_path / "bad.zip", unknown_type)
    with zipfile.ZipFile(bad) as zip_file:
        manifest = json.loads(zip_file.read("manifest.json"))
    # a bundle whose checksums were rewritten to match: well formed, wrong inside
    data = members(bad)
    manifest["files"] = {
        name: hashlib.sha256(data[name]).hexdigest() for name in manifest["files"]
    }
    data["manifest.json"] = json.dumps(manifest).encode()
    with zipfile.ZipFile(bad, "w") as zip_file:
        for name, content in data.items():
            zip_file.writestr(name, content)
    storage = get_image_model()().file.storage
    stored = set(storage.listdir("original_images")[1])
    before = nothing_made()
    with pytest.raises(CommandError, match="Unknown page type cms.nosuchpage"):
        call_command("import_site", str(bad), hostname=NEW_HOST, name="Copy")
    assert nothing_made() == before
    assert set(storage.listdir("original_images")[1]) == stored


def test_every_model_pointing_at_a_site_leaves_with_it_or_stays_on_purpose():
    owned = {
        model._meta.label_lower
        for model in apps.get_models()
        for field in model._meta.get_fields()
        if field.concrete
        and field.is_relation
        and field.related_model is Site
        and not issubclass(model, BaseSiteSetting)
    }
    sited = {r.label.lower() for r in RECORDS if r.owner == "site"}
    assert owned - sited == set(LEFT_BEHIND)
