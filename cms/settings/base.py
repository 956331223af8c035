"""Settings shared by every environment.

Environment variables read here:
  DATABASE_URL    database (default: an SQLite file in the checkout)
  SECRET_KEY      signing key (production refuses to start without one)
  DEBUG           "1" to turn on debug pages
  NETWORK_DOMAIN  national hostname; group sites default to <slug>.<domain>
  ALLOWED_HOSTS   extra comma-separated hostnames (custom domains)
  REDIS_URL       the cache shared by every process (production requires it);
                  local memory when unset, and then no page cache
  CACHE_KEY_PREFIX  prefix for this installation's keys in a shared Redis
  PAGE_CACHE_SECONDS  longest life of an anonymous page in the cache (600)
  CDN_CACHE_SECONDS   s-maxage for a CDN in front (0: none)
  FRONTEND_CACHE  purging of that CDN: "http" (FRONTEND_CACHE_LOCATION, such as
                  Varnish), "cloudflare" (CLOUDFLARE_API_TOKEN, CLOUDFLARE_ZONE_ID)
                  or "cloudfront" (CLOUDFRONT_DISTRIBUTION_ID);
                  FRONTEND_CACHE_HOSTNAMES limits it to those hosts
  OPENSEARCH_URL  search on OpenSearch (https://user:password@host:9200) instead
                  of PostgreSQL; OPENSEARCH_INDEX_PREFIX names its indexes
  STATIC_ROOT, MEDIA_ROOT  where collectstatic writes and uploads are kept
                  (default: staticfiles/ and media/ in the checkout)
  ADMIN_BASE_URL  the one address the admin is used on
  TRUSTED_PROXY_COUNT  reverse proxies in front of the app (default 0), for
                  the client address used by login rate limiting
  NETWORK_MAP_TILES_URL, NETWORK_MAP_ATTRIBUTION
                  tile server for the group directory map, such as
                  https://tile.example.org/{z}/{x}/{y}.png, and its credit line;
                  unset: the map shows its markers on a plain background
  MACHINE_TRANSLATION_BACKEND  "deepl", or a dotted wagtail-localize translator
                  class; unset: no machine translation
  DEEPL_API_KEY   the key for the deepl backend
  MACHINE_TRANSLATE_STORIES  "1" lets stories of sanctuary be machine
                  translated too (never by default)
"""

import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from csp.constants import NONCE, NONE, SELF

from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent

SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = os.environ.get("DEBUG", "") == "1"
NETWORK_DOMAIN = os.environ.get("NETWORK_DOMAIN", "localhost")
WAGTAILADMIN_BASE_URL = os.environ.get(
    "ADMIN_BASE_URL", f"http://{NETWORK_DOMAIN}:8000"
).rstrip("/")
# Hosts are checked by cms.middleware.SiteHostMiddleware (first in MIDDLEWARE):
# these patterns plus the hostname of every Site, so custom domains need no list.
ALLOWED_HOSTS = ["*"]
NETWORK_HOSTS = [
    NETWORK_DOMAIN,
    f".{NETWORK_DOMAIN}",
    urlsplit(WAGTAILADMIN_BASE_URL).hostname,
    *(host for host in os.environ.get("ALLOWED_HOSTS", "").split(",") if host),
]
# Redirect /admin/ requests on any other host to WAGTAILADMIN_BASE_URL.
ADMIN_HOST_ONLY = False

INSTALLED_APPS = [
    "cms",
    "axes",
    "csp",
    "home",
    "groups",
    "streams",
    "search",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    "cms.middleware.SiteHostMiddleware",
    "cms.cache.middleware.SiteDataMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "cms.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "cms.i18n.middleware.SiteLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "cms.cache.middleware.AnonymousPageCacheMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "cms.transfer.wordpress.redirects.QueryRedirectMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}", conn_max_age=60
    )
}
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", ""),
            "OPTIONS": {
                "IGNORE_EXCEPTIONS": True,  # Redis down: pages are served uncached
                "SOCKET_CONNECT_TIMEOUT": 1,
                "SOCKET_TIMEOUT": 1,
            },
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Anonymous pages kept whole in the shared cache (cms/cache), only with Redis;
# invalidated at once by every change (cms/cache/triggers.py), this is a ceiling.
PAGE_CACHE_SECONDS = (
    int(os.environ.get("PAGE_CACHE_SECONDS", "600")) if REDIS_URL else 0
)
# How long a CDN in front may keep a public page (s-maxage); 0 without a CDN.
CDN_CACHE_SECONDS = int(os.environ.get("CDN_CACHE_SECONDS", "0"))
# Purging that CDN (cms/cache/frontend.py): Wagtail's backend named by
# FRONTEND_CACHE, with its variables; FRONTEND_CACHE_HOSTNAMES limits it to hosts.
FRONTEND_CACHE_BACKENDS = {
    "http": ("HTTPBackend", {"LOCATION": "FRONTEND_CACHE_LOCATION"}),
    "cloudflare": (
        "CloudflareBackend",
        {"BEARER_TOKEN": "CLOUDFLARE_API_TOKEN", "ZONEID": "CLOUDFLARE_ZONE_ID"},
    ),
    "cloudfront": (
        "CloudfrontBackend",
        {"DISTRIBUTION_ID": "CLOUDFRONT_DISTRIBUTION_ID"},
    ),
}
FRONTEND_CACHE = os.environ.get("FRONTEND_CACHE", "")
if FRONTEND_CACHE:
    _backend, _variables = FRONTEND_CACHE_BACKENDS[FRONTEND_CACHE]
    WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": f"wagtail.contrib.frontend_cache.backends.{_backend}",
            **{name: os.environ.get(variable) for name, variable in _variables.items()},
        }
    }
    if os.environ.get("FRONTEND_CACHE_HOSTNAMES"):
        WAGTAILFRONTENDCACHE["default"]["HOSTNAMES"] = os.environ[
            "FRONTEND_CACHE_HOSTNAMES"
        ].split(",")

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "cms.middleware.client_ip"
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"django.contrib.auth.password_validation.{name}"}
    for name in (
        "UserAttributeSimilarityValidator",
        "MinimumLengthValidator",
        "CommonPasswordValidator",
        "NumericPasswordValidator",
    )
]

LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("cy", _("Welsh")),
    ("ar", _("Arabic")),
    ("fa", _("Persian")),
    ("uk", _("Ukrainian")),
    ("fr", _("French")),
    ("ckb", _("Central Kurdish")),
    ("ti", _("Tigrinya")),
]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]

STATIC_URL = "/static/"
STATIC_ROOT = os.environ.get("STATIC_ROOT") or BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = os.environ.get("MEDIA_ROOT") or BASE_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
    # Uploaded WordPress exports until their import ends: never under MEDIA_ROOT.
    "imports": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": BASE_DIR / "imports"},
    },
    # Site bundles made in the admin: private, served only by the download view.
    "exports": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": BASE_DIR / "exports"},
    },
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = "City of Sanctuary network"
# Search: PostgreSQL full-text search through Wagtail's database backend; a
# network that outgrows it sets OPENSEARCH_URL (docs/deploy.md, "Search").
OPENSEARCH_URL = os.environ.get("OPENSEARCH_URL", "")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
if OPENSEARCH_URL:
    WAGTAILSEARCH_BACKENDS["default"] = {
        "BACKEND": "wagtail.search.backends.opensearch3",
        "URLS": [OPENSEARCH_URL],
        "INDEX_PREFIX": os.environ.get("OPENSEARCH_INDEX_PREFIX", "sanctuary_"),
        "TIMEOUT": 5,
    }
# Background work (imports, exports): "background" tasks wait in the database for
# `manage.py db_worker --backend background`; Wagtail's own tasks stay immediate.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "background": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}

WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf"]
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_ALLOW_UNICODE_SLUGS = False
NETWORK_MAP_TILES_URL = os.environ.get("NETWORK_MAP_TILES_URL", "")
NETWORK_MAP_ATTRIBUTION = os.environ.get("NETWORK_MAP_ATTRIBUTION", "")
# Nothing in the admin calls out to third parties: no avatars, no update check.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False

# Public pages: only our own files, inline code only with the request's nonce.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, NONCE],
        "img-src": [SELF, "data:"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    },
}
# The admin (only there, see cms.middleware) needs Wagtail's inline code, so its
# policy reports rather than blocks; it still names no third-party host.
CONTENT_SECURITY_POLICY_REPORT_ONLY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, "'unsafe-inline'"],
        "style-src": [SELF, "'unsafe-inline'"],
        "img-src": [SELF, "data:", "blob:"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "frame-ancestors": [SELF],
        "form-action": [SELF],
    },
}
if NETWORK_MAP_TILES_URL:  # the directory map's tiles: the one outside image host
    _tiles = urlsplit(NETWORK_MAP_TILES_URL.replace("{s}", "*"))
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"].append(
        f"{_tiles.scheme}://{_tiles.netloc}"
    )

# Translation (cms/i18n). The admin speaks the languages Wagtail ships.
WAGTAILADMIN_PERMITTED_LANGUAGES = [
    (code, name)
    for code, name in LANGUAGES
    if code in {"en", "cy", "ar", "fa", "uk", "fr"}
]
MACHINE_TRANSLATORS = {
    "deepl": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
}
MACHINE_TRANSLATION_BACKEND = os.environ.get("MACHINE_TRANSLATION_BACKEND", "")
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = (
    {
        "CLASS": MACHINE_TRANSLATORS.get(
            MACHINE_TRANSLATION_BACKEND, MACHINE_TRANSLATION_BACKEND
        ),
        "OPTIONS": {"AUTH_KEY": os.environ.get("DEEPL_API_KEY", "")},
    }
    if MACHINE_TRANSLATION_BACKEND
    else None
)
# Models whose text is never sent to a machine translation service.
MACHINE_TRANSLATION_NEVER = (
    [] if os.environ.get("MACHINE_TRANSLATE_STORIES") == "1" else ["cms.StoryPage"]
)

LOGIN_URL = "wagtailadmin_login"
SITE_PORT = int(os.environ.get("SITE_PORT", "443"))

# Story safeguarding (cms/stories/safeguarding.py): an approved workflow publishes the
# revision it approved, and every edit needs approval again.
WAGTAIL_FINISH_WORKFLOW_ACTION = "cms.stories.safeguarding.publish_approved_revision"
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True

# Translated stories' safeguarding review: a translation starts as a draft, even
# of a live page, so a story's translation goes live only through its review.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
