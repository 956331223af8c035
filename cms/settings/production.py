"""Production: gunicorn (deploy/gunicorn.conf.py) behind nginx (deploy/nginx.conf).

Environment variables read here, besides those in base.py (see docs/deploy.md):
  EMAIL_HOST, EMAIL_PORT, EMAIL_HOST_USER, EMAIL_HOST_PASSWORD, EMAIL_USE_TLS
                  the mail relay (default: localhost:25, no TLS)
  DEFAULT_FROM_EMAIL  sender of notification mails
  SECURE_SSL_REDIRECT  "0" when the proxy already redirects http to https
"""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403

if not SECRET_KEY:  # noqa: F405
    raise ImproperlyConfigured("Set the SECRET_KEY environment variable.")
# Every worker must share one cache: Wagtail keeps the sites' root paths there,
# and a per-process cache gives pages of a site provisioned in another worker no
# URL (None in links, redirects and the sitemap) until its entry expires.
if not REDIS_URL:  # noqa: F405
    raise ImproperlyConfigured(
        "Set the REDIS_URL environment variable (such as redis://127.0.0.1:6379/0): "
        "production needs one cache shared by every process."
    )

DEBUG = False
WAGTAILADMIN_BASE_URL = os.environ.get(
    "ADMIN_BASE_URL",
    f"https://{NETWORK_DOMAIN}",  # noqa: F405
).rstrip("/")
ADMIN_HOST_ONLY = True

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "1") == "1"
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Host-only cookies: a group site on a subdomain never sees the admin's session.
SESSION_COOKIE_DOMAIN = None
SESSION_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_DOMAIN = None
CSRF_COOKIE_SECURE = True
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"

EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "") == "1"
DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL",
    f"no-reply@{NETWORK_DOMAIN}",  # noqa: F405
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Errors and warnings to stderr, which gunicorn and systemd's journal collect.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
