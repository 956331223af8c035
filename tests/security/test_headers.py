"""T7, T12, T18: Content-Security-Policy and cookie headers."""

from bs4 import BeautifulSoup

from django.conf import settings
from django.test import override_settings

from tests.factories import PASSWORD
from tests.security.helpers import parse_csp, production, third_party_sources  # noqa: F401

CSP = "Content-Security-Policy"
CSP_REPORT_ONLY = "Content-Security-Policy-Report-Only"


def test_public_page_has_a_strict_nonce_policy(client, group_site):
    response = client.get("/", HTTP_HOST="sheffield.localhost")
    policy = parse_csp(response[CSP])
    style = BeautifulSoup(response.content, "html.parser").find("style")
    nonce = f"'nonce-{style['nonce']}'"
    assert policy == {
        "default-src": ["'self'"],
        "script-src": ["'self'", nonce],
        "style-src": ["'self'", nonce],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    }
    assert CSP_REPORT_ONLY not in response


def test_every_public_response_gets_a_fresh_nonce(client, group_site):
    first = parse_csp(client.get("/", HTTP_HOST="sheffield.localhost")[CSP])
    second = parse_csp(client.get("/", HTTP_HOST="sheffield.localhost")[CSP])
    assert first["style-src"][1] != second["style-src"][1]


def test_not_found_page_is_under_the_strict_policy_too(client, group_site):
    response = client.get("/no-such-page/", HTTP_HOST="sheffield.localhost")
    assert response.status_code == 404
    assert parse_csp(response[CSP])["script-src"][0] == "'self'"


def test_admin_only_reports_against_its_policy(client, site_editor):
    client.force_login(site_editor)
    response = client.get("/admin/")
    assert response.status_code == 200
    assert CSP not in response
    policy = parse_csp(response[CSP_REPORT_ONLY])
    assert policy["default-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]


def test_no_policy_allows_a_third_party_host(client, group_site, site_editor):
    public = client.get("/", HTTP_HOST="sheffield.localhost")
    client.force_login(site_editor)
    admin = client.get("/admin/")
    for header in (public[CSP], admin[CSP_REPORT_ONLY]):
        assert third_party_sources(parse_csp(header)) == []
    assert "connect-src" not in parse_csp(public[CSP])  # falls back to 'self'


def test_admin_makes_no_calls_to_third_parties():
    assert settings.WAGTAIL_GRAVATAR_PROVIDER_URL is None
    assert settings.WAGTAIL_ENABLE_UPDATE_CHECK is False


def test_production_cookies_are_host_only_secure_httponly_and_samesite(
    client,
    site_editor,
    production,  # noqa: F811
):
    cookie_settings = {
        name: getattr(production, name)
        for name in dir(production)
        if name.startswith(("SESSION_COOKIE_", "CSRF_COOKIE_"))
    }
    with override_settings(**cookie_settings):
        login_form = client.get("/admin/login/", secure=True)
        logged_in = client.post(
            "/admin/login/",
            {"username": site_editor.username, "password": PASSWORD},
            secure=True,
        )
    assert logged_in.status_code == 302
    cookies = [login_form.cookies["csrftoken"], logged_in.cookies["sessionid"]]
    for cookie in cookies:
        assert cookie["domain"] == ""
        assert cookie["secure"] is True
        assert cookie["httponly"] is True
        assert cookie["samesite"] == "Lax"


def test_production_sends_hsts_and_nosniff(client, group_site, production):  # noqa: F811
    names = ["SECURE_HSTS_SECONDS", "SECURE_HSTS_INCLUDE_SUBDOMAINS"]
    names += ["SECURE_HSTS_PRELOAD", "SECURE_CONTENT_TYPE_NOSNIFF", "X_FRAME_OPTIONS"]
    with override_settings(**{name: getattr(production, name) for name in names}):
        response = client.get("/", HTTP_HOST="sheffield.localhost", secure=True)
    assert response["Strict-Transport-Security"] == (
        "max-age=31536000; includeSubDomains; preload"
    )
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
