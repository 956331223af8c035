"""Search latency on a large network: 100+ sites, 10,000+ pages, PostgreSQL.

Builds the network once in its own database (DATABASE_URL, default
postgres://postgres@127.0.0.1:5432/sanctuary_bench), reuses it afterwards,
then times /search/ per site and on the national site with Django's client.
"""

import datetime
import json
import os
import random
import statistics
import sys
import time
import uuid
from pathlib import Path
from urllib.parse import urlparse

from django.db import connection, transaction

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault(
    "DATABASE_URL", "postgres://postgres@127.0.0.1:5432/sanctuary_bench"
)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")

SITES = 100
PAGES_PER_SITE = 100
WORDS = [
    "welcome",
    "sanctuary",
    "refugee",
    "asylum",
    "meal",
    "language",
    "café",
    "choir",
    "school",
    "library",
    "volunteer",
    "award",
    "garden",
    "football",
    "theatre",
    "music",
    "story",
    "friendship",
    "walk",
    "festival",
    "kitchen",
    "newcomers",
    "English",
    "lessons",
    "bicycle",
    "repair",
    "council",
    "pledge",
    "university",
    "college",
    "maternity",
    "health",
    "faith",
    "art",
    "exhibition",
    "summit",
    "week",
]
QUERIES = [
    "welcome",
    "language café",
    "refugee week",
    "choir",
    "football festival",
    "volunteer garden kitchen",
    "maternity health",
    "sanctuary",
    "bicycle",
    "xylophone",
]


def create_database():
    import psycopg2

    url = urlparse(os.environ["DATABASE_URL"])
    name = url.path.lstrip("/")
    server = psycopg2.connect(
        host=url.hostname,
        port=url.port or 5432,
        user=url.username,
        password=url.password,
        dbname="postgres",
    )
    server.autocommit = True
    with server.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if not cursor.fetchone():
            cursor.execute(f'CREATE DATABASE "{name}"')
    server.close()


def vocabulary():
    """3,000 made-up words, with the domain words spread from common to rare."""
    rng = random.Random(1)
    syllables = ["ka", "lo", "mi", "ren", "sa", "tu", "vel", "do", "ne", "pri", "ash"]
    words = {"".join(rng.choices(syllables, k=3)) for _ in range(6000)}
    words = sorted(words)[:3000]
    for rank, word in enumerate(WORDS):
        words.insert(rank * 60, word)
    weights = [1 / (rank + 1) for rank in range(len(words))]
    return words, weights


VOCABULARY = vocabulary()


def sentence(rng, length):
    words = rng.choices(*VOCABULARY, k=length)
    return " ".join(words).capitalize() + "."


def build_network():
    from django.core.management import call_command

    from wagtail.models import Site

    from cms.models import NewsPage
    from cms.network.provisioning import NewSite, provision_site

    if Site.objects.count() > SITES and NewsPage.objects.count() >= SITES * 100:
        print("Reusing the network already built.")
        return
    rng = random.Random(2005)
    started = time.perf_counter()
    if not Site.objects.filter(hostname="localhost").exists():
        national = NewSite(
            kind="national", name="City of Sanctuary", hostname="localhost"
        )
        provision_site(national)
    for number in range(Site.objects.count() - 1, SITES):
        kind = "stream" if number % 10 == 0 else "group"
        request = NewSite(
            kind=kind,
            name=f"Bench {number}",
            hostname=f"bench-{number}.localhost",
            facts={"sector": "schools"} if kind == "stream" else {},
        )
        add_news(provision_site(request), rng)
        print(f"  site {number + 1}/{SITES}", end="\r", flush=True)
    print(f"Built the network in {time.perf_counter() - started:.0f} s.")
    started = time.perf_counter()
    call_command("update_index", verbosity=0)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    print(f"update_index and ANALYZE took {time.perf_counter() - started:.0f} s.")


@transaction.atomic
def add_news(site, rng):
    """PAGES_PER_SITE news pages under the site's news index, in two bulk inserts.

    Django cannot bulk-create multi-table models, so the page rows go in
    through the ORM and the news rows with one executemany.
    """
    from django.contrib.contenttypes.models import ContentType
    from django.utils import timezone

    from wagtail.models import Page

    from cms.models import NewsIndexPage, NewsPage

    index = NewsIndexPage.objects.descendant_of(site.root_page).get()
    content_type = ContentType.objects.get_for_model(NewsPage)
    now = timezone.now()
    pages = []
    for number in range(1, PAGES_PER_SITE + 1):
        title = sentence(rng, 4)
        published = now - datetime.timedelta(days=rng.randrange(2000))
        pages.append(
            Page(
                path=Page._get_path(index.path, index.depth + 1, number),
                depth=index.depth + 1,
                numchild=0,
                title=title,
                draft_title=title,
                slug=f"news-{number}",
                url_path=f"{index.url_path}news-{number}/",
                content_type=content_type,
                locale_id=index.locale_id,
                live=True,
                first_published_at=published,
                last_published_at=published,
            )
        )
    Page.objects.bulk_create(pages)
    Page.objects.filter(pk=index.pk).update(numchild=PAGES_PER_SITE)
    rows = [
        (
            page.pk,
            sentence(rng, 20),
            page.first_published_at.date(),
            json.dumps(
                [
                    {
                        "type": "paragraph",
                        "value": f"<p>{sentence(rng, 80)}</p>",
                        "id": str(uuid.uuid4()),
                    }
                ]
            ),
        )
        for page in pages
    ]
    table = NewsPage._meta.db_table
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {table} (page_ptr_id, summary, date, body) "  # noqa: S608
            "VALUES (%s, %s, %s, %s)",
            rows,
        )


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


def report(label, times):
    times = sorted(times)
    p95 = times[max(0, round(len(times) * 0.95) - 1)]
    print(
        f"{label:<28} n={len(times):<4} median {statistics.median(times):6.1f} ms"
        f"   p95 {p95:6.1f} ms   max {times[-1]:6.1f} ms"
    )


def main():
    create_database()
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client

    from wagtail.models import Page, Site

    call_command("migrate", verbosity=0)
    build_network()
    print(f"Network: {Site.objects.count()} sites, {Page.objects.count()} pages.")
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
    report("per-site search", timings(client, local))
    report("national search", timings(client, national))
    report("national search, filtered", timings(client, filtered))


if __name__ == "__main__":
    main()
