"""An editor submits news and a story; the moderator approves each, from the
page editor and from the dashboard, and each goes live."""

import os
import re

import pytest

from cms.models import NewsPage, StoryPage
from tests.browser.conftest import log_in
from tests.factories import PASSWORD, make_member, make_site

pytestmark = pytest.mark.django_db(transaction=True)
SHOTS = os.environ.get("SCREENSHOTS")


def shot(page, name):
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/{name}.png", full_page=True)


def submit(page, shortcut, fields):
    """From the dashboard, add a page and submit it for moderation."""
    page.goto(page.admin_url("/admin/"))
    page.get_by_role("link", name=shortcut).click()
    for name, value in fields.items():
        page.fill(f"#id_{name}", value)
    if "consent_method" in fields:
        page.check("#id_consent_web")
    page.locator("footer .w-dropdown__toggle").click()
    shot(page, "editor-form")
    page.get_by_role("button", name=re.compile("^Submit to")).click()
    page.wait_for_url("**/admin/pages/**")


def news(title):
    return {"title": title, "summary": f"What happened at {title}"}


def story(title):
    return {
        "title": title,
        "storyteller": "Amira",
        "summary": f"Amira tells of {title}",
        "consent_given_on": "2025-03-01",
        "consent_method": "Signed form",
        "consent_recorded_by": "Coordinator",
    }


def test_moderator_approves_news_and_stories_from_the_editor_and_the_dashboard(
    browser, page, site_url
):
    site = make_site(name="Sheffield", hostname="sheffield.localhost")
    editor = make_member(site, "editor")
    moderator = make_member(site, "moderator")
    page.admin_url = lambda path: site_url("localhost", path)
    log_in(page, site_url, editor.username, PASSWORD)
    submit(page, "Add news", news("The welcome meal"))
    submit(page, "Add a story", story("A new home"))
    submit(page, "Add news", news("The spring fair"))
    submit(page, "Add a story", story("Learning English"))
    shot(page, "editor-submitted")

    reviewer = browser.new_context().new_page()
    reviewer.set_default_timeout(15_000)
    log_in(reviewer, site_url, moderator.username, PASSWORD)
    for model, title in ((NewsPage, "The welcome meal"), (StoryPage, "A new home")):
        item = model.objects.get(title=title)
        assert not item.live
        reviewer.goto(site_url("localhost", f"/admin/pages/{item.pk}/edit/"))
        shot(reviewer, f"editor-approve-{item.pk}")
        reviewer.locator("footer .w-dropdown__toggle").click()
        reviewer.get_by_role("button", name="Approve", exact=True).click()
        reviewer.wait_for_url("**/admin/**")
        item.refresh_from_db()
        assert item.live and item.summary.startswith(("What", "Amira"))
        public = reviewer.context.browser.new_page()
        public.goto(
            site_url("sheffield.localhost", "/" + item.url_path.split("/", 2)[2])
        )
        assert public.get_by_role("heading", name=title).count() == 1
        public.close()

    for model, title in (
        (NewsPage, "The spring fair"),
        (StoryPage, "Learning English"),
    ):
        reviewer.goto(site_url("localhost", "/admin/"))
        row = reviewer.locator("tr", has_text=title)
        shot(reviewer, f"dashboard-{model.__name__}")
        row.get_by_role("button", name="Actions").click()
        row.get_by_role("button", name="Approve", exact=True).click()
        message = reviewer.locator(".messages")
        message.wait_for()
        assert f"'{title}' has been approved and published." in message.inner_text()
        shot(reviewer, f"dashboard-approved-{model.__name__}")
        assert model.objects.get(title=title).live
    reviewer.context.close()
