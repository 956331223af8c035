"""T19: publishing, unpublishing, privacy and role changes are logged by name,
and each site's moderators read their own site's audit trail only."""

import csv
import io

import pytest

from django.core.management import call_command
from django.urls import reverse
from django.utils.text import slugify

from wagtail.models import ModelLogEntry, PageLogEntry

from cms.models import StandardPage
from cms.roles import grant_role, revoke_role
from tests.factories import make_member, make_user

AUDIT = "/admin/site-audit/"
OWN = "Ay4Own"
SENTINEL = "Zq7Sentinel"


def publish_page(site, title, user):
    page = site.root_page.add_child(
        instance=StandardPage(title=title, slug=slugify(title) or "page", live=False)
    )
    page.save_revision(user=user).publish(user=user)
    return page


def actions(page):
    return list(
        PageLogEntry.objects.filter(page=page)
        .order_by("timestamp", "pk")
        .values_list("action", "user__username")
    )


def test_publish_unpublish_and_privacy_changes_name_the_moderator(
    client, group_site, site_moderator
):
    page = publish_page(group_site, "Welcome", site_moderator)
    client.force_login(site_moderator)
    privacy = reverse("wagtailadmin_pages:set_privacy", args=[page.pk])
    assert client.post(privacy, {"restriction_type": "login"}).status_code == 200
    unpublish = reverse("wagtailadmin_pages:unpublish", args=[page.pk])
    assert client.post(unpublish).status_code == 302
    logged = actions(page)
    moderator = site_moderator.username
    for action in (
        "wagtail.publish",
        "wagtail.view_restriction.create",
        "wagtail.unpublish",
    ):
        assert (action, moderator) in logged, logged


def test_granting_and_revoking_a_role_in_the_admin_names_the_network_admin(
    client, group_site, network_admin
):
    person = make_user("amira")
    client.force_login(network_admin)
    members = reverse("cms_network:members", args=[group_site.pk])
    client.post(members, {"person": person.username, "role": "editor"})
    role = group_site.roles.get(role="editor")
    remove = reverse("cms_network:remove_member", args=[group_site.pk])
    client.post(remove, {"person": person.pk, "role": role.pk})
    entries = ModelLogEntry.objects.filter(object_id=str(group_site.pk)).filter(
        data__person="amira"
    )
    assert sorted(entries.values_list("action", "user__username")) == [
        ("cms.role_granted", "network-admin"),
        ("cms.role_revoked", "network-admin"),
    ]
    assert not person.groups.exists()


def test_grant_command_names_who_decided(group_site, network_admin):
    make_user("bilal")
    call_command(
        "grant_site_role",
        "--hostname=sheffield.localhost",
        "--role=moderator",
        "--user=bilal",
        "--by=network-admin",
        stdout=io.StringIO(),
    )
    entry = ModelLogEntry.objects.get(action="cms.role_granted", data__person="bilal")
    assert entry.user == network_admin
    assert entry.message == "Gave bilal the moderator role"


def test_grant_command_refuses_an_unknown_deciding_user(group_site):
    from django.core.management import CommandError

    make_user("chen")
    with pytest.raises(CommandError, match="No user is called nobody"):
        call_command(
            "grant_site_role",
            "--hostname=sheffield.localhost",
            "--role=editor",
            "--user=chen",
            "--by=nobody",
        )
    assert not ModelLogEntry.objects.filter(data__person="chen").exists()


def test_revoking_a_role_nobody_held_logs_nothing(group_site):
    person = make_user("dana")
    revoke_role(person, group_site, "editor")
    assert not ModelLogEntry.objects.filter(data__person="dana").exists()


@pytest.fixture
def trails(group_site, other_group_site, site_moderator, network_admin):
    """Logged changes on A (marked OWN) and on B (marked with the sentinel)."""
    b_moderator = make_member(other_group_site, "moderator", f"{SENTINEL}-mod")
    publish_page(group_site, f"News {OWN}", site_moderator)
    publish_page(other_group_site, f"News {SENTINEL}", b_moderator)
    grant_role(make_user(f"{SENTINEL}-new"), other_group_site, "editor", by=b_moderator)
    grant_role(make_user(f"{OWN}-new"), group_site, "editor", by=network_admin)
    return b_moderator


def csv_rows(response):
    text = b"".join(response.streaming_content).decode()
    return list(csv.reader(io.StringIO(text)))


def test_site_moderator_reads_own_sites_trail_never_another_sites(
    client, trails, site_moderator, other_group_site
):
    client.force_login(site_moderator)
    response = client.get(AUDIT)
    assert response.status_code == 200
    page = response.content.decode()
    assert f"News {OWN}" in page
    assert f"Gave {OWN}-new the editor role" in page
    assert SENTINEL not in page

    rows = csv_rows(client.get(AUDIT, {"export": "csv"}))
    assert rows[0][:3] == ["Time", "User", "Action"]
    assert any(row[4] == f"News {OWN}" for row in rows[1:])
    assert not any(SENTINEL in cell for row in rows for cell in row)

    other = {"site": other_group_site.pk}
    assert client.get(AUDIT, other).status_code == 404
    assert client.get(AUDIT, {**other, "export": "csv"}).status_code == 404


def test_network_admin_reads_every_site_and_filters_by_site(
    client, trails, network_admin, group_site
):
    client.force_login(network_admin)
    everything = client.get(AUDIT).content.decode()
    assert f"News {OWN}" in everything
    assert f"News {SENTINEL}" in everything
    only_a = client.get(AUDIT, {"site": group_site.pk}).content.decode()
    assert f"News {OWN}" in only_a
    assert SENTINEL not in only_a


@pytest.mark.parametrize("role", ["editor", "translator"])
def test_site_editors_and_translators_are_refused_the_trail(
    client, trails, group_site, role
):
    person = make_member(
        group_site, role, f"a-{role}", language="ar" if role == "translator" else None
    )
    client.force_login(person)
    assert client.get(AUDIT).status_code == 403
    assert client.get(AUDIT, {"export": "csv"}).status_code == 403
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert AUDIT not in home


def test_audit_trail_menu_item_is_shown_to_moderators(client, site_moderator):
    client.force_login(site_moderator)
    assert AUDIT in client.get(reverse("wagtailadmin_home")).content.decode()


@pytest.mark.parametrize("value", ["abc", "-1", "99999"])
def test_a_bad_site_filter_is_a_404(client, site_moderator, value):
    client.force_login(site_moderator)
    assert client.get(AUDIT, {"site": value}).status_code == 404


def test_csv_cells_never_start_a_spreadsheet_formula(
    client, group_site, site_moderator
):
    publish_page(group_site, "=HYPERLINK(1)", site_moderator)
    client.force_login(site_moderator)
    rows = csv_rows(client.get(AUDIT, {"export": "csv"}))
    assert any(row[4] == "'=HYPERLINK(1)" for row in rows[1:])


def test_the_trail_pages_through_many_entries(client, group_site, site_moderator):
    for number in range(30):  # created and published: 60 entries
        publish_page(group_site, f"Page{number:02d}", site_moderator)
    client.force_login(site_moderator)
    first = client.get(AUDIT).content.decode()
    second = client.get(AUDIT, {"p": 2}).content.decode()
    assert "Page29" in first and "Page00" not in first
    assert "Page00" in second and "Page29" not in second
