"""A network admin moves a WordPress subsite into a new group site in the admin."""

import pytest

from wagtail.models import Site

from tests.browser.conftest import log_in
from tests.factories import PASSWORD, make_site, make_user
from tests.wordpress import EXPORT, cache_embeds, zip_uploads

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def media_served(settings):
    settings.ROOT_URLCONF = "tests.browser.media_urls"


def test_a_network_admin_imports_wordpress_into_a_new_group_site(
    page, site_url, media_served, tmp_path
):
    make_site(kind="national", name="City of Sanctuary", hostname="localhost")
    make_user("admin", is_superuser=True, is_staff=True)
    archive = zip_uploads(tmp_path / "uploads-sites-12.zip", "sites/12/")
    cache_embeds()

    log_in(page, site_url, "admin", PASSWORD)
    page.goto(site_url("localhost", "/admin/network/add/"))
    page.get_by_label("A group (a village, town, city, region or nation)").check()
    page.fill("#id_name", "Sheffield")
    page.fill("#id_hostname", "sheffield.localhost")
    page.get_by_role("button", name="Add the site").click()
    page.wait_for_url("**/members/")

    page.goto(site_url("localhost", "/admin/network/"))
    page.get_by_role("link", name="Import from WordPress into Sheffield").click()
    page.set_input_files("#id_export", EXPORT)
    page.set_input_files("#id_uploads", archive)
    page.fill("#id_mapping", "Stories=inspiration")
    page.get_by_role("button", name="Start the import").click()
    page.wait_for_url("**/wordpress/*/")
    status = page.locator(".wordpress-run__status")
    assert "Finished" in status.inner_text()
    report = page.locator(".wordpress-report")
    assert report.get_by_role("row", name="News pages 4").count() == 1
    assert report.get_by_role("row", name="Images 4").count() == 1
    assert "WordPress #201: a script dropped" in report.inner_text()
    assert "WordPress #206: in the trash, not imported" in report.inner_text()

    # The site answers on the live server's port, so its full addresses work.
    port = int(site_url("x").rsplit(":", 1)[1].strip("/"))
    sheffield = Site.objects.get(hostname="sheffield.localhost")
    sheffield.port = port
    sheffield.save()
    visitor = page.context.browser.new_context().new_page()
    dialogs = []
    visitor.on("dialog", lambda dialog: (dialogs.append(dialog), dialog.dismiss()))
    visitor.goto(site_url("sheffield.localhost", "/2019/03/15/welcome-cafe-opens/"))
    assert visitor.url.endswith("/news/welcome-cafe-opens/")
    assert visitor.get_by_role("heading", level=1).inner_text() == "Welcome café opens"
    picture = visitor.get_by_role("img", name="Volunteers serving tea at the café")
    picture.scroll_into_view_if_needed()
    visitor.wait_for_function(
        "img => img.complete && img.naturalWidth > 0", arg=picture.element_handle()
    )
    assert (
        "Tea after the language class"
        in visitor.locator("figcaption").first.inner_text()
    )
    visitor.locator("article").get_by_role("link", name="about us").click()
    visitor.wait_for_url("**/about/")
    assert "We are a group of volunteers." in visitor.locator("main").inner_text()

    visitor.goto(site_url("sheffield.localhost", "/?p=202"))
    assert visitor.url.endswith("/news/refugee-week-2020/")
    visitor.goto(site_url("sheffield.localhost", "/tag/refugee-week/"))
    assert visitor.url.endswith("/news/?tag=refugee-week")
    assert visitor.get_by_role("link", name="Refugee Week 2020").count()
    assert visitor.get_by_role("link", name="Welcome café opens").count() == 0
    response = visitor.goto(site_url("localhost", "/2019/03/15/welcome-cafe-opens/"))
    assert response.status == 404  # the national site keeps its own addresses
    assert dialogs == []
    visitor.context.close()
