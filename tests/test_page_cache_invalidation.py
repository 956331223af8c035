"""Every change a public page shows reaches readers at once, across processes.

A second Django process (runserver, production's cache settings, Redis) serves
and caches the pages; this process makes each change as the admin or a
scheduled command does; the next request to the server shows it. A withdrawn,
expired or erased story is never served from the cache, not once.
"""

import http.client
import io
import os
import socket
import subprocess
import sys
import time
from datetime import date, timedelta

import pytest
from bs4 import BeautifulSoup

from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.models import Page

from cms.models import NewsIndexPage, SiteIdentity, StandardPage, StoryPage
from cms.stories.erasure import erase_story
from groups.models import PledgeStatus, SupportersPage, SupportingOrganisation
from home.models import (
    DeclarationPage,
    Endorsement,
    NetworkNewsPage,
    SyndicationChoice,
)
from tests import content
from tests.browser.conftest import restore_migrated_data
from tests.factories import make_site
from tests.page_cache import REDIS_URL
from tests.translating import publish_translation

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs PostgreSQL (CI runs it)"
)
HOST = "sheffield.localhost"
SERVER_SECONDS = 900  # the server stops by itself, whatever happens here


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def server(django_db_setup, django_db_blocker):
    """runserver in a process of its own, on the test database and Redis."""
    port = free_port()
    name = connection.settings_dict["NAME"]
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{name}",
        "REDIS_URL": REDIS_URL,
        "PAGE_CACHE_SECONDS": "600",
    }
    command = [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}"]
    process = subprocess.Popen(  # noqa: S603 (our own command line)
        ["/usr/bin/timeout", str(SERVER_SECONDS), *command, "--noreload"],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.5)
    yield port
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture
def network(transactional_db, shared_cache):
    restore_migrated_data()
    national = make_site(
        kind="national", name="City of Sanctuary", hostname="localhost"
    )
    group = make_site(name="Sheffield", hostname=HOST, languages=["ar"])
    return national, group


class Reader:
    """A visitor of the second process, who says when a page came from the cache."""

    def __init__(self, server):
        self.server = server

    def get(self, path, host=HOST):
        """(status, X-Page-Cache, body) of one request."""
        connection = http.client.HTTPConnection("127.0.0.1", self.server, timeout=30)
        try:
            connection.request("GET", path, headers={"Host": host})
            response = connection.getresponse()
            body = response.read().decode()
            return response.status, response.getheader("X-Page-Cache"), body
        finally:
            connection.close()

    def cached(self, path, host=HOST):
        """The page, once it is in the server's cache."""
        self.get(path, host)
        status, state, body = self.get(path, host)
        assert (status, state) == (200, "hit"), path
        return body

    def text(self, path, host=HOST):
        status, _state, body = self.get(path, host)
        return status, BeautifulSoup(body, "html.parser").get_text(" ")


@pytest.fixture
def reader(server, network):
    return Reader(server)


def path_of(page):
    return page.get_url_parts()[2]


def retitle(page, title):
    page.title = title
    return page.save_revision()


def test_publish_revert_move_unpublish_and_delete_show_at_once(reader, network):
    _national, group = network
    about = StandardPage.objects.child_of(group.root_page).get()
    first = about.save_revision()
    first.publish()
    assert "About" in reader.cached("/about/")
    retitle(about, "About our group").publish()
    assert "About our group" in reader.text("/about/")[1]
    assert "About our group" in reader.cached("/")  # the menu
    first.publish()  # revert
    assert "About our group" not in reader.text("/about/")[1]

    reader.cached("/news/")
    news = content.add_news(group, "Welcome café opens")
    assert "Welcome café opens" in reader.text("/news/")[1]
    reader.cached(path_of(news))
    news.move(StandardPage.objects.child_of(group.root_page).get(), "last-child")
    assert reader.get("/news/welcome-cafe-opens/")[0] == 301  # to the new address
    assert reader.get("/about/welcome-cafe-opens/")[0] == 200
    reader.cached("/about/welcome-cafe-opens/")
    UnpublishPageAction(Page.objects.get(pk=news.pk)).execute(
        skip_permission_checks=True
    )
    assert reader.get("/about/welcome-cafe-opens/")[0] == 404
    reader.cached("/about/")
    Page.objects.get(pk=about.pk).delete()
    assert reader.get("/about/")[0] == 404


def test_scheduled_publishing_and_a_translation_going_live_show_at_once(
    reader, network
):
    _national, group = network
    index = NewsIndexPage.objects.child_of(group.root_page).get()
    page = content.add_news(group, "Refugee Week programme")
    UnpublishPageAction(page).execute(skip_permission_checks=True)
    reader.cached("/news/")
    page.refresh_from_db()
    page.go_live_at = timezone.now() - timedelta(minutes=1)
    page.save_revision().publish()  # as the admin does with a past go-live date
    assert "Refugee Week programme" in reader.text("/news/")[1]
    later = content.add_news(group, "Summer picnic")
    UnpublishPageAction(later).execute(skip_permission_checks=True)
    later.refresh_from_db()
    revision = later.save_revision(approved_go_live_at=timezone.now())
    reader.cached("/news/")
    call_command("publish_scheduled", stdout=io.StringIO())
    assert revision.pk
    assert "Summer picnic" in reader.text("/news/")[1]

    reader.cached("/ar/")
    arabic_index = publish_translation(index, "ar", {"News": "الأخبار"})
    assert arabic_index.live
    assert "الأخبار" in reader.text("/ar/")[1]  # the Arabic menu


def test_settings_pledges_endorsements_and_syndication_show_at_once(reader, network):
    national, group = network
    reader.cached("/")
    identity = SiteIdentity.objects.get(site=group)
    identity.display_name = "Sheffield City of Sanctuary"
    identity.save()
    assert "Sheffield City of Sanctuary" in reader.text("/")[1]

    content.publish(group.root_page, SupportersPage(title="Supporters"))
    pledge = SupportingOrganisation.objects.create(
        site=group, name="Broomhall Centre", contact_name="Jo", listed=True
    )
    assert "Broomhall Centre" not in reader.cached("/supporters/")
    pledge.status = PledgeStatus.APPROVED
    pledge.save()
    assert "Broomhall Centre" in reader.text("/supporters/")[1]

    declaration = content.publish(
        national.root_page, DeclarationPage(title="Declaration", slug="declaration")
    )
    endorsement = Endorsement.objects.create(
        declaration=declaration, organisation="Leeds Trades Council"
    )
    assert "Leeds Trades Council" not in reader.cached("/declaration/", "localhost")
    endorsement.approved = True
    endorsement.save()
    assert "Leeds Trades Council" in reader.text("/declaration/", "localhost")[1]

    national_news = NewsIndexPage.objects.child_of(national.root_page).get()
    item = content.publish(
        national_news,
        NetworkNewsPage(title="Summit announced", date=date(2026, 6, 1)),
    )
    assert "Summit announced" not in reader.cached("/news/")
    item.syndication = "all"
    item.save_revision().publish()
    assert "Summit announced" in reader.text("/news/")[1]
    reader.cached("/news/")
    choice = SyndicationChoice.objects.create(site=group, news=item, hidden=True)
    assert "Summit announced" not in reader.text("/news/")[1]
    choice.hidden = False
    choice.pinned = True
    choice.save()
    assert "Summit announced" in reader.text("/news/")[1]


def test_a_withdrawn_expired_or_erased_story_is_never_served_from_the_cache(
    reader, network
):
    _national, group = network
    stories = {
        name: content.add_story(group, name, network_display=True)
        for name in ("Withdrawn story", "Expired story", "Erased story")
    }
    for story in stories.values():
        reader.cached(path_of(story))
    reader.cached("/stories/")
    reader.cached("/search/?q=story", "localhost")

    withdrawn = stories["Withdrawn story"]
    withdrawn.consent_withdrawn_on = timezone.localdate()
    withdrawn.save_revision()
    StoryPage.objects.filter(pk=stories["Expired story"].pk).update(
        consent_review_by=timezone.localdate() - timedelta(days=1)
    )
    call_command("review_story_consent", stdout=io.StringIO())
    erase_story(stories["Erased story"])

    for name, story in stories.items():
        assert reader.get(path_of(story))[0] == 404, name
        for host, path in [(HOST, "/stories/"), ("localhost", "/search/?q=story")]:
            status, text = reader.text(path, host)
            assert status == 200
            assert name not in text, (name, path)
