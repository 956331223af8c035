"""T2: no admin address, filled with another site's ids, shows that site's data.

Every admin URL pattern is requested as each role of site A with the ids of
site B's pages, revisions, media, snippets, submissions, settings, workflow
states and translations (tests/security/crawler.py); no 200 may carry B's sentinel.
"""

import time
from types import SimpleNamespace

import pytest

from django.contrib.messages import get_messages
from django.test import Client

from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from cms.access.roles import site_collection
from cms.models import StandardPage
from tests.factories import make_member, make_site
from tests.security.crawler import (
    SENTINEL,
    SKIPPED,
    admin_patterns,
    build_site_b,
    crawl_plan,
    unfilled,
)

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


def test_no_admin_address_shows_another_sites_data(site_b):
    """Each role of site A in turn, over one build of site B's data."""
    plan, skipped = crawl_plan(site_b)
    requests = sum(len(a) for a in plan.values())
    failures = []
    for role in ROLES:
        client = Client(raise_request_exception=False)
        client.force_login(site_b.users[role])
        started = time.monotonic()
        failures += [(role, *failure) for failure in crawl(client, plan)]
        print(  # noqa: T201  the counts the report quotes
            f"{role}: {len(plan)} patterns crawled, {len(skipped)} skipped, "
            f"{requests} requests in {time.monotonic() - started:.1f}s"
        )
    assert failures == [], "\n".join(f"{r} {s} {a}" for r, a, s in failures)


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


# Leaks the crawler found, one focused test each.

OWN = "Ay4Own"


@pytest.fixture
def two_sites(group_site, other_group_site, site_editor, site_moderator):
    """A draft in moderation on each site; a photo on each site."""
    drafts = {}
    for site, mark in ((group_site, OWN), (other_group_site, SENTINEL)):
        author = make_member(site, "editor", username=f"{mark}-author")
        page = site.root_page.add_child(
            instance=StandardPage(title=f"Draft {mark}", slug="draft", live=False)
        )
        page.save_revision(user=author)
        site.root_page.get_workflow().start(page, author)
        Image.objects.create(
            title=f"Photo {mark}",
            file=get_test_image_file(),
            collection=site_collection(site),
        )
        drafts[mark] = page
    return SimpleNamespace(
        own=drafts[OWN],
        other=drafts[SENTINEL],
        own_image=Image.objects.get(title=f"Photo {OWN}"),
        other_image=Image.objects.get(title=f"Photo {SENTINEL}"),
        editor=site_editor,
        moderator=site_moderator,
    )


def test_moderator_cannot_explore_another_sites_page(client, two_sites):
    client.force_login(two_sites.moderator)
    other = client.get(f"/admin/pages/{two_sites.other.pk}/", follow=True)
    assert other.redirect_chain[0][0] == "/admin/pages/"
    assert SENTINEL.encode() not in other.content
    results = client.get(f"/admin/pages/{two_sites.other.pk}/results/")
    assert results.status_code == 404
    assert SENTINEL.encode() not in results.content
    own = client.get(f"/admin/pages/{two_sites.own.pk}/")
    assert own.status_code == 200
    assert OWN.encode() in own.content


@pytest.mark.parametrize("role", ["editor", "moderator"])
def test_bulk_action_confirmation_names_only_own_sites_objects(client, two_sites, role):
    client.force_login(getattr(two_sites, role))
    pages = f"id={two_sites.own.pk}&id={two_sites.other.pk}"
    images = f"id={two_sites.own_image.pk}&id={two_sites.other_image.pk}"
    for address in (
        f"/admin/bulk/wagtailcore/page/delete/?{pages}",
        "/admin/bulk/wagtailcore/page/publish/?id=all&childOf=1&q=Draft",
        f"/admin/bulk/wagtailimages/image/delete/?{images}",
    ):
        response = client.get(address)
        assert response.status_code == 200, address
        assert SENTINEL.encode() not in response.content, address
    response = client.get(f"/admin/bulk/wagtailimages/image/add_tags/?{images}")
    assert OWN.encode() in response.content


def test_bulk_delete_of_another_sites_image_leaves_it(client, two_sites):
    client.force_login(two_sites.moderator)
    address = f"/admin/bulk/wagtailimages/image/delete/?id={two_sites.other_image.pk}"
    client.post(address)
    assert Image.objects.filter(pk=two_sites.other_image.pk).exists()


def test_choosing_several_pages_returns_only_own_sites_pages(client, two_sites):
    client.force_login(two_sites.editor)
    response = client.get(
        "/admin/choose-page/chosen-multiple/",
        {"id": [two_sites.own.pk, two_sites.other.pk]},
    )
    chosen = [page["id"] for page in response.json()["result"]]
    assert chosen == [two_sites.own.pk]


def test_workflow_tasks_report_lists_only_own_sites_tasks(client, two_sites):
    client.force_login(two_sites.moderator)
    for address in ("/admin/reports/workflow_tasks/", "/admin/reports/workflow/"):
        response = client.get(address)
        assert response.status_code == 200
        assert OWN.encode() in response.content, address
        assert SENTINEL.encode() not in response.content, address


@pytest.mark.parametrize(
    "address",
    [
        "/admin/pages/workflow/action/{page}/approve/{task_state}/",
        "/admin/pages/workflow/collect_action_data/{page}/approve/{task_state}/",
        "/admin/pages/workflow/preview/{page}/{task}/",
        "/admin/pages/workflow/confirm_cancellation/{page}/",
    ],
)
def test_workflow_views_do_not_name_another_sites_page(client, two_sites, address):
    state = two_sites.other.current_workflow_task_state
    client.force_login(two_sites.moderator)
    response = client.get(
        address.format(
            page=two_sites.other.pk,
            task_state=state.pk,
            task=state.task_id,
        )
    )
    assert response.status_code == 404
    assert SENTINEL not in flashed(response)
    assert SENTINEL.encode() not in response.content


def test_scoped_admin_views_send_anonymous_visitors_to_the_login(client, two_sites):
    for address in (
        f"/admin/pages/{two_sites.own.pk}/",
        f"/admin/bulk/wagtailcore/page/delete/?id={two_sites.own.pk}",
        f"/admin/choose-page/chosen-multiple/?id={two_sites.own.pk}",
    ):
        response = client.get(address)
        assert response.status_code == 302, address
        assert response["Location"].startswith("/admin/login/"), address
