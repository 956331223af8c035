"""T16: a failing cache or a dropped database connection does not take pages down."""

import socket
import time

from bs4 import BeautifulSoup

from django.conf import settings
from django.core.cache import cache
from django.test import override_settings

from tests.security import settings_module


def closed_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_pages_are_served_while_the_cache_server_is_down(
    client, group_site, monkeypatch
):
    redis_down = f"redis://127.0.0.1:{closed_port()}/0"
    caches = settings_module("base", monkeypatch, REDIS_URL=redis_down).CACHES
    assert caches["default"]["BACKEND"] == "django_redis.cache.RedisCache"
    with override_settings(CACHES=caches):
        cache.set("probe", "stored")
        assert cache.get("probe") is None  # the cache really is unreachable
        started = time.monotonic()
        home = client.get("/", HTTP_HOST="sheffield.localhost")
        about = client.get("/about/", HTTP_HOST="sheffield.localhost")
        unknown = client.get("/", HTTP_HOST="attacker.example")
        elapsed = time.monotonic() - started
    assert home.status_code == 200
    assert BeautifulSoup(home.content, "html.parser").h1.get_text() == "Sheffield"
    assert about.status_code == 200
    assert unknown.status_code == 400
    assert elapsed < 5


def test_database_connections_are_checked_before_reuse():
    database = settings.DATABASES["default"]
    assert database["CONN_HEALTH_CHECKS"] is True
    assert database["CONN_MAX_AGE"] > 0
