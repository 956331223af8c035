import pytest

from django.core.cache import cache

from tests.factories import make_member, make_site, make_user
from tests.page_cache import REDIS_CACHES, RecordingBackend


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: a rolled-back test leaves cached
    site bundles behind, under counters its rollback cannot undo."""
    cache.clear()


@pytest.fixture
def national_site(db):
    return make_site(kind="national", name="City of Sanctuary", hostname="localhost")


@pytest.fixture
def group_site(db):
    return make_site(name="Sheffield", hostname="sheffield.localhost", languages=["ar"])


@pytest.fixture
def other_group_site(db):
    return make_site(name="Bristol", hostname="bristol.localhost")


@pytest.fixture
def stream_site(db):
    return make_site(
        kind="stream",
        name="Schools of Sanctuary",
        hostname="schools.localhost",
        sector="schools",
    )


@pytest.fixture
def network_admin(db):
    return make_user("network-admin", is_superuser=True, is_staff=True)


@pytest.fixture
def site_editor(group_site):
    return make_member(group_site, "editor")


@pytest.fixture
def site_moderator(group_site):
    return make_member(group_site, "moderator")


@pytest.fixture
def site_translator(group_site):
    return make_member(group_site, "translator", language="ar")


@pytest.fixture
def other_site_editor(other_group_site):
    return make_member(other_group_site, "editor")


@pytest.fixture
def shared_cache(settings):
    """The page cache on, in Redis (as production has it), emptied first."""
    settings.CACHES = REDIS_CACHES
    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()
    yield cache
    cache.clear()


@pytest.fixture
def cdn(settings):
    """A CDN in front, purged through Wagtail's frontend cache: the URLs it was
    asked to purge."""
    settings.WAGTAILFRONTENDCACHE = {
        "default": {"BACKEND": "tests.page_cache.RecordingBackend"}
    }
    RecordingBackend.purged = []
    return RecordingBackend.purged
