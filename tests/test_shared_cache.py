"""One cache for every process: a site provisioned in one worker has URLs in the others.

Wagtail keeps the sites' root paths in the cache. Two real processes (as two
gunicorn workers) run on the test database: one keeps answering "the URLs of
this site's pages", the other provisions a new site in between.
"""

import json
import os
import subprocess
import sys
import uuid

import pytest

from django.conf import settings
from django.db import connection

from tests.browser.conftest import restore_migrated_data
from tests.factories import make_site

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs PostgreSQL (CI runs it)"
)
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/0")

WORKER = """
import json, sys
import django
django.setup()
from wagtail.models import Page, Site
for hostname in sys.stdin:
    site = Site.objects.get(hostname=hostname.strip())
    pages = Page.objects.descendant_of(site.root_page, inclusive=True).live()
    print(json.dumps({page.title: page.get_full_url() for page in pages}), flush=True)
"""
PROVISION = """
import django
django.setup()
from cms.network.provisioning import NewSite, provision_site
provision_site(NewSite(kind="group", name="Leeds", hostname="leeds.localhost"))
"""


def environment(settings_module):
    database = connection.settings_dict
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": settings_module,
        "SECRET_KEY": "shared-cache-test-" + "k" * 40,
        "DATABASE_URL": (
            f"postgres://{database['USER']}:{database['PASSWORD'] or ''}"
            f"@{database['HOST'] or '127.0.0.1'}:{database['PORT'] or 5432}"
            f"/{database['NAME']}"
        ),
        "REDIS_URL": REDIS_URL if settings_module.endswith("production") else "",
        "CACHE_KEY_PREFIX": f"test-{uuid.uuid4().hex}",  # runs in parallel share Redis
    }


def urls_seen_by_a_second_worker(settings_module):
    env = environment(settings_module)
    worker = subprocess.Popen(  # noqa: S603
        [sys.executable, "-c", WORKER],
        env=env,
        cwd=settings.BASE_DIR,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:

        def ask(hostname):
            worker.stdin.write(hostname + "\n")
            worker.stdin.flush()
            return json.loads(worker.stdout.readline())

        before = ask("sheffield.localhost")  # the worker caches the root paths
        subprocess.run(  # noqa: S603
            [sys.executable, "-c", PROVISION],
            env=env,
            cwd=settings.BASE_DIR,
            check=True,
        )
        return before, ask("leeds.localhost")
    finally:
        worker.stdin.close()
        worker.wait(timeout=30)


@pytest.fixture
def network(transactional_db):
    restore_migrated_data()
    make_site(name="Sheffield", hostname="sheffield.localhost")


def test_production_workers_share_the_cache_and_see_a_new_sites_urls(network):
    before, leeds = urls_seen_by_a_second_worker("cms.settings.production")
    assert before["Sheffield"] == "http://sheffield.localhost/"
    assert leeds["Leeds"] == "https://leeds.localhost/"
    assert leeds["News"] == "https://leeds.localhost/news/"
    assert None not in leeds.values() and len(leeds) >= 8


def test_a_per_process_cache_would_leave_the_new_sites_pages_without_urls(network):
    # The control: the failure the shared cache prevents is real.
    before, leeds = urls_seen_by_a_second_worker("cms.settings.base")
    assert before["Sheffield"] == "http://sheffield.localhost/"
    assert set(leeds.values()) == {None}
