"""The site export in the admin: moderators download their own site's bundle,
made in the background; only network admins include personal data."""

import io
import json
import zipfile

import pytest

from django.urls import reverse

from wagtail.models import ModelLogEntry

from cms.models import SiteExport
from tests.factories import make_member


def refused(response):
    """Wagtail's admin answers a refusal with a redirect to the dashboard."""
    return response.status_code == 403 or (
        response.status_code == 302
        and response["Location"] == reverse("wagtailadmin_home")
    )


def start(client, site, **data):
    return client.post(reverse("site_export:start", args=[site.pk]), data)


def bundle_of(client, site, record):
    url = reverse("site_export:download", args=[site.pk, record.pk])
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    with zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content))) as zipped:
        return json.loads(zipped.read("manifest.json"))


def test_a_moderator_downloads_the_sites_bundle_once_ready(
    client, group_site, site_moderator
):
    client.force_login(site_moderator)
    page = client.get(reverse("site_export"), follow=True)
    assert page.request["PATH_INFO"] == reverse(
        "site_export:start", args=[group_site.pk]
    )
    assert b"include_personal_data" not in page.content
    response = start(client, group_site)
    assert response.status_code == 302
    record = SiteExport.objects.get(site=group_site)
    listing = client.get(response["Location"])
    download = reverse("site_export:download", args=[group_site.pk, record.pk])
    assert download.encode() in listing.content
    manifest = bundle_of(client, group_site, record)
    assert manifest["source"]["hostname"] == group_site.hostname
    assert manifest["personal_data"] is False


def test_only_network_admins_include_personal_data_and_see_those_bundles(
    client, group_site, site_moderator, network_admin
):
    client.force_login(site_moderator)
    assert refused(start(client, group_site, include_personal_data="on"))
    assert not SiteExport.objects.exists()

    client.force_login(network_admin)
    start(client, group_site, include_personal_data="on")
    record = SiteExport.objects.get(site=group_site, personal_data=True)
    assert bundle_of(client, group_site, record)["personal_data"] is True
    logged = ModelLogEntry.objects.get(action="cms.site_exported")
    assert logged.user == network_admin and logged.object_id == str(group_site.pk)

    client.force_login(site_moderator)
    listing = client.get(reverse("site_export:start", args=[group_site.pk]))
    url = reverse("site_export:download", args=[group_site.pk, record.pk])
    assert url.encode() not in listing.content
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("role", ["editor", "translator"])
def test_editors_and_translators_cannot_export(client, group_site, role):
    person = make_member(
        group_site, role, language="ar" if role == "translator" else None
    )
    client.force_login(person)
    assert refused(client.get(reverse("site_export")))
    assert refused(start(client, group_site))
    assert not SiteExport.objects.exists()
