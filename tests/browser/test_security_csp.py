"""T7: the Content-Security-Policy as Chromium applies it."""

import pytest

from tests.browser.conftest import log_in
from tests.factories import PASSWORD, make_member, make_site

pytestmark = pytest.mark.django_db(transaction=True)


PAYLOAD = '"><script>alert(1)</script><img src=x onerror=alert(2)>'
INJECT_INLINE_SCRIPT = """() => new Promise(resolve => {
    document.addEventListener("securitypolicyviolation",
        event => resolve(event.effectiveDirective));
    const script = document.createElement("script");
    script.textContent = "window.injected = true";
    document.body.append(script);
    setTimeout(() => resolve("not blocked"), 2000);
})"""


def test_public_page_applies_its_own_style_and_blocks_injected_script(page, site_url):
    site = make_site(name="Sheffield", hostname="sheffield.localhost")
    identity = site.siteidentity
    identity.accent_colour = "#aa3300"
    identity.save()
    page.goto(site_url("sheffield.localhost"))
    header = page.locator(".site-header")
    assert header.evaluate("e => getComputedStyle(e).backgroundColor") == (
        "rgb(170, 51, 0)"
    )
    assert page.console_errors == []
    assert page.evaluate(INJECT_INLINE_SCRIPT) == "script-src-elem"
    assert page.evaluate("() => window.injected") is None
    assert ["Content Security Policy" in e for e in page.console_errors] == [True]


def test_payload_in_a_title_opens_no_dialog(page, site_url):
    site = make_site(name="Sheffield", hostname="sheffield.localhost")
    home = site.root_page.specific
    home.title = PAYLOAD
    home.save_revision().publish()
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(site_url("sheffield.localhost"))
    assert page.locator("h1").inner_text() == PAYLOAD
    assert dialogs == []


def test_admin_runs_under_its_report_only_policy_without_violations(page, site_url):
    site = make_site(name="Sheffield", hostname="sheffield.localhost")
    editor = make_member(site, "editor")
    log_in(page, site_url, editor.username, PASSWORD)
    page.goto(site_url("localhost", f"/admin/pages/{site.root_page_id}/"))
    assert page.locator("h1").first.is_visible()
    response = page.goto(site_url("localhost", "/admin/images/"))
    assert page.locator("h1").first.is_visible()
    assert "content-security-policy-report-only" in response.headers
    violations = [e for e in page.console_errors if "Content Security Policy" in e]
    assert violations == []
