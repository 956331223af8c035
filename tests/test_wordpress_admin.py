"""Network admins import a WordPress subsite in the admin and read the report."""

import pytest
from bs4 import BeautifulSoup

from django.core.cache import cache
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from cms.models import NewsPage, WordPressImport, WordPressItem
from cms.transfer.wordpress.tasks import progress_key
from tests.factories import make_member
from tests.wordpress import EXPORT, zip_uploads


def start_url(site):
    return reverse("wordpress_import:start", args=[site.pk])


def files(tmp_path, export=None):
    archive = zip_uploads(tmp_path / "uploads.zip", "uploads/sites/12/")
    return {
        "export": SimpleUploadedFile(
            "sheffield.xml", export or EXPORT.read_bytes(), "text/xml"
        ),
        "uploads": SimpleUploadedFile(
            "uploads.zip", archive.read_bytes(), "application/zip"
        ),
    }


def page(response):
    return BeautifulSoup(response.content, "html.parser")


def stored_imports():
    folders, _files = storages["imports"].listdir("")
    return [f for f in folders if storages["imports"].listdir(f)[1]]


def test_the_network_list_links_each_site_to_its_import(
    client, network_admin, group_site
):
    client.force_login(network_admin)
    response = client.get(reverse("cms_network:sites"))
    assert page(response).find("a", href=start_url(group_site))


def test_a_network_admin_imports_and_reads_the_report(
    client, network_admin, group_site, tmp_path
):
    client.force_login(network_admin)
    form = client.get(start_url(group_site))
    assert form.status_code == 200
    assert page(form).find("input", {"type": "file", "name": "export"})
    response = client.post(
        start_url(group_site), {**files(tmp_path), "mapping": "Stories=inspiration"}
    )
    run = WordPressImport.objects.get(site=group_site)
    assert response["Location"] == reverse(
        "wordpress_import:run", args=[group_site.pk, run.pk]
    )
    report = client.get(response["Location"])
    html = page(report)
    assert "Finished" in html.find(class_="wordpress-run__status").get_text()
    assert not html.find("meta", attrs={"http-equiv": "refresh"})
    rows = {
        row.th.get_text(strip=True): row.td.get_text(strip=True)
        for row in html.select(".wordpress-report tr")
    }
    assert rows["News pages"] == "4"
    assert rows["Inspiration pages"] == "1"
    assert rows["Images"] == "4"
    lines = [li.get_text(" ", strip=True) for li in html.select(".wordpress-report li")]
    assert "WordPress #206: in the trash, not imported" in lines
    assert run.requested_by == network_admin
    assert run.origin == "https://sheffield.cityofsanctuary.org"
    assert NewsPage.objects.live().filter(title="Welcome café opens").exists()
    assert stored_imports() == []  # the uploaded files are gone
    listing = page(client.get(start_url(group_site)))
    assert listing.find("a", href=response["Location"])
    trail = client.get(reverse("cms_site_audit"), {"site": group_site.pk})
    assert "Imported https://sheffield.cityofsanctuary.org from WordPress" in (
        page(trail).get_text(" ")
    )


def test_a_dry_run_in_the_admin_changes_nothing(
    client, network_admin, group_site, tmp_path
):
    client.force_login(network_admin)
    response = client.post(start_url(group_site), {**files(tmp_path), "dry_run": "on"})
    html = page(client.get(response["Location"]))
    assert "dry run" in html.find(class_="wordpress-run__status").get_text()
    assert html.select(".wordpress-report tr")
    assert not WordPressItem.objects.exists()
    assert not NewsPage.objects.filter(title="Welcome café opens").exists()


def test_a_bad_export_fails_with_its_reason_and_leaves_nothing(
    client, network_admin, group_site, tmp_path
):
    client.force_login(network_admin)
    response = client.post(
        start_url(group_site), files(tmp_path, export=b"<rss><channel>")
    )
    html = page(client.get(response["Location"]))
    assert "Failed" in html.find(class_="wordpress-run__status").get_text()
    assert "not well-formed XML" in html.find(role="alert").get_text()
    assert not WordPressItem.objects.exists()
    assert stored_imports() == []


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"mapping": "Stories=event"}, "mapping"),
        ({"export": SimpleUploadedFile("export.txt", b"x")}, "export"),
        ({"uploads": SimpleUploadedFile("uploads.tar", b"x")}, "uploads"),
    ],
)
def test_bad_form_input_is_refused_with_a_message(
    client, network_admin, group_site, tmp_path, data, field
):
    client.force_login(network_admin)
    response = client.post(start_url(group_site), {**files(tmp_path), **data})
    assert response.status_code == 400
    assert page(response).find(id=f"id_{field}-error") or field in str(
        response.context["form"].errors
    )
    assert not WordPressImport.objects.exists()


def test_progress_is_shown_while_the_import_waits_and_runs(
    client, network_admin, group_site
):
    client.force_login(network_admin)
    run = WordPressImport.objects.create(site=group_site)
    address = reverse("wordpress_import:run", args=[group_site.pk, run.pk])
    html = page(client.get(address))
    assert (
        "Waiting for a worker"
        in html.find("label", attrs={"for": "import-progress"}).get_text()
    )
    assert html.find("meta", attrs={"http-equiv": "refresh"})
    run.status = WordPressImport.Status.RUNNING
    run.save()
    cache.set(progress_key(run.pk), (55, "Content"))
    html = page(client.get(address))
    assert html.find("progress")["value"] == "55"
    assert html.find("label", attrs={"for": "import-progress"}).get_text() == "Content"


@pytest.mark.parametrize("role", ["editor", "moderator"])
def test_site_roles_cannot_import_even_into_their_own_site(
    client, group_site, tmp_path, role
):
    client.force_login(make_member(group_site, role))
    for response in (
        client.get(start_url(group_site)),
        client.post(start_url(group_site), files(tmp_path)),
    ):
        assert response.status_code == 302
        assert response["Location"] == reverse("wagtailadmin_home")
    assert not WordPressImport.objects.exists()
    assert stored_imports() == []
