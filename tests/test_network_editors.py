from datetime import date

import pytest
from bs4 import BeautifulSoup

from django.urls import reverse

from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from cms.models import StandardPage
from home.models import NetworkNewsPage, Syndication
from tests.factories import make_member
from tests.test_network_news import news_index, publish_network_news


def news_form(title, syndicated_regions=(), syndicated_sites=(), **extra):
    data = {
        "title": title,
        "slug": "",
        "date": date(2025, 6, 20).isoformat(),
        "summary": "",
        "body": streamfield([]),
        "comments": inline_formset([]),
        **extra,
    }
    data = nested_form_data(data)
    data["syndicated_regions"] = list(syndicated_regions)
    data["syndicated_sites"] = list(syndicated_sites)
    return data


@pytest.fixture
def national_editor(national_site):
    return make_member(national_site, "moderator", username="national-editor")


def test_national_editor_publishes_syndicated_network_news_in_the_admin(
    client, national_site, group_site, other_group_site, national_editor
):
    client.force_login(national_editor)
    index = news_index(national_site)
    add_url = reverse(
        "wagtailadmin_pages:add", args=["home", "networknewspage", index.pk]
    )
    form = BeautifulSoup(client.get(add_url).content, "html.parser")
    assert form.find(attrs={"name": "syndication"})
    data = news_form(
        "National summit",
        slug="national-summit",
        syndication=Syndication.SITES,
        syndicated_sites=[str(group_site.pk)],
        **{"action-publish": "publish"},
    )
    response = client.post(add_url, data)
    assert response.status_code == 302
    page = NetworkNewsPage.objects.get(slug="national-summit")
    assert page.live and page.syndication == Syndication.SITES
    assert list(page.syndicated_sites.all()) == [group_site]
    assert list(NetworkNewsPage.objects.syndicated_to(group_site)) == [page]
    assert not NetworkNewsPage.objects.syndicated_to(other_group_site).exists()


def test_national_editor_edits_and_publishes_a_national_page(
    client, national_site, national_editor
):
    about = StandardPage.objects.child_of(national_site.root_page).get(slug="about")
    client.force_login(national_editor)
    url = reverse("wagtailadmin_pages:edit", args=[about.pk])
    assert client.get(url).status_code == 200
    data = nested_form_data(
        {
            "title": "About the network",
            "slug": "about",
            "summary": "",
            "body": streamfield([]),
            "comments": inline_formset([]),
            "action-publish": "publish",
        }
    )
    assert client.post(url, data).status_code == 302
    about.refresh_from_db()
    assert about.title == "About the network" and about.live


def refused(response):
    """Wagtail answers 403 to scripts and sends browsers back to the dashboard."""
    return response.status_code == 302 and response.url == reverse("wagtailadmin_home")


def test_national_editor_cannot_edit_a_group_site(
    client, national_site, group_site, national_editor
):
    home = group_site.root_page
    url = reverse("wagtailadmin_pages:edit", args=[home.pk])
    client.force_login(national_editor)
    assert (
        client.get(url, headers={"x-requested-with": "XMLHttpRequest"}).status_code
        == 403
    )
    assert refused(client.get(url))
    data = nested_form_data({"title": "Taken over", "slug": home.slug})
    assert refused(client.post(url, data))
    assert (
        client.post(
            url, data, headers={"x-requested-with": "XMLHttpRequest"}
        ).status_code
        == 403
    )
    home.refresh_from_db()
    assert home.title == "Sheffield"
    assert home.get_latest_revision_as_object().title == "Sheffield"


def test_national_site_editor_without_syndication_right_does_not_see_the_choice(
    client, national_site, group_site
):
    page = publish_network_news(national_site, "Local to national", Syndication.NONE)
    editor = make_member(national_site, "editor")
    assert not editor.has_perm("cms.syndicate_news")
    client.force_login(editor)
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    soup = BeautifulSoup(client.get(url).content, "html.parser")
    assert soup.find(attrs={"name": "title"})
    assert not soup.find(attrs={"name": "syndication"})
    assert not soup.find(attrs={"name": "syndicated_sites"})


def test_crafted_post_by_an_editor_without_the_right_changes_no_syndication(
    client, national_site, group_site
):
    page = publish_network_news(national_site, "Quiet news", Syndication.NONE)
    client.force_login(make_member(national_site, "editor"))
    data = news_form(
        "Quiet news, edited",
        slug=page.slug,
        syndication=Syndication.ALL,
        syndicated_regions=["yorkshire"],
        syndicated_sites=[str(group_site.pk)],
    )
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert response.status_code == 302
    draft = NetworkNewsPage.objects.get(pk=page.pk).get_latest_revision_as_object()
    assert draft.title == "Quiet news, edited"
    assert draft.syndication == Syndication.NONE
    assert draft.syndicated_regions == []
    assert list(draft.syndicated_sites.all()) == []
    assert not NetworkNewsPage.objects.syndicated_to(group_site).exists()


def test_group_editor_cannot_set_syndication_of_network_news(
    client, national_site, group_site, site_editor
):
    page = publish_network_news(national_site, "Not yours", Syndication.NONE)
    client.force_login(site_editor)
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert refused(client.get(url))
    data = news_form("Not yours", slug=page.slug, syndication=Syndication.ALL)
    assert refused(client.post(url, data))
    page.refresh_from_db()
    assert page.syndication == Syndication.NONE
    assert not NetworkNewsPage.objects.syndicated_to(group_site).exists()
