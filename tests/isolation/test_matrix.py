"""The matrix: every surface's REFUSED, LISTINGS and POSTS as each role of site A."""

import pytest

from wagtail.contrib.forms.models import FormSubmission
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Locale, Page, Revision, WorkflowState

from cms.models import CharterStatement, SiteExport, SiteIdentity, WordPressImport
from groups.models import SupportingOrganisation
from streams.models import AwardScheme
from tests.isolation import (
    test_admin_areas,
    test_forms,
    test_media,
    test_pages,
    test_settings,
    test_snippets,
)
from tests.isolation.common import (
    OWN,
    ROLES,
    SEARCH,
    no_sentinel,
    refused,
    url,
)

SURFACES = [
    test_pages,
    test_media,
    test_forms,
    test_settings,
    test_snippets,
    test_admin_areas,
]
REFUSED = [build for surface in SURFACES for build in surface.REFUSED]
LISTINGS = [build for surface in SURFACES for build in surface.LISTINGS]
POSTS = [row for surface in SURFACES for row in surface.POSTS]


def fingerprint(net):
    """Everything of B an attack could change."""
    pages = Page.objects.descendant_of(net.b.root_page, inclusive=True)
    return {
        "pages": sorted(pages.values_list("pk", "title", "path", "live", "locked")),
        "revisions": Revision.objects.count(),
        "image": Image.objects.filter(pk=net.b_image.pk).values_list("title").first(),
        "document": Document.objects.filter(pk=net.b_document.pk)
        .values_list("title")
        .first(),
        "submissions": FormSubmission.objects.filter(page=net.b_form).count(),
        "settings": SiteIdentity.objects.filter(site=net.b).values().first(),
        "workflow": list(WorkflowState.objects.values_list("pk", "status")),
        "supporters": list(
            SupportingOrganisation.objects.filter(site=net.b).values_list("pk", "name")
        ),
        "schemes": list(
            AwardScheme.objects.filter(site=net.b).values_list("pk", "name")
        ),
        "charter": list(CharterStatement.objects.values_list("pk", "title")),
        "imports": list(WordPressImport.objects.values_list("pk", "status")),
        "exports": list(SiteExport.objects.values_list("pk", "site", "personal_data")),
    }


@pytest.mark.parametrize("role", ROLES)
def test_roles_of_site_a_are_refused_site_bs_objects(client, net, role):
    client.force_login(net.users[role])
    failures = []
    for build in REFUSED:
        address = build(net)
        response = client.get(address)
        if not refused(response, address) or not no_sentinel(response):
            failures.append((address, response.status_code))
    assert failures == [], failures


@pytest.mark.parametrize("role", ROLES)
def test_site_bs_sentinel_never_appears_in_site_as_listings(client, net, role):
    client.force_login(net.users[role])
    failures = []
    for build in LISTINGS:
        address = build(net)
        response = client.get(address, HTTP_X_REQUESTED_WITH="XMLHttpRequest")
        if response.status_code >= 500 or not no_sentinel(response):
            failures.append((address, response.status_code))
    assert failures == [], failures


def post_data(net, data):
    values = {
        "{a_home}": str(net.a.root_page_id),
        "{b_site}": str(net.b.pk),
        "{ar_locale}": str(Locale.objects.get(language_code="ar").pk),
        "{a_user}": net.users["editor"].username,
        "{b_editor}": str(net.b_editor.pk),
        "{b_editor_role}": str(net.b.roles.get(role="editor").pk),
    }
    return {key: values.get(value, value) for key, value in data.items()}


@pytest.mark.parametrize("role", ROLES)
def test_posts_from_site_a_change_nothing_of_site_b(client, net, role):
    client.force_login(net.users[role])
    before = fingerprint(net)
    for build, data in POSTS:
        address = build(net)
        response = client.post(address, post_data(net, data))
        assert response.status_code < 500, address
        assert no_sentinel(response), address
        assert fingerprint(net) == before, address


def test_the_matrix_can_see_site_as_own_objects(client, net):
    """Positive control: the same listings do show A's own content to A."""
    client.force_login(net.users["editor"])
    own = [
        url("wagtailadmin_pages:search", query=SEARCH),
        url("wagtailadmin_choose_page_search", query=SEARCH),
        url("wagtailadmin_explore", net.a.root_page_id),
        url("wagtailimages:index"),
        url("wagtailimages_chooser:choose"),
    ]
    for address in own:
        response = client.get(address, HTTP_X_REQUESTED_WITH="XMLHttpRequest")
        assert response.status_code == 200, address
        assert OWN.encode() in response.content, (
            address,
            response.content.decode()[-3000:],
        )
