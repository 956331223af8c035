"""The admin's Network area: the list of sites, adding a site, members."""

import pytest
from bs4 import BeautifulSoup

from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.models import Page, Site

from cms.models import SiteRole
from tests.factories import make_member, make_site, make_user


@pytest.fixture
def national_editor(national_site):
    return make_member(national_site, "moderator", username="national-editor")


def refused(response):
    """Wagtail's admin turns a refusal into a redirect to the dashboard."""
    home = reverse("wagtailadmin_home")
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == home
    )


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def site_rows(response):
    rows = {}
    for row in soup(response).select("tr.network-site"):
        cells = [cell.get_text(" ", strip=True) for cell in row.find_all(["th", "td"])]
        rows[row.th.a.get_text(strip=True)] = cells[1:6]
    return rows


def test_national_editor_sees_every_site_with_its_facts(
    client, national_editor, group_site, stream_site, site_editor
):
    home = group_site.root_page.specific
    home.stage = "working-towards"
    home.save_revision().publish()
    client.force_login(national_editor)
    response = client.get(reverse("cms_network:sites"))
    assert response.status_code == 200
    rows = site_rows(response)
    assert set(rows) == {"City of Sanctuary", "Sheffield", "Schools of Sanctuary"}
    kind, stage, languages, members, published = rows["Sheffield"]
    assert (kind, stage, languages, members) == (
        "Group",
        "Working towards recognition",
        "en, ar",
        "1",
    )
    assert published != "Never"
    assert rows["Schools of Sanctuary"][:2] == ["Stream", ""]
    tree = soup(response).find(
        "a", string=lambda s: s and "Page tree of Sheffield" in s
    )
    assert tree["href"] == reverse("wagtailadmin_explore", args=[home.pk])


def test_site_list_costs_the_same_queries_for_more_sites(client, national_editor):
    client.force_login(national_editor)
    client.get(reverse("cms_network:sites"))

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("cms_network:sites")).status_code == 200
        return len(queries)

    make_site(name="Hull")
    with_two = count()
    for name in ("Leeds", "Derby", "Oxford", "Swansea"):
        make_site(name=name)
    assert count() == with_two


@pytest.mark.parametrize("role", ["editor", "moderator", "translator"])
def test_site_roles_cannot_open_the_network_area(client, group_site, role):
    client.force_login(make_member(group_site, role, language="ar"))
    for name in ("cms_network:sites", "cms_network:add"):
        assert refused(client.get(reverse(name)))
    response = client.post(reverse("cms_network:add"), {"kind": "group", "name": "X"})
    assert refused(response)
    assert not Site.objects.filter(site_name="X").exists()


def test_network_menu_item_is_for_the_national_team_only(
    client, national_editor, site_editor
):
    client.force_login(national_editor)
    assert b'"name": "network"' in client.get(reverse("wagtailadmin_home")).content
    client.force_login(site_editor)
    assert b'"name": "network"' not in client.get(reverse("wagtailadmin_home")).content


def test_adding_a_site_in_the_admin_provisions_it(client, national_editor):
    client.force_login(national_editor)
    response = client.post(
        reverse("cms_network:add"),
        {
            "kind": "group",
            "name": "Wakefield",
            "hostname": "",
            "languages": ["cy", "fa"],
            "place_type": "city",
            "region": "yorkshire",
        },
    )
    site = Site.objects.get(hostname="wakefield.localhost")
    assert response.status_code == 302
    assert response["Location"] == reverse("cms_network:members", args=[site.pk])
    assert site.root_page.specific.region == "yorkshire"
    assert site.root_page.owner == national_editor
    assert SiteRole.objects.filter(site=site).count() == 4
    assert client.get("/", HTTP_HOST="wakefield.localhost").status_code == 200


BAD_FORMS = [
    (
        {"kind": "group", "name": "Bristol", "hostname": "sheffield.localhost"},
        "hostname",
    ),
    ({"kind": "group", "name": "Bristol", "hostname": "bad host"}, "hostname"),
    ({"kind": "group", "name": ""}, "name"),
    ({"kind": "stream", "name": "Arts"}, "sector"),
    ({"kind": "national", "name": "Second"}, "kind"),
    ({"kind": "group", "name": "Bristol", "languages": ["xx"]}, "languages"),
    ({"kind": "group", "name": "Bristol", "region": "atlantis"}, "region"),
]


@pytest.mark.parametrize(("data", "field"), BAD_FORMS)
def test_bad_site_forms_show_an_error_and_make_nothing(
    client, national_editor, group_site, data, field
):
    client.force_login(national_editor)
    before = (Site.objects.count(), Page.objects.count(), Group.objects.count())
    response = client.post(reverse("cms_network:add"), data)
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert soup(response).select(".error-message, .w-field__errors *")
    assert (Site.objects.count(), Page.objects.count(), Group.objects.count()) == before


def people(response):
    return {
        section.h2.get_text(strip=True): [
            span.get_text(strip=True) for span in section.select(".site-role__person")
        ]
        for section in soup(response).select("section.site-role")
    }


def test_national_editor_adds_and_removes_members(client, national_editor, group_site):
    make_user("dawit")
    client.force_login(national_editor)
    members = reverse("cms_network:members", args=[group_site.pk])
    response = client.post(
        members, {"person": "DAWIT@example.org", "role": "translator", "language": "ti"}
    )
    assert response.status_code == 302
    listed = people(client.get(members))
    assert listed["Sheffield: translators (ti)"] == ["dawit"]

    role = group_site.roles.get(locale__language_code="ti")
    dawit = role.group.user_set.get()
    client.post(
        reverse("cms_network:remove_member", args=[group_site.pk]),
        {"person": dawit.pk, "role": role.pk},
    )
    assert not role.group.user_set.exists()


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"person": "nobody", "role": "editor"}, "person"),
        ({"person": "dawit", "role": "translator"}, "language"),
        ({"person": "dawit", "role": "editor", "language": "ar"}, "language"),
        ({"person": "dawit", "role": "owner"}, "role"),
    ],
)
def test_bad_member_forms_are_refused_with_an_error(
    client, national_editor, group_site, data, field
):
    make_user("dawit")
    client.force_login(national_editor)
    response = client.post(reverse("cms_network:members", args=[group_site.pk]), data)
    assert response.status_code == 400
    assert field in response.context["form"].errors
    assert not SiteRole.objects.filter(group__user__username="dawit").exists()


def test_moderator_sees_own_sites_members_but_cannot_change_them(
    client, group_site, other_group_site, site_moderator, site_editor
):
    make_user("dawit")
    client.force_login(site_moderator)
    members = reverse("cms_network:members", args=[group_site.pk])
    response = client.get(members)
    assert response.status_code == 200
    assert people(response)["Sheffield: editors"] == ["sheffield-editor"]
    invite = reverse("cms_network:invite", args=[group_site.pk])
    assert [form["action"] for form in soup(response).select("form")] == [invite]
    response = client.post(members, {"person": "dawit", "role": "moderator"})
    assert refused(response)
    other = reverse("cms_network:members", args=[other_group_site.pk])
    assert refused(client.get(other))
    remove = reverse("cms_network:remove_member", args=[group_site.pk])
    role = group_site.roles.get(role="editor")
    assert refused(client.post(remove, {"person": site_editor.pk, "role": role.pk}))
    assert site_editor.groups.filter(pk=role.group_id).exists()


def test_site_editor_cannot_view_members(client, group_site, site_editor):
    client.force_login(site_editor)
    members = reverse("cms_network:members", args=[group_site.pk])
    assert refused(client.get(members))
