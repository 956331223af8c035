import pytest

from tests.browser.conftest import log_in
from tests.factories import PASSWORD, make_member, make_site

pytestmark = pytest.mark.django_db(transaction=True)

TITLE = "Sanctuary summit in Birmingham"


def test_national_editor_publishes_network_news_that_shows_on_two_group_sites(
    page, site_url
):
    national = make_site(
        kind="national", name="City of Sanctuary", hostname="localhost"
    )
    make_site(name="Sheffield", hostname="sheffield.localhost")
    make_site(name="Bristol", hostname="bristol.localhost")
    make_site(name="Hull", hostname="hull.localhost")
    editor = make_member(national, "moderator", "national-editor")
    news_index = national.root_page.get_children().get(slug="news")

    log_in(page, site_url, editor.username, PASSWORD)
    add = f"/admin/pages/add/home/networknewspage/{news_index.pk}/"
    page.goto(site_url("localhost", add))
    page.fill("#id_title", TITLE)
    page.select_option("#id_syndication", "sites")
    page.get_by_label("Sheffield").check()
    page.get_by_label("Bristol").check()
    page.locator("button.w-dropdown__toggle").last.click()
    page.get_by_role("button", name="Publish").click()
    page.wait_for_url("**/admin/pages/**")

    visitor = page.context.browser.new_context().new_page()
    errors = []
    visitor.on("pageerror", lambda error: errors.append(str(error)))
    visitor.on("console", lambda m: m.type == "error" and errors.append(m.text))
    for hostname in ("sheffield.localhost", "bristol.localhost"):
        visitor.goto(site_url(hostname))
        link = visitor.locator(".card--network").get_by_role("link", name=TITLE)
        assert link.get_attribute("href").startswith("http://localhost")
        visitor.goto(site_url(hostname, "/news/"))
        assert visitor.locator(".card--network").get_by_role("link", name=TITLE).count()
    visitor.goto(site_url("hull.localhost"))
    assert visitor.get_by_role("link", name=TITLE).count() == 0
    visitor.context.close()
    assert errors == []
