"""Load and fault drill (`make drill`): the production stack under 50 visitors.

Runs its own PostgreSQL cluster and Redis (throwaway, free ports), gunicorn
with production settings behind deploy/nginx.conf, all on 127.0.0.1, then:
1. load: 50 concurrent visitors for LOAD_SECONDS (60) over a mix of pages,
   0 errors;
2. PostgreSQL restarted under that load while pledges are being written:
   errors stop by themselves within 5 s, and every pledge the site confirmed
   is in the database;
3. Redis stopped under load: pages are still served (uncached), 0 errors.
Every loop is bounded by time; the servers stop at the end. Exit status 1
if any of these fails.
"""

import contextlib
import http.client
import os
import random
import re
import secrets
import ssl
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.stack import PG_BIN, Stack, connect  # noqa: E402

VISITORS = 50
LOAD_SECONDS = int(os.environ.get("LOAD_SECONDS", "60"))
FAULT_SECONDS = 20
RECOVERY_LIMIT = 5.0
DOMAIN = "sanctuary.test"
PREPARE = f"""
from wagtail.models import Site
from cms.models import NewsIndexPage, NewsPage
from cms.network.provisioning import NewSite, provision_site
from groups.models import SupportersPage
provision_site(NewSite(kind="national", name="City of Sanctuary", hostname="{DOMAIN}"))
for name in ("Sheffield", "Leeds"):
    hostname = name.lower() + ".{DOMAIN}"
    site = provision_site(NewSite(kind="group", name=name, hostname=hostname))
    supporters = SupportersPage(title="Supporters", slug="supporters")
    site.root_page.add_child(instance=supporters)
    supporters.save_revision().publish()
    index = NewsIndexPage.objects.child_of(site.root_page).get()
    for number in range(5):
        news = NewsPage(
            title=f"Welcome walk {{number}}", slug=f"walk-{{number}}", summary="A walk."
        )
        index.add_child(instance=news)
        news.save_revision().publish()
"""
PAGES = [
    (DOMAIN, "/"),
    (DOMAIN, "/search/?q=welcome"),
    (f"sheffield.{DOMAIN}", "/"),
    (f"sheffield.{DOMAIN}", "/about/"),
    (f"sheffield.{DOMAIN}", "/news/"),
    (f"sheffield.{DOMAIN}", "/news/walk-1/"),
    (f"sheffield.{DOMAIN}", "/supporters/"),
    (f"sheffield.{DOMAIN}", "/search/?q=walk"),
    (f"leeds.{DOMAIN}", "/"),
    (f"leeds.{DOMAIN}", "/events/"),
    (f"leeds.{DOMAIN}", "/news/walk-2/"),
]
TLS = ssl.create_default_context()
TLS.check_hostname = False
TLS.verify_mode = ssl.CERT_NONE  # the throwaway certificate of this run


@dataclass
class Log:
    """(time, status, milliseconds) of every request; status 0: no response."""

    entries: list = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, started, status):
        with self.lock:
            self.entries.append((started, status, (time.monotonic() - started) * 1000))

    def between(self, start, end):
        return [entry for entry in self.entries if start <= entry[0] < end]


class Visitor:
    """One visitor with a keep-alive connection to nginx."""

    def __init__(self, port):
        self.port, self.connection = port, None

    def request(self, host, path, method="GET", body=None, headers=None):
        """(status, headers, body); (0, {}, b"") when the connection failed."""
        for _attempt in range(2):  # a kept-alive connection may have been closed
            if self.connection is None:
                self.connection = http.client.HTTPSConnection(
                    "127.0.0.1", self.port, context=TLS, timeout=40
                )
            try:
                self.connection.request(
                    method, path, body=body, headers={"Host": host, **(headers or {})}
                )
                response = self.connection.getresponse()
                return response.status, dict(response.getheaders()), response.read()
            except (OSError, http.client.HTTPException):
                self.connection.close()
                self.connection = None
        return 0, {}, b""


def browse(port, log, until, seed):
    rng = random.Random(seed)
    visitor = Visitor(port)
    while time.monotonic() < until:
        host, path = rng.choice(PAGES)
        started = time.monotonic()
        status, _headers, _body = visitor.request(host, path)
        log.add(started, status)


def pledge(port, log, confirmed, until, number):
    """Pledges on Sheffield's supporters page, as a visitor fills the form."""
    visitor = Visitor(port)
    host, path = f"sheffield.{DOMAIN}", "/supporters/"
    for round_ in range(100_000):
        if time.monotonic() >= until:
            return
        started = time.monotonic()
        status, headers, body = visitor.request(host, path)
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body)
        cookie = re.search(r"csrftoken=([^;]+)", headers.get("Set-Cookie", ""))
        if status != 200 or not token or not cookie:
            log.add(started, status or 0)
            time.sleep(0.1)
            continue
        name = f"Drill organisation {number}-{round_}"
        form = {
            "csrfmiddlewaretoken": token.group(1).decode(),
            "name": name,
            "contact_name": "Coordinator",
            "contact_email": "pledges@example.org",
        }
        status, _headers, _body = visitor.request(
            host,
            path,
            method="POST",
            body=urlencode(form),
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "Cookie": f"csrftoken={cookie.group(1)}",
                "Referer": f"https://{host}{path}",
                "Origin": f"https://{host}",
            },
        )
        log.add(started, status)
        if status == 302:
            confirmed.append(name)


def run_load(port, seconds, writers=0, during=None):
    """VISITORS browsing (and `writers` of them pledging) for `seconds`."""
    log, confirmed = Log(), []
    until = time.monotonic() + seconds
    threads = [
        threading.Thread(target=browse, args=(port, log, until, n))
        for n in range(VISITORS - writers)
    ] + [
        threading.Thread(target=pledge, args=(port, log, confirmed, until, n))
        for n in range(writers)
    ]
    for thread in threads:
        thread.start()
    marks = during() if during else {}
    for thread in threads:
        thread.join(timeout=seconds + 60)
    return log, confirmed, marks


def summary(label, log):
    entries = log.entries
    times = sorted(entry[2] for entry in entries)
    errors = [entry for entry in entries if entry[1] not in (200, 302)]
    span = (max(e[0] for e in entries) - min(e[0] for e in entries)) or 1
    p50, p99 = times[len(times) // 2], times[int(len(times) * 0.99)]
    print(
        f"{label:<34} {len(entries):>6} requests  {len(entries) / span:6.0f} req/s"
        f"  p50 {p50:6.0f} ms  p99 {p99:6.0f} ms  errors {len(errors)}"
    )
    return errors


def main():
    failures = []
    with Stack("drill") as stack:
        print("Starting PostgreSQL, Redis, gunicorn and nginx on 127.0.0.1 ...")
        cluster = stack.postgres_cluster()
        shared = os.environ.get(
            "POSTGRES_SERVER_URL", "postgres://postgres@127.0.0.1:5432"
        )
        source = stack.database(shared, PREPARE, label="drill")
        copy_database(source, cluster.url, "sanctuary")
        redis = stack.redis()
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "cms.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "NETWORK_DOMAIN": DOMAIN,
            "DATABASE_URL": f"{cluster.url}/sanctuary",
            "REDIS_URL": redis.url,
            "STATIC_ROOT": str(stack.dir / "static"),
            "MEDIA_ROOT": str(stack.dir / "media"),
            "TRUSTED_PROXY_COUNT": "1",
        }
        env.pop("DEBUG", None)
        stack.manage(env, "collectstatic", "--noinput", "-v0")
        app = stack.gunicorn(env, workers=int(os.environ.get("WEB_CONCURRENCY", "5")))
        proxy = stack.nginx(app.port, stack.dir / "static", stack.dir / "media")
        port = proxy.https
        run_load(port, 3)  # warm every worker

        print(
            f"\n{VISITORS} concurrent visitors over {len(PAGES)} pages, through nginx:"
        )
        log, _, _ = run_load(port, LOAD_SECONDS)
        if summary(f"load, {LOAD_SECONDS} s", log):
            failures.append("errors under plain load")

        def restart_postgres():
            time.sleep(5)
            started = time.monotonic()
            cluster.restart()
            return {"restart": started, "up": time.monotonic()}

        log, confirmed, marks = run_load(
            port, FAULT_SECONDS, writers=5, during=restart_postgres
        )
        errors = summary("PostgreSQL restarted under load", log)
        restart = marks["restart"]
        caught = [e for e in errors if e[0] + e[2] / 1000 >= restart]
        last_error = max((e[0] + e[2] / 1000 for e in caught), default=restart)
        recovered = last_error - restart
        after = log.between(restart + RECOVERY_LIMIT, float("inf"))
        print(
            f"  restart took {marks['up'] - restart:.1f} s; {len(caught)} errors "
            f"from it, the last {recovered:.1f} s after it began; "
            f"{len(after)} requests from {RECOVERY_LIMIT:.0f} s on, errors "
            f"{sum(entry[1] not in (200, 302) for entry in after)}"
        )
        if len(caught) < len(errors):
            failures.append(f"{len(errors) - len(caught)} errors before the restart")
        if recovered > RECOVERY_LIMIT or not after:
            failures.append(f"errors went on {recovered:.1f} s after the restart")
        stored = stored_names(f"{cluster.url}", "sanctuary")
        lost = set(confirmed) - stored
        print(
            f"  pledges confirmed {len(confirmed)}, stored {len(stored)}, "
            f"lost {len(lost)}"
        )
        if lost or not confirmed:
            failures.append(f"{len(lost)} confirmed pledges lost")

        def stop_redis():
            time.sleep(3)
            redis.process.terminate()
            redis.process.wait(timeout=10)
            return {"stopped": time.monotonic()}

        log, _, marks = run_load(port, FAULT_SECONDS, during=stop_redis)
        summary("Redis stopped under load", log)
        before = Log(log.between(0, marks["stopped"]))
        without = Log(log.between(marks["stopped"], float("inf")))
        summary("  before Redis stopped", before)
        if summary("  after Redis stopped (uncached)", without) or not without.entries:
            failures.append("errors without Redis")
    if failures:
        print("\nDrill FAILED: " + "; ".join(failures))
        sys.exit(1)
    print("\nDrill passed.")


def copy_database(source_url, cluster_url, name):
    """pg_dump of the prepared database on the shared server into our cluster."""
    server = connect(cluster_url)
    with server.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    server.close()
    dump = subprocess.Popen(
        [PG_BIN / "pg_dump", "--no-owner", source_url], stdout=subprocess.PIPE
    )
    subprocess.run(
        [PG_BIN / "psql", "-q", "-v", "ON_ERROR_STOP=1", f"{cluster_url}/{name}"],
        stdin=dump.stdout,
        stdout=subprocess.DEVNULL,
        check=True,
    )
    if dump.wait() != 0:
        raise RuntimeError("pg_dump failed")


def stored_names(cluster_url, name):
    with (
        contextlib.closing(connect(cluster_url, name)) as database,
        database.cursor() as cursor,
    ):
        cursor.execute("SELECT name FROM groups_supportingorganisation")
        return {row[0] for row in cursor.fetchall()}


if __name__ == "__main__":
    main()
