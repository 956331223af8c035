"""The benchmark network: 100+ sites, 10,000+ pages, built once and reused.

Built in its own PostgreSQL database (DATABASE_URL, default
postgres://postgres@127.0.0.1:5432/sanctuary_bench) by bench/run.py.
"""

import datetime
import json
import os
import random
import time
import uuid
from urllib.parse import urlparse

from django.db import connection, transaction

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
        add_extras()
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
    add_extras()
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
    # Every other column (added since) gets its field's default.
    given = ["page_ptr_id", "summary", "date", "body"]
    others = [
        field
        for field in NewsPage._meta.local_concrete_fields
        if field.column not in given
    ]
    defaults = [
        field.get_db_prep_save(field.get_default(), connection) for field in others
    ]
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
            *defaults,
        )
        for page in pages
    ]
    columns = ", ".join(given + [field.column for field in others])
    placeholders = ", ".join(["%s"] * (len(given) + len(others)))
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {NewsPage._meta.db_table} ({columns}) "  # noqa: S608
            f"VALUES ({placeholders})",
            rows,
        )


STORY_SITES = 20  # group sites with a published story of sanctuary


def add_extras():
    """The national directory and some stories (idempotent, cheap)."""
    from datetime import date

    from wagtail.models import Site

    from cms.models import StoryIndexPage, StoryPage
    from home.models import GroupDirectoryPage

    national = Site.objects.get(hostname="localhost").root_page
    if not GroupDirectoryPage.objects.exists():
        publish(national, GroupDirectoryPage(title="Find a group", slug="groups"))
    rng = random.Random(11)
    for number in range(1, STORY_SITES + 1):
        site = Site.objects.get(hostname=f"bench-{number}.localhost")
        index = StoryIndexPage.objects.child_of(site.root_page).get()
        if StoryPage.objects.child_of(index).exists():
            continue
        body = [{"type": "paragraph", "value": f"<p>{sentence(rng, 120)}</p>"}]
        story = StoryPage(
            title=f"A welcome in Bench {number}",
            slug="a-welcome",
            storyteller="Amira",
            body=json.dumps(body),
            consent_given_on=date(2026, 3, 1),
            consent_method="Signed form",
            consent_recorded_by="Coordinator",
            consent_web=True,
        )
        publish(index, story)


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page
