"""Search promotions: each site's moderators promote pages of their own site only."""

import importlib

import pytest
from bs4 import BeautifulSoup

from django.urls import reverse

from cms.models import StandardPage
from search.models import SitePromotion
from tests.factories import make_member
from tests.test_search import publish_news, search


@pytest.fixture
def pages(group_site, other_group_site):
    return (
        publish_news(group_site, "Sheffield volunteer guide"),
        publish_news(other_group_site, "Bristol volunteer guide"),
    )


@pytest.fixture
def bristol_promotion(other_group_site, pages):
    return SitePromotion.objects.create(
        site=other_group_site,
        query_string="Volunteering",
        page=pages[1],
        description="Bristol sentinel description",
    )


def add_url():
    return reverse("site_promotions:add")


def post_promotion(client, site, page, query="Volunteering"):
    return client.post(
        add_url(),
        {
            "site": site.pk,
            "query_string": query,
            "page": page.pk,
            "description": "Start here",
            "sort_order": 0,
        },
        HTTP_HOST="localhost",
    )


def test_moderator_promotes_a_page_on_their_own_site_only(
    client, site_moderator, group_site, other_group_site, pages
):
    client.force_login(site_moderator)
    response = post_promotion(client, group_site, pages[0], query="  Volunteering! ")
    assert response.status_code == 302
    promotion = SitePromotion.objects.get()
    assert (promotion.site, promotion.query_string) == (group_site, "volunteering")

    sheffield = search(client, "sheffield.localhost", "volunteering")
    promoted = sheffield.select(".search-promotions li")
    assert [li.h3.get_text(strip=True) for li in promoted] == [
        "Sheffield volunteer guide"
    ]
    assert "Start here" in promoted[0].get_text()
    assert (
        search(client, "bristol.localhost", "volunteering").select(".search-promotions")
        == []
    )


def test_moderator_cannot_promote_another_sites_page_or_for_another_site(
    client, site_moderator, group_site, other_group_site, pages
):
    client.force_login(site_moderator)
    foreign_page = post_promotion(client, group_site, pages[1])
    foreign_site = post_promotion(client, other_group_site, pages[1])
    assert foreign_page.status_code == 200
    assert foreign_site.status_code == 200
    assert "Choose a page of this site." in foreign_page.content.decode()
    assert not SitePromotion.objects.exists()


def test_moderator_never_sees_or_changes_another_sites_promotions(
    client, site_moderator, bristol_promotion
):
    client.force_login(site_moderator)
    listing = client.get(reverse("site_promotions:index"), HTTP_HOST="localhost")
    assert listing.status_code == 200
    assert "Bristol" not in listing.content.decode()
    pk = bristol_promotion.pk
    for name in ("edit", "delete", "history", "usage"):
        url = reverse(f"site_promotions:{name}", args=[pk])
        assert client.get(url, HTTP_HOST="localhost").status_code == 404
    edit = reverse("site_promotions:edit", args=[pk])
    client.post(edit, {"query_string": "hijacked"}, HTTP_HOST="localhost")
    delete = reverse("site_promotions:delete", args=[pk])
    client.post(delete, HTTP_HOST="localhost")
    bristol_promotion.refresh_from_db()
    assert bristol_promotion.query_string == "volunteering"


def test_moderator_lists_and_edits_their_own_promotions(
    client, site_moderator, group_site, pages, bristol_promotion
):
    own = SitePromotion.objects.create(
        site=group_site, query_string="guide", page=pages[0]
    )
    client.force_login(site_moderator)
    listing = BeautifulSoup(
        client.get(reverse("site_promotions:index"), HTTP_HOST="localhost").content,
        "html.parser",
    )
    rows = [row.get_text(" ", strip=True) for row in listing.select("tbody tr")]
    assert len(rows) == 1 and "guide" in rows[0]
    edit = reverse("site_promotions:edit", args=[own.pk])
    response = client.post(
        edit,
        {
            "site": group_site.pk,
            "query_string": "guides",
            "page": pages[0].pk,
            "sort_order": 1,
        },
        HTTP_HOST="localhost",
    )
    assert response.status_code == 302
    own.refresh_from_db()
    assert own.query_string == "guides"


def test_editors_and_translators_cannot_manage_promotions(
    client, site_editor, site_translator
):
    for user in (site_editor, site_translator):
        client.force_login(user)
        response = client.get(add_url(), HTTP_HOST="localhost")
        assert response.status_code in (302, 403)
        assert not SitePromotion.objects.exists()


def test_promoted_private_or_unpublished_pages_are_not_shown(client, group_site, pages):
    page = pages[0]
    SitePromotion.objects.create(site=group_site, query_string="guide", page=page)
    page.unpublish()
    assert (
        search(client, "sheffield.localhost", "guide").select(".search-promotions")
        == []
    )


def test_admin_page_search_shows_a_site_editor_only_their_own_pages(
    client, site_editor, group_site, other_group_site
):
    group_site.root_page.add_child(instance=StandardPage(title="Own lighthouse"))
    other_group_site.root_page.add_child(instance=StandardPage(title="Far lighthouse"))
    client.force_login(site_editor)
    response = client.get(
        reverse("wagtailadmin_pages:search"), {"q": "lighthouse"}, HTTP_HOST="localhost"
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Own lighthouse" in html
    assert "Far lighthouse" not in html


def test_national_moderator_promotes_only_national_pages(
    client, national_site, group_site, pages
):
    national_moderator = make_member(national_site, "moderator")
    client.force_login(national_moderator)
    post_promotion(client, national_site, pages[0])
    assert not SitePromotion.objects.exists()


def test_migration_gives_existing_moderators_their_sites_promotions(
    client, site_moderator, group_site, pages
):
    from django.apps import apps

    from wagtail.models import GroupSitePermission

    migration = importlib.import_module("cms.migrations.0010_promotion_permissions")
    GroupSitePermission.objects.filter(
        permission__codename__endswith="_sitepromotion"
    ).delete()
    client.force_login(site_moderator)
    index = reverse("site_promotions:index")
    assert client.get(index, HTTP_HOST="localhost").status_code == 302

    for _run in range(2):  # running it again changes nothing
        migration.grant(apps, None)

    assert client.get(index, HTTP_HOST="localhost").status_code == 200
    moderators = group_site.roles.get(role="moderator", locale=None).group
    assert moderators.site_permissions.filter(site=group_site).count() >= 3
