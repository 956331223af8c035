"""import_wordpress: a subsite's export and uploads become the site's pages and media.

The export (tests/data/wordpress/sheffield.xml) is imported once for the
module into a new group site; each test reads what a person would see.
"""

from io import BytesIO
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup
from PIL import Image as PillowImage

from django.db import transaction

from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import ModelLogEntry

from cms.access.roles import site_collection
from cms.models import (
    InspirationPage,
    NewsPage,
    StandardPage,
    WordPressImport,
    WordPressItem,
)
from tests.factories import make_site
from tests.wordpress import import_wordpress


@pytest.fixture(scope="module")
def sheffield(django_db_setup, django_db_blocker):
    """Built once for the module, inside a transaction rolled back at the end."""
    with django_db_blocker.unblock(), transaction.atomic():
        leeds = make_site(name="Leeds", hostname="leeds.localhost")
        WordPressImport.objects.create(
            site=leeds,
            status=WordPressImport.Status.DONE,
            origin="https://leeds.cityofsanctuary.org",
        )
        make_site(name="Bristol", hostname="bristol.localhost")  # not imported
        site = make_site(name="Sheffield", hostname="sheffield.localhost")
        output = import_wordpress(site, "--map", "Stories=inspiration")
        yield SimpleNamespace(site=site, leeds=leeds, output=output)
        transaction.set_rollback(True)


def page_of(wordpress_id, site):
    return WordPressItem.objects.get(site=site, wordpress_id=wordpress_id).page.specific


def body_of(page, kind=None):
    blocks = page.get_latest_revision_as_object().body.raw_data
    return [b for b in blocks if kind is None or b["type"] == kind]


def report_lines(output, wordpress_id):
    return [line for line in output.splitlines() if f"#{wordpress_id}:" in line]


def test_published_posts_become_news_with_date_byline_summary_and_tags(sheffield, db):
    cafe = page_of(201, sheffield.site)
    assert isinstance(cafe, NewsPage)
    assert cafe.live
    assert cafe.get_parent().slug == "news"
    assert cafe.get_parent().get_parent().pk == sheffield.site.root_page_id
    assert cafe.title == "Welcome café opens"
    assert str(cafe.date) == "2019-03-15"
    assert cafe.first_published_at.date().isoformat() == "2019-03-15"
    assert cafe.byline == "Amina Yusuf"
    assert cafe.summary.startswith("A new welcome café opens every Friday")
    assert sorted(cafe.tags.names()) == ["News", "Welcome"]
    assert cafe.listing_image.description == "Volunteers serving tea at the café"


def test_post_content_becomes_our_blocks_with_nothing_raw(sheffield, db):
    cafe = page_of(201, sheffield.site)
    kinds = [block["type"] for block in body_of(cafe)]
    assert kinds == ["paragraph", "image", "heading", "paragraph", "quote", "video"] + [
        "paragraph"
    ]
    first = body_of(cafe, "paragraph")[0]["value"]
    assert "<b>welcome café</b>" in first
    assert "<i>Central Library</i>" in first
    about, history = page_of(301, sheffield.site), page_of(302, sheffield.site)
    assert f'<a id="{about.pk}" linktype="page">about us</a>' in first
    assert f'<a id="{history.pk}" linktype="page">our history</a>' in first
    [image] = body_of(cafe, "image")
    assert image["value"]["caption"] == "Tea after the language class"
    assert image["value"]["alt_text"] == "Volunteers serving tea at the café"
    assert image["value"]["image"] == cafe.listing_image_id
    assert body_of(cafe, "heading")[0]["value"] == {
        "text": "What happens at the café",
        "level": "h2",
    }
    assert (
        "<ul><li>Conversation in English</li>" in body_of(cafe, "paragraph")[1]["value"]
    )
    assert body_of(cafe, "quote")[0]["value"]["quote"].startswith("The first meal")
    [video] = body_of(cafe, "video")
    assert video["value"]["video"] == "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
    raw = str(body_of(cafe))
    for leftover in ("<script", "alert", "more", "[contact-form-7", "[caption", "<h2"):
        assert leftover not in raw


def test_gutenberg_blocks_links_files_and_network_sites(sheffield, db):
    week = page_of(202, sheffield.site)
    kinds = [block["type"] for block in body_of(week)]
    assert kinds == ["heading", "paragraph", "image", "video", "paragraph", "quote"]
    links = body_of(week, "paragraph")[0]["value"]
    cafe, history = page_of(201, sheffield.site), page_of(302, sheffield.site)
    assert f'<a id="{cafe.pk}" linktype="page">welcome café</a>' in links  # ?p=201
    assert f'<a id="{history.pk}" linktype="page">' in links  # ?page_id=302
    assert (
        '<a href="http://leeds.localhost/2020/05/01/leeds-welcomes/">Leeds</a>' in links
    )
    assert '<a href="http://bristol.localhost/events/">Bristol</a>' in links
    assert '<a href="https://hull.cityofsanctuary.org/">Hull</a>' in links
    image = body_of(week, "image")[0]["value"]
    assert image["caption"] == "Walking together"
    assert image["alt_text"] == "A line of walkers on a green hill"
    video = body_of(week, "video")[0]["value"]
    assert video["video"] == "https://vimeo.com/76979871"
    assert video["title"] == "Our film of the week"
    leaflet = Document.objects.get(title="Welcome leaflet")
    download = body_of(week, "paragraph")[1]["value"]
    assert f'<a id="{leaflet.pk}" linktype="document">' in download
    assert body_of(week, "quote")[0]["value"] == {
        "quote": "Sanctuary is a place of safety.",
        "attribution": "Our patron",
    }
    assert not any("google" in str(block) for block in body_of(week))
    assert sorted(week.tags.names()) == ["News", "Refugee Week"]
    assert week.listing_image.title == "Walk in the Peak District"


def test_a_mapped_category_becomes_its_page_type_with_embeds_and_gallery(sheffield, db):
    story = page_of(203, sheffield.site)
    assert isinstance(story, InspirationPage)
    assert story.live
    videos = [b["value"]["video"] for b in body_of(story, "video")]
    assert videos == [
        "https://youtu.be/aqz-KE-bpKQ",
        "https://www.youtube.com/watch?v=ScMzIvxBSi4",
    ]
    assert body_of(story, "video")[1]["value"]["title"] == "Samir's family"
    gallery = [b["value"] for b in body_of(story, "image")]
    titles = [Image.objects.get(pk=g["image"]).title for g in gallery]
    assert titles == ["Volunteers serving tea", "Banner", "Community garden"]
    assert gallery[2]["alt_text"] == "Raised beds of vegetables"
    assert "Donate" in body_of(story, "paragraph")[-1]["value"]


def test_pages_keep_their_hierarchy_and_take_over_the_empty_starter_page(sheffield, db):
    about, history, roles = (page_of(i, sheffield.site) for i in (301, 302, 304))
    assert isinstance(about, StandardPage)
    assert about.get_parent().pk == sheffield.site.root_page_id
    assert about.slug == "about"
    assert (
        StandardPage.objects.child_of(sheffield.site.root_page)
        .filter(title__startswith="About")
        .count()
        == 1
    )
    assert history.get_parent().pk == about.pk
    assert history.live
    assert roles.get_parent().pk == about.pk
    assert not roles.live
    kinds = [block["type"] for block in body_of(about)]
    assert kinds == ["paragraph", "heading", "paragraph", "image", "paragraph"]
    contact = body_of(about, "paragraph")[1]["value"]
    assert '<a href="mailto:hello@example.org">' in contact
    leaflet = Document.objects.get(title="Welcome leaflet")
    assert f'<a id="{leaflet.pk}" linktype="document">leaflet</a>' in contact
    assert body_of(about, "image")[0]["value"]["alt_text"] == "Our café"
    assert "<ol><li>First we listen.</li>" in body_of(about, "paragraph")[2]["value"]


def test_a_link_to_an_uploaded_picture_leads_to_a_rendition_not_the_original(
    sheffield, db
):
    contact = body_of(page_of(303, sheffield.site), "paragraph")[0]["value"]
    link = BeautifulSoup(contact, "html.parser").find("a", string="our walk")
    assert link["href"].startswith("/media/images/walk")
    assert ".max-1600x1600." in link["href"]


def test_drafts_and_private_posts_are_drafts_and_the_rest_is_skipped(sheffield, db):
    plans, minutes = page_of(204, sheffield.site), page_of(205, sheffield.site)
    assert not plans.live and not minutes.live
    assert plans.get_latest_revision_as_object().title == "Plans for the summer"
    assert "a picnic" in body_of(plans, "paragraph")[0]["value"]
    assert not WordPressItem.objects.filter(
        site=sheffield.site, wordpress_id__in=[206, 207, 208], page__isnull=False
    ).exists()
    out = sheffield.output
    assert report_lines(out, 206) == ["WordPress #206: in the trash, not imported"]
    assert report_lines(out, 207) == ["WordPress #207: a revision, not imported"]
    assert report_lines(out, 208) == ["WordPress #208: a menu item, not imported"]
    assert "WordPress #205: private: imported as a draft" in out
    assert "WordPress #204: a draft: imported as a draft" in out
    assert "WordPress #304: pending review: imported as a draft" in out


def test_the_report_counts_and_names_everything_dropped(sheffield, db):
    out = sheffield.output
    first = out.splitlines()[0]
    for count in (
        "news pages: 4",
        "standard pages: 4",
        "inspiration pages: 1",
        "images: 4",
        "documents: 1",
        "redirects: 16",
        "skipped: 4",
    ):
        assert count in first
    assert "WordPress #201: shortcode [contact-form-7] dropped" in out
    assert "WordPress #201: a script dropped" in out
    assert "WordPress #202: a form dropped" in out
    assert "WordPress #202: an iframe from www.google.com dropped" in out
    assert "WordPress #203: shortcode [su_button] dropped" in out
    assert "WordPress #202: a link to hull.cityofsanctuary.org" in out
    assert "WordPress #104: file 2020/06/missing.jpg missing from the uploads" in out
    assert "WordPress #204: listing image 104 not imported" in out
    assert "WordPress #301: took over the empty page /about/" in out


def test_attachments_are_the_sites_images_and_documents_without_exif(sheffield, db):
    collection = site_collection(sheffield.site)
    images = Image.objects.filter(collection=collection)
    assert sorted(images.values_list("title", flat=True)) == [
        "Banner",
        "Community garden",
        "Volunteers serving tea",
        "Walk in the Peak District",
    ]
    assert Document.objects.filter(collection=collection).count() == 1
    cafe = images.get(title="Volunteers serving tea")
    with cafe.open_file() as file:
        stored = PillowImage.open(BytesIO(file.read()))
        assert not stored.getexif()
        assert stored.size == (640, 427)


def test_the_import_is_in_the_sites_audit_trail(sheffield, db):
    entry = ModelLogEntry.objects.get(
        action="cms.wordpress_import", object_id=str(sheffield.site.pk)
    )
    assert entry.data["origin"] == "https://sheffield.cityofsanctuary.org"
    assert entry.data["counts"]["news pages"] == 4
    assert [206, "in the trash, not imported"] in entry.data["lines"]
    assert "Imported https://sheffield.cityofsanctuary.org" in entry.message
