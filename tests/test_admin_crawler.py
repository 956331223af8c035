"""T2: no admin address, filled with another site's ids, shows that site's data.

Every admin URL pattern is requested as each role of site A with the ids of
site B's pages, revisions, media, snippets, submissions, settings, workflow
states and translations (tests/crawler.py); no 200 may carry B's sentinel.
"""

import time

import pytest

from django.contrib.messages import get_messages
from django.test import Client

from tests.crawler import (
    SENTINEL,
    SKIPPED,
    admin_patterns,
    build_site_b,
    crawl_plan,
    unfilled,
)
from tests.factories import make_site

ROLES = ["editor", "moderator", "translator"]


@pytest.fixture
def site_b(group_site, site_editor, site_moderator, site_translator):
    b = make_site(name="Bristol", hostname="bristol.localhost", languages=["cy"])
    data = build_site_b(group_site, b)
    data.users = {
        "editor": site_editor,
        "moderator": site_moderator,
        "translator": site_translator,
    }
    return data


def body(response):
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return response.content


def flashed(response):
    """The messages a response leaves for the next page the person sees."""
    return " ".join(str(m) for m in get_messages(response.wsgi_request))


def crawl(client, plan):
    """[(address, status)] of responses that are a 500 or show the sentinel,
    in their body or in a message shown on the next page."""
    failures = []
    for addresses in plan.values():
        for address in addresses:
            response = client.get(address)
            shown = response.status_code == 200 and SENTINEL.encode() in body(response)
            if response.status_code >= 500 or shown or SENTINEL in flashed(response):
                failures.append((address, response.status_code))
    return failures


@pytest.mark.parametrize("role", ROLES)
def test_no_admin_address_shows_another_sites_data(site_b, role):
    plan, skipped = crawl_plan(site_b)
    client = Client(raise_request_exception=False)
    client.force_login(site_b.users[role])
    started = time.monotonic()
    failures = crawl(client, plan)
    requests = sum(len(a) for a in plan.values())
    print(  # noqa: T201  the counts the report quotes
        f"{role}: {len(plan)} patterns crawled, {len(skipped)} skipped, "
        f"{requests} requests in {time.monotonic() - started:.1f}s"
    )
    assert failures == [], "\n".join(f"{s} {a}" for a, s in failures)


def test_the_crawler_reaches_every_admin_pattern_that_takes_an_id(site_b):
    patterns = list(admin_patterns())
    with_params = {p.route for p in patterns if p.params}
    plan, skipped = crawl_plan(site_b)
    left_out = {p.route: unfilled(p) for p in patterns if p.params}
    missing = sorted(
        route for route in with_params if route not in plan and route not in SKIPPED
    )
    print(  # noqa: T201
        f"{len(patterns)} admin patterns, {len(with_params)} with ids: "
        f"{len(with_params & set(plan))} crawled, {len(skipped)} skipped"
    )
    assert missing == [], {route: left_out[route] for route in missing}
    assert [r for r in with_params & set(plan) if not plan[r]] == []
    assert len(with_params & set(plan)) > 150


def test_the_crawler_sees_what_site_b_sees(site_b):
    """Positive control: B's own editor finds the sentinel where A must not."""
    client = Client()
    client.force_login(site_b.b_editor)
    draft = site_b.draft.pk
    for address in (f"/admin/pages/{draft}/edit/", f"/admin/images/{site_b.image.pk}/"):
        response = client.get(address)
        assert response.status_code == 200, address
        assert SENTINEL.encode() in response.content, address
