import os
import subprocess
import sys

import pytest
from bs4 import BeautifulSoup

from django.conf import settings

from tests.factories import make_site


@pytest.fixture
def two_sites(national_site, group_site):
    return national_site, group_site


def test_each_hostname_serves_its_own_site(client, two_sites):
    national = BeautifulSoup(
        client.get("/", HTTP_HOST="localhost").content, "html.parser"
    )
    sheffield = BeautifulSoup(
        client.get("/", HTTP_HOST="sheffield.localhost").content, "html.parser"
    )
    assert national.h1.get_text(strip=True) == "City of Sanctuary"
    assert sheffield.h1.get_text(strip=True) == "Sheffield"
    assert sheffield.select_one(".site-name").get_text(strip=True) == "Sheffield"


def test_unknown_host_gets_bad_request_not_server_error(client, two_sites):
    response = client.get("/", HTTP_HOST="attacker.example")
    assert response.status_code == 400


def test_base_template_is_accessible_and_self_contained(client, two_sites):
    response = client.get("/", HTTP_HOST="sheffield.localhost")
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.html["lang"] == "en"
    assert soup.html["dir"] == "ltr"
    skip = soup.select_one("a.skip-link")
    assert skip["href"] == "#main"
    assert soup.find("main", id="main")
    assert soup.find("header") and soup.find("footer") and soup.find("nav")
    assert len(soup.find_all("h1")) == 1
    loaded = [tag.get("src") for tag in soup.find_all(["script", "img"])]
    loaded += [
        link["href"]
        for link in soup.find_all("link")
        if {"stylesheet", "icon", "preload", "modulepreload"} & set(link.get("rel", []))
    ]
    external = [
        url for url in loaded if (url or "").startswith(("http:", "https:", "//"))
    ]
    assert external == []


def test_site_colour_comes_from_site_settings(client, group_site):
    identity = group_site.siteidentity
    identity.accent_colour = "#aa3300"
    identity.save()
    response = client.get("/", HTTP_HOST="sheffield.localhost")
    assert "--accent: #aa3300" in response.content.decode()


def test_starter_pages_are_in_the_menu(client, group_site):
    soup = BeautifulSoup(
        client.get("/", HTTP_HOST="sheffield.localhost").content, "html.parser"
    )
    menu = [a.get_text(strip=True) for a in soup.select("nav.main-menu a")]
    assert menu == [
        "About us",
        "Our charter",
        "Inspirations",
        "Stories of sanctuary",
        "News",
        "Events",
        "Get involved",
    ]


def test_robots_txt_points_at_the_sites_sitemap(client, group_site):
    response = client.get("/robots.txt", HTTP_HOST="sheffield.localhost")
    assert response["Content-Type"].startswith("text/plain")
    assert (
        "Sitemap: http://sheffield.localhost/sitemap.xml" in response.content.decode()
    )


def start_production(**env):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings.production", **env}
    for name in [name for name, value in env.items() if value is None]:
        del env[name]
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        env=env,
        capture_output=True,
        text=True,
        cwd=settings.BASE_DIR,
        check=False,
    )


def test_production_settings_refuse_to_start_without_a_secret_key():
    result = start_production(SECRET_KEY=None, REDIS_URL="redis://127.0.0.1:6379/0")
    assert result.returncode != 0
    assert "Set the SECRET_KEY environment variable." in result.stderr


def test_production_settings_refuse_to_start_without_a_shared_cache():
    result = start_production(SECRET_KEY="x" * 60, REDIS_URL=None)
    assert result.returncode != 0
    assert "Set the REDIS_URL environment variable" in result.stderr
    assert (
        start_production(SECRET_KEY="x" * 60, REDIS_URL="redis://h:1/0").returncode == 0
    )


def test_production_settings_pass_the_deploy_check():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": "x" * 60 + "a-long-random-production-key",
        "NETWORK_DOMAIN": "cityofsanctuary.example",
        "REDIS_URL": "redis://127.0.0.1:6379/0",
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set by the browser tests only
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        cwd=settings.BASE_DIR,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_seed_demo_is_idempotent(db):
    from django.contrib.auth.models import Group
    from django.core.management import call_command

    from wagtail.models import Page, Site

    call_command("seed_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    counts = (Site.objects.count(), Page.objects.count(), Group.objects.count())
    call_command("seed_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    assert (Site.objects.count(), Page.objects.count(), Group.objects.count()) == counts
    assert Site.objects.filter(hostname="sheffield.localhost").exists()
    assert counts[0] >= 18


def test_make_site_defaults_hostname_to_the_network_domain(db):
    site = make_site(name="Bradford")
    assert site.hostname == "bradford.localhost"


def test_admin_menu_items_have_distinct_orders():
    from django.urls import reverse

    from wagtail import hooks

    reverse("wagtailadmin_home")  # the admin's viewsets register their menu items
    items = [make() for make in hooks.get_hooks("register_admin_menu_item")]
    ours = [item for item in items if 100 < item.order < 300]  # Wagtail's: 100, 300+
    orders = [item.order for item in ours]
    assert len(ours) == 8, [str(item.label) for item in ours]
    assert len(set(orders)) == len(orders), {str(i.label): i.order for i in ours}
