"""The shared cache the page cache tests use: Redis, a database of their own
(one per pytest-xdist worker, since emptying it empties the whole database)."""

import os

import pytest

from django.core.cache import cache

WORKER = os.environ.get("PYTEST_XDIST_WORKER", "gw0")
REDIS_URL = f"redis://127.0.0.1:6379/{11 + int(WORKER.removeprefix('gw') or 0) % 4}"
REDIS_CACHES = {
    "default": {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": REDIS_URL,
        "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 1},
    }
}


@pytest.fixture
def shared_cache(settings):
    """The page cache on, in Redis (as production has it), emptied first."""
    settings.CACHES = REDIS_CACHES
    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()
    yield cache
    cache.clear()
