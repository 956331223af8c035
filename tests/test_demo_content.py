"""seed_demo's page content: every type filled, built once however often it runs."""

from wagtail.models import Page

from cms.demo.seeding import seed_content
from cms.models import CharterStatement, DeclarationPrinciple
from groups.models import SupportingOrganisation
from streams.models import AwardedOrganisation
from tests import content
from tests.factories import make_site

PAGE_TYPES = {
    "standardpage",
    "charterpage",
    "inspirationindexpage",
    "inspirationpage",
    "storyindexpage",
    "storypage",
    "newsindexpage",
    "newspage",
    "eventindexpage",
    "eventpage",
    "resourceindexpage",
    "resourcepage",
    "formpage",
    "supporterspage",
    "awardspage",
}


def test_demo_content_fills_every_page_type_once(client, db):
    make_site(name="Sheffield", hostname="sheffield.localhost")
    make_site(kind="stream", name="Schools of Sanctuary", hostname="schools.localhost")
    seed_content()
    counts = (Page.objects.count(), SupportingOrganisation.objects.count())
    seed_content()
    assert (Page.objects.count(), SupportingOrganisation.objects.count()) == counts
    models = set(Page.objects.values_list("content_type__model", flat=True))
    assert models >= PAGE_TYPES
    assert CharterStatement.objects.filter(part="value").count() == 5
    assert DeclarationPrinciple.objects.count() == 5
    assert AwardedOrganisation.objects.count() == 3
    charter = content.soup(client.get("/charter/", HTTP_HOST="sheffield.localhost"))
    assert len(charter.select(".declaration li")) == 5
    stories = content.soup(client.get("/stories/", HTTP_HOST="sheffield.localhost"))
    assert len(stories.select(".card")) == 2
