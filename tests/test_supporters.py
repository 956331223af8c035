"""Supporting organisations: a public pledge, approved by the group's moderators."""

import pytest

from django.urls import reverse

from groups.models import PledgeStatus, SupportersPage, SupportingOrganisation
from tests import content
from tests.factories import make_member

HOST = "sheffield.localhost"
PLEDGE = {
    "name": "Broomhall Community Centre",
    "place": "Broomhall",
    "website": "https://example.org/",
    "pledge": "A warm room and tea every weekday.",
    "contact_name": "Jo",
    "contact_email": "jo@example.org",
    "listed": "on",
}


@pytest.fixture
def supporters_page(group_site):
    return content.publish(
        group_site.root_page, SupportersPage(title="Our supporters", slug="supporters")
    )


def supporter(site, name, status=PledgeStatus.APPROVED, listed=True):
    return SupportingOrganisation.objects.create(
        site=site,
        name=name,
        status=status,
        listed=listed,
        contact_name="Jo",
        contact_email="jo@example.org",
    )


def test_pledge_form_records_a_pending_pledge_for_this_group(
    client, group_site, supporters_page
):
    response = client.post("/supporters/", PLEDGE, HTTP_HOST=HOST)
    assert response.status_code == 302
    thanks = content.soup(client.get(response["Location"], HTTP_HOST=HOST))
    assert "Thank you!" in thanks.select_one("[role=status]").get_text()
    pledge = SupportingOrganisation.objects.get()
    assert (pledge.site, pledge.status) == (group_site, PledgeStatus.PENDING)
    assert "Broomhall" not in thanks.select_one("ul.supporters, .empty").get_text()


def test_pledge_form_refuses_bad_input_and_cannot_choose_site_or_status(
    client, group_site, other_group_site, supporters_page
):
    bad = {**PLEDGE, "contact_email": "not-an-email", "name": ""}
    response = client.post("/supporters/", bad, HTTP_HOST=HOST)
    assert response.status_code == 200
    errors = content.soup(response).select(".errorlist")
    assert len(errors) == 2
    forged = {**PLEDGE, "status": "approved", "site": other_group_site.pk}
    client.post("/supporters/", forged, HTTP_HOST=HOST)
    pledge = SupportingOrganisation.objects.get()
    assert (pledge.site, pledge.status) == (group_site, PledgeStatus.PENDING)


def test_supporters_page_lists_approved_listed_ones_and_home_counts_them(
    client, group_site, other_group_site, supporters_page
):
    supporter(group_site, "Cathedral")
    supporter(group_site, "Law firm", listed=False)
    supporter(group_site, "Boxing club", status=PledgeStatus.PENDING)
    supporter(other_group_site, "Bristol library")
    listed = content.soup(client.get("/supporters/", HTTP_HOST=HOST))
    assert [li.get_text() for li in listed.select("ul.supporters li")] == ["Cathedral"]
    home = content.soup(client.get("/", HTTP_HOST=HOST))
    assert home.select_one(".supporter-count").get_text(" ", strip=True) == (
        "2 organisations support our welcome"
    )


def refused(response):
    """Wagtail's admin answers a refusal with 403, or a redirect to its home."""
    if response.status_code == 302:
        return response["Location"] == reverse("wagtailadmin_home")
    return response.status_code in (403, 404)


def admin_get(client, user, name, *args):
    client.force_login(user)
    return client.get(reverse(f"supporters:{name}", args=args))


def test_moderator_lists_and_approves_only_own_sites_supporters(
    client, group_site, other_group_site, site_moderator
):
    own = supporter(group_site, "Cathedral", status=PledgeStatus.PENDING)
    supporter(other_group_site, "Bristol library sentinel")
    listing = admin_get(client, site_moderator, "index")
    assert b"Cathedral" in listing.content
    assert b"Bristol library sentinel" not in listing.content
    data = {**PLEDGE, "name": "Cathedral", "site": group_site.pk, "status": "approved"}
    response = client.post(reverse("supporters:edit", args=[own.pk]), data)
    assert response.status_code == 302
    own.refresh_from_db()
    assert own.status == PledgeStatus.APPROVED


@pytest.mark.parametrize("view", ["edit", "delete", "inspect", "history", "usage"])
def test_moderator_cannot_open_another_sites_supporter(
    client, group_site, other_group_site, site_moderator, view
):
    theirs = supporter(other_group_site, "Bristol library sentinel")
    response = admin_get(client, site_moderator, view, theirs.pk)
    assert refused(response)
    assert b"sentinel" not in response.content


def test_moderator_cannot_change_delete_or_move_another_sites_supporter(
    client, group_site, other_group_site, site_moderator
):
    theirs = supporter(other_group_site, "Bristol library")
    client.force_login(site_moderator)
    forged = {**PLEDGE, "site": group_site.pk, "status": "declined"}
    client.post(reverse("supporters:edit", args=[theirs.pk]), forged)
    client.post(reverse("supporters:delete", args=[theirs.pk]))
    theirs.refresh_from_db()
    assert (theirs.site, theirs.status) == (other_group_site, PledgeStatus.APPROVED)


def test_moderator_can_only_add_supporters_to_own_site(
    client, group_site, other_group_site, site_moderator
):
    client.force_login(site_moderator)
    form = content.soup(client.get(reverse("supporters:add")))
    sites = [o["value"] for o in form.select("select[name=site] option") if o["value"]]
    assert sites == [str(group_site.pk)]
    data = {**PLEDGE, "site": other_group_site.pk, "status": "approved"}
    response = client.post(reverse("supporters:add"), data)
    assert response.status_code == 200
    assert not SupportingOrganisation.objects.exists()


def test_editors_and_translators_do_not_manage_supporters(
    client, group_site, site_editor, site_translator
):
    supporter(group_site, "Cathedral")
    for user in (site_editor, site_translator):
        assert refused(admin_get(client, user, "index"))


def test_national_team_sees_every_sites_supporters(
    client, national_site, group_site, other_group_site
):
    national_editor = make_member(national_site, "moderator", "national-editor")
    supporter(group_site, "Cathedral")
    supporter(other_group_site, "Bristol library")
    listing = admin_get(client, national_editor, "index")
    assert b"Cathedral" in listing.content
    assert b"Bristol library" in listing.content
