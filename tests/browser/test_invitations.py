"""A moderator invites a volunteer, who opens the emailed link, chooses a
password and lands on the site's dashboard, seeing only that site."""

import re

import pytest

from django.core import mail

from tests.browser.conftest import log_in
from tests.browser.test_moderation import shot
from tests.factories import PASSWORD, make_member, make_site

pytestmark = pytest.mark.django_db(transaction=True)


def test_invited_volunteer_sets_a_password_and_lands_on_their_sites_dashboard(
    browser, page, site_url
):
    site = make_site(name="Sheffield", hostname="sheffield.localhost")
    make_site(name="Bristol", hostname="bristol.localhost")
    moderator = make_member(site, "moderator")
    log_in(page, site_url, moderator.username, PASSWORD)
    page.get_by_role("link", name="Your team").click()
    page.fill("#id_email", "amina@example.org")
    page.select_option("#id_role", "editor")
    shot(page, "invite-form")
    page.get_by_role("button", name="Send the invitation").click()
    page.locator(".messages").wait_for()
    assert "amina@example.org" in page.locator(".messages").inner_text()
    assert "amina@example.org" in page.locator(".cms-invitations").inner_text()

    (message,) = mail.outbox
    link = re.search(r"https?://\S+/admin/invitation/\S+/", message.body).group()
    volunteer = browser.new_context().new_page()
    volunteer.set_default_timeout(15_000)
    volunteer.goto(site_url("localhost", "/" + link.split("/", 3)[3]))
    assert volunteer.get_by_role("heading", name="Join Sheffield").count() == 1
    volunteer.fill("#id_username", "amina")
    volunteer.fill("#id_password1", "a-long-walk-to-the-library")
    volunteer.fill("#id_password2", "a-long-walk-to-the-library")
    shot(volunteer, "invite-accept")
    volunteer.get_by_role("button", name="Create my account").click()
    volunteer.wait_for_url(site_url("localhost", "/admin/"))
    shot(volunteer, "invite-dashboard")
    assert volunteer.locator("h1").inner_text() == "Sheffield"
    assert volunteer.locator(".cms-site-panel h2").inner_text() == "Sheffield"
    assert volunteer.get_by_role("link", name="Add news").count() == 1
    assert "Bristol" not in volunteer.locator("main").inner_text()
    volunteer.goto(site_url("localhost", "/admin/pages/"))
    assert "Bristol" not in volunteer.locator("main").inner_text()
    volunteer.context.close()
