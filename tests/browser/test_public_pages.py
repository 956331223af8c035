import pytest

from tests.factories import make_site

pytestmark = pytest.mark.django_db(transaction=True)


def test_national_and_group_home_render_as_different_sites(page, site_url):
    make_site(kind="national", name="City of Sanctuary", hostname="localhost")
    make_site(name="Sheffield", hostname="sheffield.localhost")

    page.goto(site_url("localhost"))
    assert page.locator("h1").inner_text() == "City of Sanctuary"
    assert page.locator(".site-name").inner_text() == "City of Sanctuary"

    page.goto(site_url("sheffield.localhost"))
    assert page.locator("h1").inner_text() == "Sheffield"
    assert page.locator(".site-name").inner_text() == "Sheffield"
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.console_errors == []
