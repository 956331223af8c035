"""What volunteers read in the admin: plain sentences, their site's names, no
Wagtail jargon, and refusals that look like the admin."""

import pytest
from bs4 import BeautifulSoup

from django.urls import reverse

from tests.factories import make_member, make_user


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def national_editor(national_site):
    return make_member(national_site, "moderator", username="national-editor")


@pytest.mark.parametrize(
    ("role", "language", "sentence"),
    [
        ("editor", "", "amina is now an editor of Sheffield."),
        ("moderator", "", "amina is now a moderator of Sheffield."),
        ("translator", "ar", "amina is now a translator of Sheffield."),
    ],
)
def test_adding_a_member_says_so_in_a_correct_sentence(
    client, national_editor, group_site, role, language, sentence
):
    make_user("amina")
    client.force_login(national_editor)
    members = reverse("cms_network:members", args=[group_site.pk])
    data = {"person": "amina", "role": role, "language": language}
    response = client.post(members, data, follow=True)
    assert sentence in soup(response).select_one(".messages").get_text()


def test_members_page_is_headed_with_the_sites_name(client, group_site, site_moderator):
    client.force_login(site_moderator)
    response = client.get(reverse("cms_network:members", args=[group_site.pk]))
    assert soup(response).h1.get_text(strip=True) == "Members of Sheffield"


def test_sites_are_named_without_default_in_syndication_and_search(
    client, national_site, group_site, national_editor
):
    client.force_login(national_editor)
    news = national_site.root_page.get_children().get(slug="news")
    add = reverse("wagtailadmin_pages:add", args=["home", "networknewspage", news.pk])
    form = soup(client.get(add))
    sites = [
        label.get_text(strip=True)
        for label in form.select("#id_syndicated_sites label")
    ]
    assert "City of Sanctuary" in sites and "Sheffield" in sites
    assert not [name for name in sites if "default" in name]
    labels = [label.get_text(strip=True) for label in form.select(".w-field__label")]
    assert "Regions" in labels and "regions" not in labels

    search = soup(client.get("/search/", HTTP_HOST="localhost"))
    options = [
        o.get_text(strip=True) for o in search.select("select[name=site] option")
    ]
    assert options == ["Every site", "City of Sanctuary", "Sheffield"]


def test_a_refusal_in_the_admin_looks_like_the_admin(client, group_site, site_editor):
    client.force_login(site_editor)
    response = client.get("/admin/site-audit/")
    assert response.status_code == 403
    page = soup(response)
    assert page.h1.get_text(strip=True) == "Not allowed"
    assert "Only a site's moderators read its trail." in page.get_text()
    assert page.find("a", href=reverse("wagtailadmin_home"))
    assert page.find(attrs={"data-wagtail-sidebar-branding-logo": True}) or page.find(
        id="wagtail-sidebar"
    )


def test_sign_in_page_names_the_network_not_wagtail(client, national_site):
    page = soup(client.get(reverse("wagtailadmin_login")))
    assert page.h1.get_text(strip=True) == "Sign in to the City of Sanctuary network"
    assert "Wagtail" not in page.title.get_text()
