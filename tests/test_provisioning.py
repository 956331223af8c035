"""create_network_site: a working microsite in one step, or nothing at all."""

import os
import subprocess
import sys
from io import StringIO

import pytest
from bs4 import BeautifulSoup

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Collection, Page, Site, Workflow, WorkflowPage

from cms.models import Role, SiteIdentity, SiteRole
from cms.network.provisioning import NewSite, provision_site
from groups.models import GroupHomePage
from streams.models import StreamHomePage
from tests.factories import make_site

STARTER_SLUGS = [
    "about",
    "charter",
    "inspirations",
    "stories",
    "news",
    "events",
    "get-involved",
]


def create_site(*args):
    out = StringIO()
    call_command("create_network_site", *args, stdout=out)
    return out.getvalue()


def footprint():
    return {
        "pages": Page.objects.count(),
        "sites": Site.objects.count(),
        "groups": Group.objects.count(),
        "collections": Collection.objects.count(),
        "workflows": Workflow.objects.count(),
        "settings": SiteIdentity.objects.count(),
    }


def test_command_makes_a_group_site_that_answers_on_its_hostname(db, client):
    output = create_site(
        "--kind=group",
        "--name=Hull",
        "--hostname=hull.localhost",
        "--language=ar",
        "--place-type=city",
        "--region=yorkshire",
    )
    assert "Created group site Hull" in output
    assert "hull.localhost" in output

    response = client.get("/", HTTP_HOST="hull.localhost")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.h1.get_text(strip=True) == "Hull"

    site = Site.objects.get(hostname="hull.localhost")
    home = site.root_page.specific
    assert isinstance(home, GroupHomePage)
    assert (home.place_type, home.region) == ("city", "yorkshire")
    assert [p.slug for p in home.get_children()] == STARTER_SLUGS


def test_command_makes_collection_roles_workflow_and_settings(db):
    create_site(
        "--kind=group", "--name=Hull", "--hostname=hull.localhost", "--language=cy"
    )
    site = Site.objects.get(hostname="hull.localhost")
    assert Collection.objects.filter(name="Hull", depth=2).exists()
    roles = {(r.role, r.locale and r.locale.language_code) for r in site.roles.all()}
    assert roles == {
        (Role.EDITOR, None),
        (Role.MODERATOR, None),
        (Role.TRANSLATOR, "cy"),
    }
    workflow = WorkflowPage.objects.get(page=site.root_page).workflow
    task = workflow.tasks.get().specific
    moderators = SiteRole.objects.get(site=site, role=Role.MODERATOR).group
    assert list(task.groups.all()) == [moderators]
    identity = SiteIdentity.for_site(site)
    assert identity.display_name == "Hull"
    assert [locale.language_code for locale in identity.languages.all()] == ["cy"]


def test_command_makes_a_stream_site_with_its_sector(db, client):
    create_site("--kind=stream", "--name=Arts of Sanctuary", "--sector=arts")
    site = Site.objects.get(hostname="arts-of-sanctuary.localhost")
    assert isinstance(site.root_page.specific, StreamHomePage)
    assert site.root_page.specific.sector == "arts"
    response = client.get("/", HTTP_HOST="arts-of-sanctuary.localhost")
    assert response.status_code == 200


BAD_INPUT = [
    (["--kind=shop", "--name=Hull"], "Unknown kind shop"),
    (["--kind=national", "--name=Hull"], "already has its national site"),
    (["--kind=group", "--name=Hull", "--hostname=sheffield.localhost"], "already"),
    (["--kind=group", "--name=Hull", "--hostname=Not a host!"], "not a valid"),
    (["--kind=group", "--name=Hull", "--hostname=-hull.localhost"], "not a valid"),
    (["--kind=group", "--name=   "], "Give the site a name"),
    (["--kind=group", f"--name={'Long' * 26}"], "under 100 characters"),
    (["--kind=stream", "--name=Arts"], "needs --sector"),
    (["--kind=group", "--name=Hull", "--language=xx"], "Unknown language: xx"),
]


@pytest.mark.parametrize(("args", "message"), BAD_INPUT)
def test_command_refuses_bad_input_and_leaves_nothing_behind(
    national_site, group_site, args, message
):
    before = footprint()
    with pytest.raises(CommandError) as error:
        create_site(*args)
    assert message in str(error.value)
    assert "\n" not in str(error.value)
    assert footprint() == before


def test_command_exits_non_zero_with_one_line_and_no_traceback(tmp_path):
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'empty.sqlite3'}"}
    result = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "create_network_site",
            "--kind=shop",
            "--name=Hull",
            "--hostname=not_a_host",
        ],
        capture_output=True,
        text=True,
        cwd=settings.BASE_DIR,
        env=env,
        check=False,
    )
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "CommandError: Unknown kind shop: choose group or stream. "
        "not_a_host is not a valid hostname."
    ]


def test_failure_half_way_rolls_everything_back(group_site, monkeypatch):
    import cms.network.provisioning

    def broken_workflow(*args):
        raise RuntimeError("the database went away")

    monkeypatch.setattr(cms.network.provisioning, "_create_workflow", broken_workflow)
    before = footprint()
    with pytest.raises(RuntimeError):
        provision_site(NewSite(kind="group", name="Hull"))
    assert footprint() == before


def provisioning_queries(number):
    with CaptureQueriesContext(connection) as queries:
        make_site(name=f"Extra {number}")
    return len(queries)


def test_provisioning_costs_the_same_queries_with_3_or_30_sites(db):
    for number in range(3):
        make_site(name=f"Town {number}")
    at_three = provisioning_queries(3)
    for number in range(3, 30):
        make_site(name=f"Town {number}")
    at_thirty = provisioning_queries(30)
    assert Site.objects.count() == 32
    assert at_three == at_thirty


def test_a_second_site_of_the_same_name_is_refused_in_one_line(group_site):
    before = footprint()
    with pytest.raises(CommandError, match="A site called Sheffield already exists."):
        create_site("--kind=group", "--name=Sheffield", "--hostname=other.localhost")
    assert footprint() == before
