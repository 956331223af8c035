"""`make bench`: public pages under gunicorn with wrk, and search latency.

On the benchmark network (bench/network.py: 100+ sites, 10,000+ pages, its own
PostgreSQL database, built once and reused), prints in one run:
- for each page type, requests per second and p50/p99 latency under gunicorn
  (2 workers, production settings) with wrk at concurrency 8, uncached and
  cached, beside a bare WSGI app returning the same bytes (the machine's
  yardstick), the ratio of each to it, and SQL queries per page;
- search latency per site and on the national site (Django's test client).
Servers listen on 127.0.0.1 only and stop at the end (bench/stack.py).
"""

import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault(
    "DATABASE_URL", "postgres://postgres@127.0.0.1:5432/sanctuary_bench"
)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")

from bench import web  # noqa: E402
from bench.network import QUERIES, build_network, create_database  # noqa: E402

TEXT_INDEX = "search_indexentry_text_gin"


def timings(client, requests):
    times = []
    for host, params in requests:
        started = time.perf_counter()
        response = client.get(
            "/search/", params, HTTP_HOST=f"{host}:8000", SERVER_PORT="8000"
        )
        times.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            raise RuntimeError(f"{host} {params}: {response.status_code}")
    return times


def report(label, times, target):
    times = sorted(times)
    p95 = times[max(0, round(len(times) * 0.95) - 1)]
    print(
        f"{label:<28} n={len(times):<4} median {statistics.median(times):6.1f} ms"
        f"   p95 {p95:6.1f} ms   max {times[-1]:6.1f} ms"
        f"   (target p95 < {target} ms: {'met' if p95 < target else 'NOT met'})"
    )


def search_latencies(indexes):
    from django.test import Client

    from wagtail.models import Site

    rng = random.Random(7)
    hosts = list(
        Site.objects.exclude(hostname="localhost").values_list("hostname", flat=True)
    )
    client = Client()
    timings(client, [("localhost", {"q": q}) for q in QUERIES])  # warm up
    local = [(rng.choice(hosts), {"q": q}) for q in QUERIES for _ in range(10)]
    national = [("localhost", {"q": q}) for q in QUERIES for _ in range(3)]
    filtered = [
        ("localhost", {"q": q, **extra})
        for q in QUERIES
        for extra in (
            {"kind": "group"},
            {"page_type": "cms.newspage"},
            {"language": ""},
            {"page": "3"},
        )
    ]
    print(f"\nSearch, {indexes} (Django's test client, one at a time):")
    report("per-site search", timings(client, local), 50)
    report("national search", timings(client, national), 150)
    report("national search, filtered", timings(client, filtered), 150)


def main():
    create_database()
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection, transaction

    from wagtail.models import Page, Site

    call_command("migrate", verbosity=0)
    build_network()
    print(f"Network: {Site.objects.count()} sites, {Page.objects.count()} pages.")
    queries = web.query_counts()
    connection.close()
    figures, sizes = web.page_loads(
        os.environ["DATABASE_URL"], cached=hasattr(settings, "PAGE_CACHE_SECONDS")
    )
    web.print_table(figures, sizes, queries)
    with transaction.atomic():  # the index dropped for this run only
        with connection.cursor() as cursor:
            cursor.execute(f"DROP INDEX IF EXISTS {TEXT_INDEX}")
        search_latencies("Wagtail's indexes only (before)")
        transaction.set_rollback(True)
    search_latencies(f"{TEXT_INDEX} too (search/migrations/0002)")


if __name__ == "__main__":
    main()
