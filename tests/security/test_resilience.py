"""T16: a failing cache or a restarted database does not take pages down."""

import itertools
import queue
import socket
import threading
import time
from collections import namedtuple
from concurrent.futures import Future

import pytest
from bs4 import BeautifulSoup

from django.conf import settings
from django.core.cache import cache
from django.core.handlers.wsgi import WSGIHandler
from django.db import connection, connections
from django.test import RequestFactory, override_settings

from wagtail.models import Site

from groups.models import SupportersPage, SupportingOrganisation
from tests.browser.conftest import restore_migrated_data
from tests.factories import make_site
from tests.security.helpers import settings_module


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


# PostgreSQL restarted under load. A restart ends every server process, so each
# connection the app keeps open (CONN_MAX_AGE) dies at once; pg_terminate_backend
# does exactly that, from the test's own connection, while long-lived app threads
# (as in a threaded gunicorn worker) serve pages through Django's WSGI handler.

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs PostgreSQL (CI runs it)"
)
SHEFFIELD = "sheffield.localhost"
CSRF_SECRET = "r" * 32  # an unmasked token is accepted when it equals the cookie


Round = namedtuple("Round", "started name posted page")


class Environ(RequestFactory):
    """Builds WSGI environs instead of requests."""

    def request(self, **request):
        return self._base_environ(**request)


def serve(environ):
    """One request through the full WSGI handler, signals and middleware included."""
    statuses = []
    try:
        response = WSGIHandler()(environ, lambda status, *_: statuses.append(status))
        try:
            b"".join(response)
        finally:
            response.close()
    except Exception:  # a server error the handler could not turn into a page
        return 599
    return int(statuses[0].split()[0])


def get(path="/"):
    return serve(Environ().get(path, HTTP_HOST=SHEFFIELD))


def pledge(path, name):
    environ = Environ().post(
        path,
        {
            "name": name,
            "contact_name": "Coordinator",
            "contact_email": "pledges@example.org",
            "csrfmiddlewaretoken": CSRF_SECRET,
        },
        HTTP_HOST=SHEFFIELD,
        HTTP_COOKIE=f"{settings.CSRF_COOKIE_NAME}={CSRF_SECRET}",
    )
    return serve(environ)


class AppThread:
    """A long-lived server thread: its database connection outlives each request."""

    def __init__(self):
        self.jobs = queue.Queue()
        self.thread = threading.Thread(target=self._work, daemon=True)
        self.thread.start()

    def _work(self):
        while (job := self.jobs.get()) is not None:
            future, function = job
            try:
                future.set_result(function())
            except Exception as error:
                future.set_exception(error)
        connections.close_all()

    def run(self, function):
        future = Future()
        self.jobs.put((future, function))
        return future

    def stop(self):
        self.jobs.put(None)
        self.thread.join(timeout=10)


def backend_pid():
    return connection.connection.get_backend_pid() if connection.connection else None


def restart_database():
    """End every other server process of this database, as a restart does."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        return len(cursor.fetchall())


def on_every_thread(threads, function):
    return [future.result(timeout=30) for future in [t.run(function) for t in threads]]


@pytest.fixture
def app_threads(transactional_db):
    restore_migrated_data()
    make_site(name="Sheffield", hostname=SHEFFIELD)
    threads = [AppThread() for _ in range(4)]
    yield threads
    for thread in threads:
        thread.stop()


@postgres_only
def test_pages_are_served_again_at_once_after_the_database_drops_connections(
    app_threads,
):
    assert on_every_thread(app_threads, get) == [200] * 4
    before = on_every_thread(app_threads, backend_pid)
    assert None not in before  # each thread kept its connection open

    assert restart_database() >= 4
    started = time.monotonic()
    after_restart = on_every_thread(app_threads, get)
    elapsed = time.monotonic() - started

    assert after_restart == [200] * 4
    assert elapsed < 3
    after = on_every_thread(app_threads, backend_pid)
    assert set(after).isdisjoint(before)  # every thread reconnected


@postgres_only
def test_without_health_checks_each_thread_would_fail_once(transactional_db):
    # The control: proves the restart above really hits the app's connections.
    restore_migrated_data()
    make_site(name="Sheffield", hostname=SHEFFIELD)
    health_checks = connection.settings_dict["CONN_HEALTH_CHECKS"]
    connection.settings_dict["CONN_HEALTH_CHECKS"] = False
    threads = [AppThread() for _ in range(2)]
    try:
        assert on_every_thread(threads, get) == [200, 200]
        restart_database()
        assert on_every_thread(threads, get) == [500, 500]
        assert on_every_thread(threads, get) == [200, 200]  # closed after the error
    finally:
        for thread in threads:
            thread.stop()
        connection.settings_dict["CONN_HEALTH_CHECKS"] = health_checks


@postgres_only
def test_under_load_errors_stop_by_themselves_and_no_confirmed_submission_is_lost(
    app_threads,
):
    site = Site.objects.get(hostname=SHEFFIELD)
    supporters = SupportersPage(title="Supporters", slug="supporters")
    site.root_page.add_child(instance=supporters)
    supporters.save_revision().publish()
    path = supporters.get_url_parts()[2]
    stop = threading.Event()
    finished = []  # every round's start, from every thread: pacing on a busy machine

    def load(number):
        def work():
            log = []
            for round_ in itertools.count():
                if stop.is_set():
                    return log
                name = f"Organisation {number}-{round_}"
                started = time.monotonic()
                log.append(Round(started, name, pledge(path, name), get()))
                finished.append(started)

        return work

    def wait_for_rounds(count, after=0.0):
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if sum(started > after for started in finished) >= count:
                return
            time.sleep(0.05)

    futures = [thread.run(load(n)) for n, thread in enumerate(app_threads)]
    wait_for_rounds(8)
    restarts = [time.monotonic()]
    restart_database()
    time.sleep(0.5)
    restarts.append(time.monotonic())
    restart_database()
    wait_for_rounds(8, after=restarts[-1] + 1)
    stop.set()
    log = [entry for future in futures for entry in future.result(timeout=30)]

    confirmed = {entry.name for entry in log if entry.posted == 302}
    failed = [entry for entry in log if (entry.posted, entry.page) != (302, 200)]
    late = [entry for entry in log if entry.started > restarts[-1] + 1]
    stored = set(SupportingOrganisation.objects.values_list("name", flat=True))
    assert len(log) >= 20 and len(late) >= 8
    assert [entry for entry in late if entry in failed] == []  # errors stopped
    assert len(failed) <= 2 * len(app_threads)  # only requests caught in flight
    assert confirmed <= stored  # nothing confirmed is lost
    assert len(confirmed) >= len(log) - len(failed)
