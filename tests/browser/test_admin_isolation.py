import pytest

from cms.models import StandardPage
from tests.browser.conftest import log_in
from tests.factories import PASSWORD, make_member, make_site

pytestmark = pytest.mark.django_db(transaction=True)


def test_site_editor_sees_only_their_own_sites_pages(page, site_url):
    make_site(kind="national", name="City of Sanctuary", hostname="localhost")
    sheffield = make_site(name="Sheffield", hostname="sheffield.localhost")
    bristol = make_site(name="Bristol", hostname="bristol.localhost")
    bristol.root_page.add_child(
        instance=StandardPage(title="Bristol only plans", slug="plans", live=False)
    )
    make_member(sheffield, "editor", username="amal")

    log_in(page, site_url, "amal", PASSWORD)
    assert page.locator(".cms-site-panel h2").inner_text() == "Sheffield"

    page.goto(site_url("localhost", "/admin/pages/"))
    page.wait_for_url(f"**/admin/pages/{sheffield.root_page_id}/")
    page.locator("aside").get_by_role("button", name="Pages").click()
    explorer = page.locator(".c-page-explorer")
    explorer.get_by_role("link", name="About us", exact=True).wait_for()
    assert "Bristol" not in explorer.inner_text()
    listing = page.locator("main").inner_text()
    assert "About us" in listing and "Get involved" in listing
    assert "Bristol" not in listing

    page.goto(site_url("localhost", f"/admin/pages/{bristol.root_page_id}/"))
    page.wait_for_url(f"**/admin/pages/{sheffield.root_page_id}/")
    assert "Bristol only plans" not in page.content()

    page.goto(site_url("localhost", "/admin/pages/search/?q=plans"))
    assert "Bristol only plans" not in page.locator("main").inner_text()
