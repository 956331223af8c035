"""The volunteer's dashboard: their own site, their drafts, their team's work."""

from bs4 import BeautifulSoup

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.text import slugify

from wagtail.models import Locale

from cms.access.sites import site_pages
from cms.models import NewsIndexPage, StandardPage
from tests.factories import make_member

HOME = "/admin/"


def dashboard(client):
    response = client.get(HOME)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def titles(soup, panel_id):
    return [a.get_text(strip=True) for a in soup.find(id=panel_id).select("li a")]


def add_page(site, title, user, slug=None):
    page = site.root_page.add_child(
        instance=StandardPage(title=title, slug=slug or slugify(title), live=False)
    )
    page.save_revision(user=user, log_action=True)
    return page


def test_editor_meets_their_site_and_shortcuts_to_add_content(
    client, group_site, site_editor
):
    client.force_login(site_editor)
    soup = dashboard(client)
    panel = soup.select_one(".cms-site-panel")
    assert panel.h2.get_text(strip=True) == "Sheffield"
    assert panel.find("a", href="http://sheffield.localhost/")
    news = group_site.root_page.get_children().type(NewsIndexPage).get()
    shortcuts = {
        a.get_text(strip=True): a["href"] for a in panel.select(".cms-shortcuts a")
    }
    assert shortcuts["Add news"] == reverse(
        "wagtailadmin_pages:add", args=("cms", "newspage", news.pk)
    )
    assert set(shortcuts) == {"Add news", "Add an event", "Add a story"}
    assert client.get(shortcuts["Add a story"]).status_code == 200
    assert soup.find(string="Your most recent edits") is None


def test_translator_gets_no_shortcuts_to_add_pages(client, group_site, site_translator):
    client.force_login(site_translator)
    panel = dashboard(client).select_one(".cms-site-panel")
    assert panel.h2.get_text(strip=True) == "Sheffield"
    assert panel.select(".cms-shortcuts a") == []


def test_drafts_are_the_editors_own_on_their_site(
    client, group_site, other_group_site, site_editor, site_moderator
):
    add_page(group_site, "Volunteer meal", site_editor)
    add_page(group_site, "Moderator notes", site_moderator)
    add_page(other_group_site, "Bristol plans", make_member(other_group_site, "editor"))
    client.force_login(site_editor)
    assert titles(dashboard(client), "cms_drafts") == ["Volunteer meal"]


def test_pages_waiting_for_approval_are_those_of_the_site(
    client, group_site, other_group_site, site_editor
):
    page = add_page(group_site, "Language cafe", site_editor)
    group_site.root_page.get_workflow().start(page, site_editor)
    bristol_editor = make_member(other_group_site, "editor")
    other = add_page(other_group_site, "Bristol walk", bristol_editor)
    other_group_site.root_page.get_workflow().start(other, bristol_editor)
    client.force_login(site_editor)
    assert titles(dashboard(client), "cms_awaiting_approval") == ["Language cafe"]


def test_recent_changes_show_the_team_and_not_other_sites(
    client, group_site, other_group_site, site_editor, site_moderator
):
    add_page(group_site, "Welcome walk", site_moderator)
    add_page(
        other_group_site, "Bristol secret", make_member(other_group_site, "editor")
    )
    client.force_login(site_editor)
    panel = dashboard(client).find(id="cms_team_changes")
    text = panel.get_text(" ", strip=True)
    assert "Welcome walk" in text and "sheffield-moderator" in text
    assert "Bristol" not in text


def test_member_of_two_sites_switches_between_them(
    client, group_site, other_group_site, stream_site
):
    person = make_member(group_site, "editor", username="amal")
    person.groups.add(other_group_site.roles.get(role="moderator").group)
    client.force_login(person)
    soup = dashboard(client)
    assert soup.select_one(".cms-site-panel h2").get_text(strip=True) == "Bristol"
    options = [o.get_text(strip=True) for o in soup.select(".cms-site-switcher option")]
    assert options == ["Bristol", "Sheffield"]

    switch = reverse("cms_network:choose_site")
    client.post(switch, {"site": group_site.pk})
    assert dashboard(client).select_one(".cms-site-panel h2").get_text() == "Sheffield"

    client.post(switch, {"site": stream_site.pk})
    soup = dashboard(client)
    assert soup.select_one(".cms-site-panel h2").get_text(strip=True) == "Sheffield"
    assert "You do not work on that site." in soup.get_text()


def test_single_site_member_sees_no_switcher(client, group_site, site_editor):
    client.force_login(site_editor)
    assert dashboard(client).select(".cms-site-switcher") == []


def test_dashboard_queries_are_the_same_for_one_and_six_drafts(
    client, group_site, site_editor
):
    client.force_login(site_editor)

    def count():
        client.get(HOME)
        with CaptureQueriesContext(connection) as queries:
            client.get(HOME)
        return len(queries)

    add_page(group_site, "Draft 0", site_editor, slug="draft-0")
    one = count()
    for number in range(1, 6):
        add_page(group_site, f"Draft {number}", site_editor, slug=f"draft-{number}")
    assert count() == one


def summary(soup):
    return [li.get_text(" ", strip=True) for li in soup.select(".w-summary__list li")]


def test_moderator_dashboard_counts_their_own_site_only(
    client, national_site, group_site, other_group_site, site_moderator
):
    for number in range(3):
        add_page(other_group_site, f"Bristol page {number}", site_moderator)
    add_page(group_site, "Sheffield page", site_moderator)
    client.force_login(site_moderator)
    soup = dashboard(client)
    assert soup.h1.get_text(strip=True) == "Sheffield"
    pages = site_pages(group_site).count()
    assert summary(soup) == [f"{pages} pages", "0 images", "0 documents"]
    assert "network" not in soup.select_one(".w-summary").get_text()


def test_national_editor_finds_add_network_news_first(
    client, national_site, group_site, site_moderator
):
    editor = make_member(national_site, "moderator", username="national-editor")
    client.force_login(editor)
    panel = dashboard(client).select_one(".cms-site-panel")
    links = panel.select(".cms-shortcuts a")
    news = national_site.root_page.get_children().type(NewsIndexPage).get()
    assert links[0].get_text(strip=True) == "Add network news"
    assert links[0]["href"] == reverse(
        "wagtailadmin_pages:add", args=("home", "networknewspage", news.pk)
    )
    assert client.get(links[0]["href"]).status_code == 200
    client.force_login(site_moderator)
    shortcuts = dashboard(client).select(".cms-shortcuts a")
    assert "Add network news" not in [a.get_text(strip=True) for a in shortcuts]


def test_team_changes_say_a_translation_started_not_copied_from_root(
    client, group_site, site_moderator
):
    page = add_page(group_site, "Welcome", site_moderator)
    page.copy_for_translation(Locale.objects.get(language_code="ar"), copy_parents=True)
    client.force_login(site_moderator)
    text = dashboard(client).find(id="cms_team_changes").get_text(" ", strip=True)
    assert "Translation started from the English version" in text
    assert "Copied for translation" not in text and "Root" not in text


def test_recent_changes_fold_a_persons_successive_saves_of_one_page(
    client, group_site, site_editor, site_moderator
):
    page = add_page(group_site, "Language cafe", site_editor)
    for _ in range(3):
        page.save_revision(user=site_editor, log_action=True)
    add_page(group_site, "Welcome walk", site_moderator)
    page.save_revision(user=site_editor, log_action=True)
    client.force_login(site_editor)
    items = dashboard(client).find(id="cms_team_changes").select("li")
    lines = [li.get_text(" ", strip=True) for li in items]
    by_editor = [line for line in lines if "sheffield-editor" in line]
    assert len(by_editor) == 2
    assert by_editor[0].startswith("Language cafe") and "earlier" not in by_editor[0]
    assert "(and 3 earlier changes)" in by_editor[1]
