import pytest
from bs4 import BeautifulSoup

from django.test import Client
from django.urls import reverse

from cms.models import DeclarationPrinciple
from home.models import DeclarationPage, Endorsement
from tests.factories import make_member

PRINCIPLES = [
    "Dignity and respect",
    "A fair and effective protection process",
    "No indefinite detention",
    "No one left sick or destitute",
    "Welcome and integration",
]
VALID = {
    "organisation": "Hope Church",
    "place": "Derby",
    "website": "https://hope.example.org",
    "contact_name": "Sam",
    "contact_email": "sam@example.org",
}


@pytest.fixture
def declaration(national_site):
    for order, title in enumerate(PRINCIPLES):
        DeclarationPrinciple.objects.create(title=title, sort_order=order)
    page = DeclarationPage(title="The Birmingham Declaration", slug="declaration")
    national_site.root_page.add_child(instance=page)
    page.save_revision().publish()
    return page


def get_page(client):
    response = client.get("/declaration/", HTTP_HOST="localhost")
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_declaration_shows_the_five_principles_and_the_approved_count(
    client, declaration
):
    Endorsement.objects.create(declaration=declaration, approved=True, **VALID)
    Endorsement.objects.create(
        declaration=declaration, **{**VALID, "organisation": "Waiting Ltd"}
    )
    soup = get_page(client)
    principles = [li.strong.get_text() for li in soup.select("ol.principles li")]
    assert principles == PRINCIPLES
    heading = soup.find(id="endorsements-heading").get_text(strip=True)
    assert heading == "Endorsed by 1 organisation"
    listed = soup.select_one("ul.endorsements").get_text()
    assert "Hope Church" in listed and "Waiting Ltd" not in listed
    assert "sam@example.org" not in soup.get_text()


def test_organisation_endorses_and_waits_for_approval(declaration):
    client = Client(enforce_csrf_checks=True)
    form_page = client.get("/declaration/", HTTP_HOST="localhost")
    token = BeautifulSoup(form_page.content, "html.parser").find(
        "input", {"name": "csrfmiddlewaretoken"}
    )["value"]
    response = client.post(
        "/declaration/",
        {**VALID, "csrfmiddlewaretoken": token},
        HTTP_HOST="localhost",
        follow=True,
    )
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert "Thank you" in soup.select_one("[role=status].notice").get_text()
    endorsement = Endorsement.objects.get()
    assert (endorsement.organisation, endorsement.approved) == ("Hope Church", False)
    assert soup.select_one("ul.endorsements") is None


def test_endorsement_without_csrf_token_is_refused(declaration):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/declaration/", VALID, HTTP_HOST="localhost")
    assert response.status_code == 403
    assert not Endorsement.objects.exists()


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("organisation", ""),
        ("contact_email", "not-an-email"),
        ("website", "javascript:alert(1)"),
        ("organisation", "x" * 500),
    ],
)
def test_invalid_endorsement_shows_errors_and_saves_nothing(
    client, declaration, field, value
):
    response = client.post(
        "/declaration/", {**VALID, field: value}, HTTP_HOST="localhost"
    )
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one("[role=alert]")
    field_box = soup.find(attrs={"name": field}).parent
    assert field_box.select_one(".errorlist")
    assert not Endorsement.objects.exists()


def test_national_editor_approves_an_endorsement_in_the_admin(
    client, national_site, declaration
):
    endorsement = Endorsement.objects.create(declaration=declaration, **VALID)
    client.force_login(make_member(national_site, "moderator"))
    listing = client.get(reverse("wagtailsnippets_home_endorsement:list"))
    assert listing.status_code == 200
    assert "Hope Church" in listing.content.decode()
    url = reverse("wagtailsnippets_home_endorsement:edit", args=[endorsement.pk])
    response = client.post(url, {**VALID, "approved": "on"})
    assert response.status_code == 302
    endorsement.refresh_from_db()
    assert endorsement.approved
    assert "Endorsed by 1 organisation" in get_page(client).get_text()


def test_group_editor_cannot_list_or_approve_endorsements(
    client, declaration, group_site
):
    endorsement = Endorsement.objects.create(declaration=declaration, **VALID)
    for role in ("editor", "moderator"):
        client.force_login(make_member(group_site, role))
        listing = client.get(reverse("wagtailsnippets_home_endorsement:list"))
        assert listing.status_code == 302
        assert listing.url == reverse("wagtailadmin_home")
        url = reverse("wagtailsnippets_home_endorsement:edit", args=[endorsement.pk])
        assert client.get(url).status_code == 302
        client.post(url, {**VALID, "approved": "on"})
        endorsement.refresh_from_db()
        assert not endorsement.approved
        menu = client.get(reverse("wagtailadmin_home")).content.decode()
        assert "Endorsements" not in menu


def test_only_the_national_team_can_open_the_endorsement_chooser(
    client, national_site, declaration, group_site
):
    pending = Endorsement.objects.create(declaration=declaration, **VALID)
    choosers = [
        reverse("wagtailsnippetchoosers_home_endorsement:choose"),
        reverse("wagtailsnippetchoosers_home_endorsement:choose_results"),
        reverse("wagtailsnippetchoosers_home_endorsement:chosen", args=[pending.pk]),
        reverse("wagtailsnippetchoosers_home_endorsement:chosen_multiple")
        + f"?id={pending.pk}",
    ]
    for role in ("editor", "moderator", "translator"):
        extra = {"language": "ar"} if role == "translator" else {}
        client.force_login(make_member(group_site, role, **extra))
        for address in choosers:
            response = client.get(address)
            assert response.status_code == 403, address
            assert "Hope Church" not in response.content.decode()

    client.force_login(make_member(national_site, "moderator"))
    response = client.get(choosers[0])
    assert response.status_code == 200
    assert "Hope Church" in response.content.decode()
