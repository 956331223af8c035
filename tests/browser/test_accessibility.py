"""axe-core, injected from its bundled file, on every public page type."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from groups.models import SupportersPage, SupportingOrganisation
from streams.models import AwardedOrganisation, AwardScheme, AwardsPage
from tests import content
from tests.factories import make_site

pytestmark = pytest.mark.django_db(transaction=True)
BLOCKING = {"serious", "critical"}


@pytest.fixture
def axe_page(browser):
    context = browser.new_context(bypass_csp=True)
    yield context.new_page()
    context.close()


def build_group_site():
    site = make_site(name="Sheffield", hostname="sheffield.localhost")
    picture = content.make_image("Welcome meal")
    idea = content.add_inspiration(
        site, "Welcome meal", tags=["food"], listing_image=picture, summary="Food."
    )
    story = content.add_story(site, "Finding my voice", location="Sheffield")
    news = content.add_news(site, "Café opens", tags=["language"])
    event = content.add_event(site, "Picnic", address="Park Road", cost="Free")
    resource = content.add_resource(site, "Handbook", tags=["handbook"])
    content.publish(site.root_page, SupportersPage(title="Our supporters"))
    SupportingOrganisation.objects.create(
        site=site,
        name="Cathedral",
        status="approved",
        contact_name="Jo",
        contact_email="jo@example.org",
    )
    detail = [idea.url, story.url, news.url, event.url, resource.url]
    sections = ["/", "/about/", "/charter/", "/inspirations/", "/stories/", "/news/"]
    sections += ["/events/", "/resources/", "/get-involved/", "/our-supporters/"]
    return [("sheffield.localhost", path) for path in sections + detail]


def build_stream_site():
    site = make_site(kind="stream", name="Schools", hostname="schools.localhost")
    scheme = AwardScheme.objects.create(site=site, name="School of Sanctuary")
    AwardedOrganisation.objects.create(
        scheme=scheme, name="Hillside", place="Leeds", awarded_on="2024-06-01"
    )
    content.publish(site.root_page, AwardsPage(title="Awards"))
    return [("schools.localhost", "/"), ("schools.localhost", "/awards/")]


def test_every_public_page_type_has_no_serious_accessibility_violations(
    axe_page, site_url
):
    pages = build_group_site() + build_stream_site()
    axe = Axe()
    failures = {}
    for host, path in pages:
        response = axe_page.goto(site_url(host, path))
        assert response.status == 200, path
        results = axe.run(axe_page)
        blocking = [
            f"{v['id']}: {v['help']}"
            for v in results.response["violations"]
            if v["impact"] in BLOCKING
        ]
        if blocking:
            failures[path] = blocking
    assert failures == {}
    assert len(pages) == 17


def test_the_accessibility_check_catches_a_picture_without_alt_text(axe_page, site_url):
    make_site(name="Sheffield", hostname="sheffield.localhost")
    axe_page.goto(site_url("sheffield.localhost", "/about/"))
    axe_page.evaluate("document.querySelector('main').append(new Image())")
    violations = Axe().run(axe_page).response["violations"]
    assert "image-alt" in {v["id"] for v in violations if v["impact"] in BLOCKING}
