#!/usr/bin/env python3
"""CI: the production path as an operator runs it, on loopback.

collectstatic and gunicorn under cms.settings.production, behind deploy/nginx.conf
(TLS on a throwaway certificate), on PostgreSQL and Redis; then what a visitor
and an attacker notice: two sites' home pages, a static file served by nginx,
the admin login page, a 400 for an unknown host, https only, security headers
and cookies, the upload limit. Servers listen on 127.0.0.1 on free ports and
stop at the end.

Environment: POSTGRES_SERVER_URL (default postgres://postgres@127.0.0.1:5432),
REDIS_URL (default redis://127.0.0.1:6379/0).
"""

import http.client
import os
import re
import secrets
import ssl
import sys
import time
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.stack import ROOT, Stack  # noqa: E402

DOMAIN = "sanctuary.test"
PREPARE = f"""
from cms.network.provisioning import NewSite, provision_site
provision_site(NewSite(kind="national", name="City of Sanctuary", hostname="{DOMAIN}"))
provision_site(NewSite(kind="group", name="Sheffield", hostname="sheffield.{DOMAIN}"))
"""
TLS = ssl.create_default_context()
TLS.check_hostname = False
TLS.verify_mode = ssl.CERT_NONE  # the throwaway certificate of this run


class Page(HTMLParser):
    """The first h1's text, the stylesheets and the form fields of a page."""

    def __init__(self, html):
        super().__init__()
        self.h1, self.stylesheets, self.inputs, self._in_h1 = None, [], set(), False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "h1" and self.h1 is None:
            self._in_h1, self.h1 = True, ""
        elif tag == "link" and attrs.get("rel") == "stylesheet":
            self.stylesheets.append(attrs["href"])
        elif tag == "input":
            self.inputs.add(attrs.get("name"))

    def handle_endtag(self, tag):
        if tag == "h1":
            self._in_h1 = False

    def handle_data(self, data):
        if self._in_h1:
            self.h1 += data


class Response:
    def __init__(self, response):
        self.status = response.status
        self.headers = response.getheaders()
        self.body = response.read()

    def header(self, name):
        values = [v for k, v in self.headers if k.lower() == name.lower()]
        return values[0] if values else None

    def cookies(self):
        return [v for k, v in self.headers if k.lower() == "set-cookie"]

    def page(self):
        return Page(self.body.decode())


def request(port, host, path, tls=True, method="GET", body=None):
    if tls:
        connection = http.client.HTTPSConnection(
            "127.0.0.1", port, context=TLS, timeout=30
        )
    else:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request(method, path, body=body, headers={"Host": host})
        return Response(connection.getresponse())
    finally:
        connection.close()


def check(condition, what):
    if not condition:
        raise SystemExit(f"production path: FAILED: {what}")
    print(f"  ok  {what}")


def main():
    started = time.monotonic()
    server_url = os.environ.get(
        "POSTGRES_SERVER_URL", "postgres://postgres@127.0.0.1:5432"
    )
    with Stack("production") as stack:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "cms.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "NETWORK_DOMAIN": DOMAIN,
            "DATABASE_URL": stack.database(server_url, PREPARE),
            "REDIS_URL": os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0"),
            "CACHE_KEY_PREFIX": f"ci-production-{os.getpid()}",
            "STATIC_ROOT": str(stack.dir / "static"),
            "MEDIA_ROOT": str(stack.dir / "media"),
            "TRUSTED_PROXY_COUNT": "1",
            "GUNICORN_ACCESS_LOG": "-",
        }
        env.pop("DEBUG", None)
        stack.manage(env, "migrate", "--noinput", "-v0")
        stack.manage(env, "collectstatic", "--noinput", "-v0")
        print(f"migrate and collectstatic: {time.monotonic() - started:.0f} s")
        app = stack.gunicorn(env, workers=2)
        proxy = stack.nginx(app.port, stack.dir / "static", stack.dir / "media")
        https = proxy.https

        national = request(https, DOMAIN, "/")
        check(national.status == 200, f"national home: {national.status}")
        check(national.page().h1 == "City of Sanctuary", "national home's heading")
        group = request(https, f"sheffield.{DOMAIN}", "/")
        check(group.status == 200 and group.page().h1 == "Sheffield", "group home")

        check(
            national.header("Strict-Transport-Security")
            == "max-age=31536000; includeSubDomains; preload",
            "HSTS for a year, subdomains included",
        )
        check(national.header("X-Content-Type-Options") == "nosniff", "nosniff")
        check(national.header("X-Frame-Options") == "DENY", "framing refused")
        check(national.header("Referrer-Policy") == "same-origin", "referrer policy")
        policy = national.header("Content-Security-Policy") or ""
        check("default-src 'self'" in policy and "'nonce-" in policy, "strict CSP")
        check(national.header("Server") == "nginx", "no server version disclosed")

        stylesheet = next(
            href for href in national.page().stylesheets if "site" in href
        )
        check(
            re.fullmatch(r"/static/css/site\.[0-9a-f]{12}\.css", stylesheet),
            "hashed static name",
        )
        static = request(https, DOMAIN, stylesheet)
        check(static.status == 200 and b"{" in static.body, f"static file {stylesheet}")
        check(
            static.header("Cache-Control") == "public, max-age=31536000, immutable",
            "static cached for a year",
        )
        check(
            "/static/" not in (stack.dir / "gunicorn.log").read_text(),
            "static files served by nginx",
        )
        check(
            request(https, DOMAIN, "/media/original_images/x.jpg").status == 404,
            "original images not served",
        )

        login = request(https, DOMAIN, "/admin/login/")
        check(
            login.status == 200 and "password" in login.page().inputs,
            "admin login page",
        )
        csrf = [c for c in login.cookies() if c.startswith("csrftoken=")]
        check(len(csrf) == 1, "login page sets the CSRF cookie")
        attributes = {a.strip().split("=")[0].lower() for a in csrf[0].split(";")[1:]}
        check(
            {"secure", "httponly", "samesite"} <= attributes,
            "cookie Secure, HttpOnly, SameSite",
        )
        check("domain" not in attributes, "cookie host-only (no Domain)")
        check("samesite=lax" in csrf[0].lower(), "cookie SameSite=Lax")
        elsewhere = request(https, f"sheffield.{DOMAIN}", "/admin/login/")
        check(
            elsewhere.status == 301
            and elsewhere.header("Location") == f"https://{DOMAIN}/admin/login/",
            "admin only on its own host",
        )

        unknown = request(https, "attacker.example", "/")
        check(unknown.status == 400, f"unknown host refused: {unknown.status}")
        plain = request(proxy.http, f"sheffield.{DOMAIN}", "/about/?a=1", tls=False)
        check(
            plain.status == 301
            and plain.header("Location") == f"https://sheffield.{DOMAIN}/about/?a=1",
            "http redirected to https",
        )
        oversize = request(
            https, DOMAIN, "/admin/login/", method="POST", body=b"x" * (13 << 20)
        )
        check(oversize.status == 413, "uploads over 12 MB refused by nginx")
    print(f"production path works ({time.monotonic() - started:.0f} s)")


if __name__ == "__main__":
    main()
