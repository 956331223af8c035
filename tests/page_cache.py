"""The shared cache the page cache tests use: Redis, a database of their own
(one per pytest-xdist worker, since emptying it empties the whole database)."""

import os

from wagtail.contrib.frontend_cache.backends.base import BaseBackend

WORKER = os.environ.get("PYTEST_XDIST_WORKER", "gw0")
REDIS_URL = f"redis://127.0.0.1:6379/{11 + int(WORKER.removeprefix('gw') or 0) % 4}"
REDIS_CACHES = {
    "default": {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": REDIS_URL,
        "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 1},
    }
}


class RecordingBackend(BaseBackend):
    """A CDN that remembers what it was asked to purge."""

    purged = []

    def purge(self, url):
        self.purged.append(url)
