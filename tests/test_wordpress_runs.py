"""import_wordpress runs again without duplicates, dry runs change nothing, and bad
input stops with one line and leaves nothing behind."""

import pytest

from django.core.files.storage import default_storage
from django.core.management.base import CommandError

from wagtail.contrib.redirects.models import Redirect
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import ModelLogEntry, Page

from cms.models import NewsPage, StoryPage, WordPressImport, WordPressItem
from cms.transfer.wordpress import content, redirects
from tests.wordpress import EXPORT, copy_uploads, import_wordpress, zip_uploads


def stored_files():
    names = set()
    for folder in ("original_images", "documents"):
        if default_storage.exists(folder):
            names |= {f"{folder}/{n}" for n in default_storage.listdir(folder)[1]}
    return names


def snapshot(site):
    pages = Page.objects.descendant_of(site.root_page)
    return {
        "pages": pages.count(),
        "titles": sorted(pages.values_list("title", flat=True)),
        "images": Image.objects.count(),
        "documents": Document.objects.count(),
        "redirects": Redirect.objects.filter(site=site).count(),
        "records": WordPressItem.objects.filter(site=site).count(),
        "trail": ModelLogEntry.objects.filter(action="cms.wordpress_import").count(),
        "runs": WordPressImport.objects.count(),
        "files": stored_files(),
    }


def edited_export(tmp_path, *replacements):
    text = EXPORT.read_text()
    for old, new in replacements:
        assert old in text
        text = text.replace(old, new)
    path = tmp_path / "edited.xml"
    path.write_text(text)
    return path


def test_running_again_changes_nothing_and_duplicates_nothing(group_site):
    import_wordpress(group_site)
    before = snapshot(group_site)
    cafe = WordPressItem.objects.get(site=group_site, wordpress_id=201).page
    revisions = cafe.revisions.count()
    output = import_wordpress(group_site)
    after = snapshot(group_site)
    assert after.pop("trail") == before.pop("trail") + 1
    assert after.pop("runs") == before.pop("runs") + 1
    assert after == before
    assert "pages unchanged: 9" in output
    assert "media unchanged: 5" in output
    assert cafe.revisions.count() == revisions


def test_running_an_updated_export_updates_the_same_pages_and_media(
    group_site, tmp_path
):
    import_wordpress(group_site)
    before = snapshot(group_site)
    export = edited_export(
        tmp_path,
        ("<title><![CDATA[Refugee Week 2020]]>", "<title><![CDATA[Refugee Week!]]>"),
        ("Volunteers serving tea at the café", "Tea at the café"),
    )
    output = import_wordpress(group_site, export=export)
    after = snapshot(group_site)
    assert after["pages"] == before["pages"]
    assert after["images"] == before["images"]
    assert after["redirects"] == before["redirects"]
    # the renamed post, and the two showing the image without alt text of their own
    assert "pages updated: 3" in output
    week = WordPressItem.objects.get(site=group_site, wordpress_id=202).page
    assert week.specific.title == "Refugee Week!"
    assert Image.objects.filter(description="Tea at the café").count() == 1


def test_uploads_in_a_zip_as_under_uploads_sites_n(group_site, tmp_path):
    archive = zip_uploads(tmp_path / "uploads.zip", "wp-content/uploads/sites/12/")
    output = import_wordpress(group_site, uploads=archive)
    assert "images: 4" in output
    assert "documents: 1" in output


def test_without_uploads_attachments_are_reported_and_pages_imported(group_site):
    output = import_wordpress(group_site, uploads="")
    assert "missing from the uploads (no uploads were given)" in output
    assert "news pages: 5" in output
    assert Image.objects.count() == 0


def test_a_dry_run_reports_and_changes_nothing(group_site):
    before = snapshot(group_site)
    output = import_wordpress(group_site, "--dry-run")
    assert output.startswith("Dry run, nothing saved.")
    assert "news pages: 5" in output
    assert "images: 4" in output
    assert "WordPress #206: in the trash, not imported" in output
    assert snapshot(group_site) == before


def test_one_broken_item_is_reported_and_the_rest_imported(group_site, monkeypatch):
    convert = content.Converter.convert

    def fragile(self, html, item_id=None):
        if item_id == 202:
            raise ValueError("unreadable")
        return convert(self, html, item_id)

    monkeypatch.setattr(content.Converter, "convert", fragile)
    output = import_wordpress(group_site)
    assert "WordPress #202: could not be imported (unreadable)" in output
    titles = NewsPage.objects.live().values_list("title", flat=True)
    assert "Welcome café opens" in titles


def test_a_failure_midway_leaves_no_page_record_or_file(group_site, monkeypatch):
    before = snapshot(group_site)

    def broken(self, terms, indexes):
        raise RuntimeError("disk full")

    monkeypatch.setattr(redirects.Redirects, "for_terms", broken)
    with pytest.raises(CommandError) as error:
        import_wordpress(group_site)
    assert str(error.value) == (
        "The import stopped and nothing was saved: RuntimeError: disk full"
    )
    assert snapshot(group_site) == before


ENTITY_BOMB = """<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;">]>
<rss><channel><title>&b;</title></channel></rss>"""
NOT_WXR = """<?xml version="1.0"?>
<rss version="2.0"><channel><title>A feed</title><link>https://example.org</link>
<item><title>Hello</title></item></channel></rss>"""


@pytest.mark.parametrize(
    ("written", "message"),
    [
        (EXPORT.read_text()[:3000], "it is not well-formed XML"),
        (NOT_WXR, "it is not a WordPress export (WXR)"),
        (ENTITY_BOMB, "it declares a DTD or entities"),
        ("", "it is not well-formed XML"),
    ],
)
def test_a_file_that_is_not_an_export_is_refused_in_one_line(
    group_site, tmp_path, written, message
):
    path = tmp_path / "export.xml"
    path.write_text(written)
    before = snapshot(group_site)
    with pytest.raises(CommandError) as error:
        import_wordpress(group_site, export=path)
    assert str(error.value).startswith("This file cannot be imported: " + message)
    assert "\n" not in str(error.value)
    assert snapshot(group_site) == before


def test_uploads_of_another_subsite_are_refused(group_site, tmp_path):
    archive = zip_uploads(tmp_path / "other.zip", "uploads/sites/13/")
    before = snapshot(group_site)
    with pytest.raises(CommandError, match=r"^The uploads are of site 13, the export"):
        import_wordpress(group_site, uploads=archive)
    assert snapshot(group_site) == before


def test_uploads_with_none_of_the_exports_files_are_refused(group_site, tmp_path):
    folder = tmp_path / "uploads"
    (folder / "2015" / "01").mkdir(parents=True)
    (folder / "2015" / "01" / "other.jpg").write_bytes(b"x")
    with pytest.raises(CommandError, match="None of the export's 6 files"):
        import_wordpress(group_site, uploads=folder)
    assert not WordPressItem.objects.exists()


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--map", "Stories"], "--map Stories: write CATEGORY=TYPE"),
        (["--map", "Stories=event"], "--map Stories=event: write CATEGORY=TYPE"),
    ],
)
def test_bad_options_are_refused(group_site, options, message):
    with pytest.raises(CommandError, match=message):
        import_wordpress(group_site, *options)


def test_missing_files_and_sites_are_refused(group_site, tmp_path):
    with pytest.raises(CommandError, match="is neither a folder nor a zip"):
        import_wordpress(group_site, uploads=tmp_path / "nowhere")
    with pytest.raises(CommandError, match="No such file"):
        import_wordpress(group_site, export=tmp_path / "nowhere.xml")
    broken = tmp_path / "broken.zip"
    broken.write_bytes(b"not a zip")
    with pytest.raises(CommandError, match="is not a readable zip file"):
        import_wordpress(group_site, uploads=broken)
    group_site.hostname = "nowhere.localhost"
    with pytest.raises(CommandError, match="No site has the hostname"):
        import_wordpress(group_site)
    assert not WordPressItem.objects.exists()


def test_uploads_as_a_plain_folder_copy(group_site, tmp_path):
    output = import_wordpress(group_site, uploads=copy_uploads(tmp_path / "up"))
    assert "images: 4" in output


def test_a_category_mapped_to_stories_makes_draft_stories_awaiting_consent(
    group_site,
):
    output = import_wordpress(group_site, "--map", "stories=story")
    story = WordPressItem.objects.get(site=group_site, wordpress_id=203).page.specific
    assert isinstance(story, StoryPage)
    assert not story.live
    assert story.get_parent().specific_class.__name__ == "StoryIndexPage"
    assert "WordPress #203: imported as a draft story: record the storyteller's" in (
        output
    )
    assert "/?p=203" not in Redirect.objects.values_list("old_path", flat=True)


def test_a_wxr_1_1_export_imports_the_same(group_site, tmp_path):
    export = edited_export(
        tmp_path,
        ("http://wordpress.org/export/1.2/", "http://wordpress.org/export/1.1/"),
        (
            "<wp:wxr_version>1.2</wp:wxr_version>",
            "<wp:wxr_version>1.1</wp:wxr_version>",
        ),
    )
    output = import_wordpress(group_site, export=export)
    assert "news pages: 5" in output
    cafe = WordPressItem.objects.get(site=group_site, wordpress_id=201).page.specific
    assert cafe.summary.startswith("A new welcome café")


def test_comments_are_not_imported_and_say_so(group_site):
    output = import_wordpress(group_site)
    assert "WordPress #201: 1 comment(s) not imported" in output
    cafe = WordPressItem.objects.get(site=group_site, wordpress_id=201).page
    assert "Lovely idea" not in str(cafe.specific.body.raw_data)
