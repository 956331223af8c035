"""T10: only the network's own hostnames are served, and the admin has one host."""

import pytest
from bs4 import BeautifulSoup

from django.test import override_settings

from wagtail.models import Site

from cms.middleware import forget_site_hostnames, site_hostnames
from tests.factories import make_site
from tests.security.helpers import production  # noqa: F401

CUSTOM_DOMAIN = "www.sanctuary-bradford.org.uk"


def heading(response):
    return BeautifulSoup(response.content, "html.parser").h1.get_text(strip=True)


@pytest.mark.parametrize(
    "host",
    ["attacker.example", "localhost.attacker.example", "sheffield.localhost@evil", ""],
)
def test_unknown_or_malformed_host_gets_bad_request(client, group_site, host):
    response = client.get("/", HTTP_HOST=host)
    assert response.status_code == 400
    assert b"Sheffield" not in response.content


def test_custom_domain_is_served_once_its_site_exists(client, group_site):
    assert client.get("/", HTTP_HOST=CUSTOM_DOMAIN).status_code == 400
    make_site(name="Bradford", hostname=CUSTOM_DOMAIN)
    response = client.get("/", HTTP_HOST=CUSTOM_DOMAIN)
    assert response.status_code == 200
    assert heading(response) == "Bradford"


def test_custom_domain_is_refused_again_once_its_site_is_deleted(client, db):
    make_site(name="Bradford", hostname=CUSTOM_DOMAIN)
    assert client.get("/", HTTP_HOST=CUSTOM_DOMAIN).status_code == 200
    Site.objects.get(hostname=CUSTOM_DOMAIN).delete()
    assert client.get("/", HTTP_HOST=CUSTOM_DOMAIN).status_code == 400


def test_renamed_site_hostname_takes_effect_at_once(client, db):
    site = make_site(name="Bradford", hostname=CUSTOM_DOMAIN)
    assert client.get("/", HTTP_HOST=CUSTOM_DOMAIN).status_code == 200
    site.hostname = "bradford-sanctuary.example"
    site.save()
    assert client.get("/", HTTP_HOST=CUSTOM_DOMAIN).status_code == 400
    response = client.get("/", HTTP_HOST="bradford-sanctuary.example")
    assert heading(response) == "Bradford"


def test_host_of_one_site_serves_only_that_site(client, group_site, other_group_site):
    sheffield = client.get("/", HTTP_HOST="sheffield.localhost")
    bristol = client.get("/", HTTP_HOST="bristol.localhost")
    assert heading(sheffield) == "Sheffield"
    assert heading(bristol) == "Bristol"
    assert b"Bristol" not in sheffield.content
    about = client.get("/about/", HTTP_HOST="bristol.localhost")
    assert about.status_code == 200
    assert b"Sheffield" not in about.content


def test_known_hostnames_cost_no_query_once_cached(
    group_site, django_assert_num_queries
):
    forget_site_hostnames()
    with django_assert_num_queries(1):
        assert "sheffield.localhost" in site_hostnames()
    with django_assert_num_queries(0):
        assert "sheffield.localhost" in site_hostnames()


@override_settings(ADMIN_HOST_ONLY=True, WAGTAILADMIN_BASE_URL="https://localhost")
def test_admin_on_a_group_host_redirects_to_the_one_admin_host(client, group_site):
    response = client.get("/admin/pages/?q=news", HTTP_HOST="sheffield.localhost")
    assert response.status_code == 301
    assert response["Location"] == "https://localhost/admin/pages/?q=news"
    login = client.get("/admin/login/", HTTP_HOST="localhost")
    assert login.status_code == 200
    public = client.get("/", HTTP_HOST="sheffield.localhost")
    assert heading(public) == "Sheffield"


def test_production_keeps_the_admin_on_its_own_https_host(production):  # noqa: F811
    assert production.ADMIN_HOST_ONLY is True
    assert production.WAGTAILADMIN_BASE_URL == "https://localhost"
    assert production.ALLOWED_HOSTS == ["*"]
    assert production.MIDDLEWARE[0] == "cms.middleware.SiteHostMiddleware"
