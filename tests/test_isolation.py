"""Isolation: no role of site A reads or changes anything of site B in the admin.

Three lists drive the module; append your admin views to them:
  REFUSED   GET addresses of B's objects: A's roles get 403, 404 or a redirect away
  LISTINGS  listings, choosers, searches, reports: never show B's sentinel
  POSTS     writes to B's objects: nothing of B changes in the database
Each builder takes the `net` fixture (A's and B's objects) and returns a URL.
"""

from types import SimpleNamespace

import pytest

from django.contrib.auth.models import Permission
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from wagtail.contrib.forms.models import FormSubmission
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Locale, Page, Revision, WorkflowState
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

from cms.access.roles import site_collection
from cms.models import (
    CharterStatement,
    FormField,
    FormPage,
    ResourceIndexPage,
    ResourcePage,
    SiteIdentity,
    StandardPage,
)
from groups.models import SupportingOrganisation
from streams.models import AwardScheme
from tests.factories import make_member

SENTINEL = "Zq7Sentinel"
OWN = "Ay4Own"
WORD = "marmalade"
TAG = "kitchen"
ROLES = ["editor", "moderator", "translator"]
CHARTER = "wagtailsnippets_cms_charterstatement"  # a global snippet


def url(name, *args, query=""):
    return reverse(name, args=args) + (f"?{query}" if query else "")


def page_action(name):
    return lambda net: url(f"wagtailadmin_pages:{name}", net.b_draft.pk)


REFUSED = [
    page_action("edit"),
    page_action("delete"),
    page_action("unpublish"),
    page_action("move"),
    page_action("copy"),
    page_action("history"),
    page_action("revisions_index"),
    page_action("preview_on_edit"),
    page_action("view_draft"),
    page_action("add_subpage"),
    page_action("lock"),
    page_action("unlock"),
    page_action("set_privacy"),
    page_action("workflow_history"),
    page_action("usage"),
    lambda net: url("wagtailadmin_pages:edit", net.b.root_page_id),
    lambda net: url(
        "wagtailadmin_pages:add", "cms", "standardpage", net.b.root_page_id
    ),
    lambda net: url(
        "wagtailadmin_pages:move_confirm", net.b_draft.pk, net.a.root_page_id
    ),
    lambda net: url("wagtailadmin_pages:revisions_view", net.b_draft.pk, net.b_rev1.pk),
    lambda net: url(
        "wagtailadmin_pages:revisions_revert", net.b_draft.pk, net.b_rev1.pk
    ),
    lambda net: url(
        "wagtailadmin_pages:revisions_compare",
        net.b_draft.pk,
        net.b_rev1.pk,
        net.b_rev2.pk,
    ),
    lambda net: url("wagtailadmin_choose_page_child", net.b.root_page_id),
    lambda net: url("wagtailadmin_choose_page_child", net.b_draft.pk),
    lambda net: url("wagtailadmin_api:pages:detail", net.b_draft.pk),
    lambda net: url("wagtailimages:edit", net.b_image.pk),
    lambda net: url("wagtailimages:delete", net.b_image.pk),
    lambda net: url("wagtailimages:url_generator", net.b_image.pk),
    lambda net: url("wagtailimages:image_usage", net.b_image.pk),
    lambda net: url("wagtailimages_chooser:chosen", net.b_image.pk),
    lambda net: url("wagtailimages_chooser:select_format", net.b_image.pk),
    lambda net: url("wagtailadmin_api:images:detail", net.b_image.pk),
    lambda net: url("wagtaildocs:edit", net.b_document.pk),
    lambda net: url("wagtaildocs:delete", net.b_document.pk),
    lambda net: url("wagtaildocs:document_usage", net.b_document.pk),
    lambda net: url("wagtaildocs_chooser:chosen", net.b_document.pk),
    lambda net: url("wagtailadmin_api:documents:detail", net.b_document.pk),
    lambda net: url("wagtailforms:list_submissions", net.b_form.pk),
    lambda net: url("wagtailforms:list_submissions", net.b_form.pk, query="export=csv"),
    lambda net: url("wagtailforms:delete_submissions", net.b_form.pk),
    lambda net: url("wagtailsettings:edit", "cms", "siteidentity", net.b.pk),
    lambda net: url("wagtail_localize:submit_page_translation", net.b_draft.pk),
    lambda net: url("supporters:edit", net.b_supporter.pk),
    lambda net: url("supporters:delete", net.b_supporter.pk),
    lambda net: url("supporters:history", net.b_supporter.pk),
    lambda net: url("supporters:usage", net.b_supporter.pk),
    lambda net: url("supporters:inspect", net.b_supporter.pk),
    lambda net: url("award_schemes:edit", net.b_scheme.pk),
    lambda net: url("award_schemes:delete", net.b_scheme.pk),
    lambda net: url(f"{CHARTER}:list"),
    lambda net: url(f"{CHARTER}:add"),
    lambda net: url(f"{CHARTER}:edit", net.charter.pk),
    lambda net: url(f"{CHARTER}:delete", net.charter.pk),
    lambda net: url("cms_network:members", net.b.pk),
    lambda net: url("cms_network:sites"),
    lambda net: url("cms_network:add"),
    lambda net: url("wagtailadmin_reports:page_types_usage"),
    lambda net: url("cms_site_audit", query=f"site={net.b.pk}"),
    lambda net: url("cms_site_audit", query=f"site={net.b.pk}&export=csv"),
]

SEARCH = f"q={WORD}"  # matches A's and B's objects; the query itself is echoed
LISTINGS = [
    lambda net: url("wagtailadmin_home"),
    lambda net: url("wagtailadmin_explore_root"),
    lambda net: url("wagtailadmin_explore", net.a.root_page_id),
    lambda net: url("wagtailadmin_explore", 1),
    lambda net: url("wagtailadmin_explore", 1, query=f"{SEARCH}&search_all=1"),
    lambda net: url("wagtailadmin_pages:search", query=SEARCH),
    lambda net: url("wagtailadmin_pages:search_results", query=SEARCH),
    lambda net: url("wagtailadmin_choose_page"),
    lambda net: url("wagtailadmin_choose_page", query="page_type=cms.standardpage"),
    lambda net: url("wagtailadmin_choose_page_search", query=SEARCH),
    lambda net: url(
        "wagtailadmin_choose_page_search",
        query=f"{SEARCH}&allow_external_link=true&allow_email_link=true",
    ),
    lambda net: url("wagtailadmin_api:pages:listing", query="child_of=root"),
    lambda net: url("wagtailadmin_api:pages:listing", query=f"search={WORD}"),
    lambda net: url("wagtailadmin_api:images:listing"),
    lambda net: url("wagtailadmin_api:documents:listing"),
    lambda net: url("wagtailimages:index"),
    lambda net: url("wagtailimages:index", query=SEARCH),
    lambda net: url("wagtailimages:index_results"),
    lambda net: url("wagtaildocs:index_results"),
    lambda net: url("wagtailimages_chooser:choose"),
    lambda net: url("wagtailimages_chooser:choose_results", query=SEARCH),
    lambda net: url("wagtaildocs:index"),
    lambda net: url("wagtaildocs:index", query=SEARCH),
    lambda net: url("wagtaildocs_chooser:choose"),
    lambda net: url("wagtaildocs_chooser:choose_results", query=SEARCH),
    lambda net: url("wagtailforms:index"),
    lambda net: url("wagtailsnippets:index"),
    lambda net: url("supporters:index"),
    lambda net: url("supporters:index", query=SEARCH),
    lambda net: url("award_schemes:index"),
    lambda net: url("wagtailadmin_reports:locked_pages"),
    lambda net: url("wagtailadmin_reports:workflow"),
    lambda net: url("wagtailadmin_reports:workflow_tasks"),
    lambda net: url("wagtailadmin_reports:site_history"),
    lambda net: url("wagtailadmin_reports:aging_pages"),
    lambda net: url("wagtail_localize:translations_report"),
    lambda net: url("wagtailsettings:edit", "cms", "siteidentity"),
    lambda net: url("cms_site_audit"),
    lambda net: url("cms_site_audit", query="export=csv"),
]

B_NAMES = (f"{SENTINEL}-editor", f"{SENTINEL}-moderator")  # people are private too


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
    }


POSTS = [
    (
        page_action("edit"),
        {"title": "Changed", "slug": "changed", "action-publish": "1"},
    ),
    (page_action("delete"), {}),
    (lambda net: url("wagtailadmin_pages:unpublish", net.b_published.pk), {}),
    (
        lambda net: url(
            "wagtailadmin_pages:move_confirm", net.b_published.pk, net.a.root_page_id
        ),
        {},
    ),
    (
        lambda net: url("wagtailadmin_pages:copy", net.b_published.pk),
        {"new_title": "Copy", "new_slug": "copy", "new_parent_page": "{a_home}"},
    ),
    (page_action("lock"), {}),
    (page_action("unlock"), {}),
    (
        lambda net: url(
            "wagtailadmin_pages:workflow_action",
            net.b_draft.pk,
            "approve",
            net.b_task_state.pk,
        ),
        {"comment": "ok"},
    ),
    (
        lambda net: url(
            "wagtailadmin_pages:add", "cms", "standardpage", net.b.root_page_id
        ),
        {"title": "Intruder", "slug": "intruder", "action-publish": "1"},
    ),
    (lambda net: url("wagtailimages:edit", net.b_image.pk), {"title": "Changed"}),
    (lambda net: url("wagtailimages:delete", net.b_image.pk), {}),
    (lambda net: url("wagtaildocs:edit", net.b_document.pk), {"title": "Changed"}),
    (lambda net: url("wagtaildocs:delete", net.b_document.pk), {}),
    (
        lambda net: url(
            "wagtailforms:delete_submissions",
            net.b_form.pk,
            query=f"selected-submissions={net.b_submission.pk}",
        ),
        {},
    ),
    (
        lambda net: url("wagtailsettings:edit", "cms", "siteidentity", net.b.pk),
        {"display_name": "Changed", "accent_colour": "#000000"},
    ),
    (
        lambda net: url("wagtail_localize:submit_page_translation", net.b_draft.pk),
        {"locales": "{ar_locale}", "include_subtree": "on"},
    ),
    (
        lambda net: url("supporters:edit", net.b_supporter.pk),
        {
            "name": "Changed",
            "site": "{b_site}",
            "contact_name": "X",
            "contact_email": "x@example.org",
            "status": "approved",
        },
    ),
    (lambda net: url("supporters:delete", net.b_supporter.pk), {}),
    (
        lambda net: url("supporters:add"),
        {
            "name": "Intruder",
            "site": "{b_site}",
            "contact_name": "X",
            "contact_email": "x@example.org",
            "status": "approved",
        },
    ),
    (lambda net: url("award_schemes:delete", net.b_scheme.pk), {}),
    (
        lambda net: url(f"{CHARTER}:edit", net.charter.pk),
        {"title": "Changed", "part": "value", "sort_order": "0"},
    ),
    (lambda net: url(f"{CHARTER}:delete", net.charter.pk), {}),
    (
        lambda net: url("cms_network:members", net.b.pk),
        {"person": "{a_user}", "role": "moderator"},
    ),
    (
        lambda net: url("cms_network:remove_member", net.b.pk),
        {"person": "{b_editor}", "role": "{b_editor_role}"},
    ),
]


def form_with_a_message_field(site):
    form = site.root_page.get_children().type(FormPage).get().specific
    FormField.objects.create(page=form, label="Message", field_type="multiline")
    return form


@pytest.fixture
def net(group_site, other_group_site, site_editor, site_moderator, site_translator):
    a, b = group_site, other_group_site
    b_editor = make_member(b, "editor", username=B_NAMES[0])
    b_moderator = make_member(b, "moderator", username=B_NAMES[1])
    a_own = a.root_page.add_child(
        instance=StandardPage(title=f"Own {OWN} {WORD}", slug="own", live=False)
    )
    a_own.save_revision(user=site_editor)

    draft = b.root_page.add_child(
        instance=StandardPage(
            title=f"Draft {SENTINEL} {WORD}", slug="draft", live=False
        )
    )
    rev1 = draft.save_revision(user=b_editor)
    draft.title = f"Draft two {SENTINEL} {WORD}"
    rev2 = draft.save_revision(user=b_editor)
    workflow_state = b.root_page.get_workflow().start(draft, b_editor)
    Page.objects.filter(pk=draft.pk).update(
        locked=True, locked_by=b_moderator, locked_at=timezone.now()
    )
    published = b.root_page.add_child(
        instance=StandardPage(title=f"Published {SENTINEL} {WORD}", slug="published")
    )
    published.save_revision(user=b_moderator).publish(user=b_moderator)

    collection = site_collection(b)
    image = Image.objects.create(
        title=f"Photo {SENTINEL} {WORD}",
        file=get_test_image_file(),
        collection=collection,
    )
    image.tags.add(f"{TAG}-{SENTINEL}")
    own_image = Image.objects.create(
        title=f"Photo {OWN} {WORD}",
        file=get_test_image_file(),
        collection=site_collection(a),
    )
    own_image.tags.add(f"{TAG}-{OWN}")
    document = Document.objects.create(
        title=f"Leaflet {SENTINEL} {WORD}",
        file=ContentFile(b"leaflet", name="leaflet.txt"),
        collection=collection,
    )
    document.tags.add(f"{TAG}-{SENTINEL}")
    form = form_with_a_message_field(b)
    submission = FormSubmission.objects.create(
        page=form, form_data={"message": SENTINEL}
    )
    supporter = SupportingOrganisation.objects.create(
        site=b,
        name=f"Cafe {SENTINEL} {WORD}",
        contact_name=SENTINEL,
        contact_email="cafe@example.org",
    )
    scheme = AwardScheme.objects.create(site=b, name=f"Award {SENTINEL}")
    charter = CharterStatement.objects.create(
        title="Welcome", part="value", locale=Locale.get_default()
    )
    identity = SiteIdentity.for_site(b)
    identity.charity_number = SENTINEL
    identity.save()
    return SimpleNamespace(
        a=a,
        b=b,
        users={
            "editor": site_editor,
            "moderator": site_moderator,
            "translator": site_translator,
        },
        b_editor=b_editor,
        b_draft=draft,
        b_rev1=rev1,
        b_rev2=rev2,
        b_task_state=workflow_state.current_task_state,
        b_published=published,
        b_image=image,
        b_document=document,
        b_form=form,
        b_submission=submission,
        b_supporter=supporter,
        b_scheme=scheme,
        charter=charter,
    )


def refused(response, requested):
    if response.status_code in (403, 404, 405):
        return True
    return response.status_code == 302 and response["Location"] != requested


def no_sentinel(response):
    if getattr(response, "streaming", False):
        body = b"".join(response.streaming_content)
    else:
        body = response.content
    return SENTINEL.encode() not in body


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


def test_site_a_editor_opens_site_as_pages_but_not_bs(client, net):
    client.force_login(net.users["editor"])
    a_page = net.a.root_page.get_children().first()
    assert client.get(url("wagtailadmin_pages:edit", a_page.pk)).status_code == 200
    response = client.get(url("wagtailadmin_pages:edit", net.b_draft.pk))
    assert refused(response, url("wagtailadmin_pages:edit", net.b_draft.pk))


def test_site_a_moderator_edits_only_site_as_settings(client, net):
    client.force_login(net.users["moderator"])
    own = url("wagtailsettings:edit", "cms", "siteidentity", net.a.pk)
    identity = SiteIdentity.for_site(net.a)
    data = {
        "display_name": "Sheffield City of Sanctuary",
        "accent_colour": "#aa3300",
        "contact_email": "hello@example.org",
    }
    response = client.post(own, data)
    assert response.status_code == 302
    identity.refresh_from_db()
    assert identity.display_name == "Sheffield City of Sanctuary"

    other = url("wagtailsettings:edit", "cms", "siteidentity", net.b.pk)
    response = client.post(other, data)
    assert refused(response, other)
    assert SiteIdentity.for_site(net.b).display_name == "Bristol"


def test_site_a_moderator_sees_only_site_as_form_submissions(client, net):
    a_form = form_with_a_message_field(net.a)
    FormSubmission.objects.create(page=a_form, form_data={"message": OWN})
    client.force_login(net.users["moderator"])
    response = client.get(url("wagtailforms:list_submissions", a_form.pk))
    assert response.status_code == 200
    assert OWN.encode() in response.content
    mixed = f"selected-submissions={net.b_submission.pk}"
    client.post(url("wagtailforms:delete_submissions", a_form.pk, query=mixed))
    assert FormSubmission.objects.filter(pk=net.b_submission.pk).exists()


def test_site_editors_do_not_see_their_own_sites_submissions(client, net):
    a_form = net.a.root_page.get_children().type(FormPage).get().specific
    client.force_login(net.users["editor"])
    address = url("wagtailforms:list_submissions", a_form.pk)
    assert refused(client.get(address), address)


def test_site_roles_hold_no_snippet_permissions(net):
    snippet_perms = Permission.objects.filter(
        group__site_role__site__in=[net.a, net.b]
    ).exclude(
        codename__in=[
            "access_admin",
            "create_network_site",
            "syndicate_news",
            "submit_translation",
        ]
    )
    assert not snippet_perms.exists()


def page_form(title, body=(), **extra):
    data = {
        "title": title,
        "slug": "own",
        "summary": "",
        "body": streamfield(list(body)),
        "comments": inline_formset([]),
        **extra,
    }
    return nested_form_data(data)


def image_block(image):
    return ("image", {"image": image.pk, "alt_text": "A photo", "caption": ""})


def document_link(document):
    html = f'<p>See <a linktype="document" id="{document.pk}">the leaflet</a></p>'
    return ("paragraph", rich_text(html, features=["document-link"]))


def documents_block(document):
    items = {"0": {"value": document.pk, "deleted": "", "order": "0", "id": ""}}
    return ("documents", {"title": "", "documents": {"count": "1", **items}})


@pytest.mark.parametrize("role", ["editor", "moderator"])
def test_crafted_post_cannot_put_site_bs_media_on_site_as_page(client, net, role):
    client.force_login(net.users[role])
    page = StandardPage.objects.get(slug="own", path__startswith=net.a.root_page.path)
    edit = url("wagtailadmin_pages:edit", page.pk)
    crafted = [
        page_form("Crafted", listing_image=str(net.b_image.pk)),
        page_form("Crafted", body=[image_block(net.b_image)]),
        page_form("Crafted", body=[documents_block(net.b_document)]),
        page_form("Crafted", body=[document_link(net.b_document)]),
    ]
    for data in crafted:
        response = client.post(edit, data)
        assert response.status_code == 200
        assert b"from your own site" in response.content
        page.refresh_from_db()
        assert page.get_latest_revision_as_object().title != "Crafted"

    own_image = Image.objects.get(collection=site_collection(net.a))
    data = page_form("Own photo", body=[image_block(own_image)])
    data["listing_image"] = str(own_image.pk)
    assert client.post(edit, data).status_code == 302
    page.refresh_from_db()
    saved = page.get_latest_revision_as_object()
    assert saved.title == "Own photo"
    assert saved.listing_image == own_image


def identity_form(display_name, logo):
    return {
        "display_name": display_name,
        "accent_colour": "#aa3300",
        "contact_email": "hello@example.org",
        "logo": str(logo.pk),
    }


def test_crafted_post_cannot_put_site_bs_image_on_site_as_settings(client, net):
    client.force_login(net.users["moderator"])
    own = url("wagtailsettings:edit", "cms", "siteidentity", net.a.pk)
    data = identity_form("Sheffield", net.b_image)
    response = client.post(own, data)
    assert response.status_code == 200
    assert b"from your own site" in response.content
    assert SiteIdentity.for_site(net.a).logo_id is None

    data["logo"] = str(Image.objects.get(collection=site_collection(net.a)).pk)
    assert client.post(own, data).status_code == 302
    assert SiteIdentity.for_site(net.a).logo_id == int(data["logo"])


def test_media_the_national_team_placed_stays_when_a_moderator_saves(client, net):
    identity = SiteIdentity.for_site(net.a)
    identity.logo = net.b_image
    identity.save()
    client.force_login(net.users["moderator"])
    own = url("wagtailsettings:edit", "cms", "siteidentity", net.a.pk)
    data = identity_form("Sheffield renamed", net.b_image)
    assert client.post(own, data).status_code == 302
    identity.refresh_from_db()
    assert identity.display_name == "Sheffield renamed"
    assert identity.logo == net.b_image


def test_crafted_post_cannot_attach_site_bs_document_to_a_resource(client, net):
    index = net.a.root_page.add_child(
        instance=ResourceIndexPage(title="Resources", slug="resources")
    )
    add = url("wagtailadmin_pages:add", "cms", "resourcepage", index.pk)
    own_document = Document.objects.create(
        title="Own leaflet",
        file=ContentFile(b"own", name="own.txt"),
        collection=site_collection(net.a),
    )

    def resource(document):
        return nested_form_data(
            {
                "title": "Toolkit",
                "slug": "toolkit",
                "summary": "",
                "body": streamfield([]),
                "documents": inline_formset([{"document": document.pk}], min=1),
                "tags": "",
                "comments": inline_formset([]),
            }
        )

    client.force_login(net.users["editor"])
    response = client.post(add, resource(net.b_document))
    assert response.status_code == 200
    assert b"from your own site" in response.content
    assert not ResourcePage.objects.filter(slug="toolkit").exists()

    assert client.post(add, resource(own_document)).status_code == 302
    page = ResourcePage.objects.get(slug="toolkit")
    assert [d.document for d in page.documents.all()] == [own_document]


def test_tag_suggestions_come_from_own_sites_only(client, net, national_site):
    for site, word in ((net.a, OWN), (net.b, SENTINEL)):
        index = site.root_page.add_child(
            instance=ResourceIndexPage(title="Resources", slug="resources")
        )
        page = index.add_child(
            instance=ResourcePage(title="Toolkit", slug="toolkit", live=False)
        )
        page.tags.add(f"{TAG}-{word}")
        page.save()
    suggest = url("wagtailadmin_tag_autocomplete", query=f"term={TAG}")
    for role in ROLES:
        client.force_login(net.users[role])
        response = client.get(suggest)
        assert response.status_code == 200
        assert SENTINEL not in response.content.decode()
    client.force_login(net.users["editor"])
    assert client.get(suggest).json() == [f"{TAG}-{OWN}"]

    client.force_login(make_member(national_site, "moderator"))
    assert client.get(suggest).json() == [f"{TAG}-{OWN}", f"{TAG}-{SENTINEL}"]


def test_media_listings_offer_own_tags_only(client, net, national_site):
    own_document = Document.objects.create(
        title="Own leaflet",
        file=ContentFile(b"own", name="own.txt"),
        collection=site_collection(net.a),
    )
    own_document.tags.add(f"{TAG}-{OWN}")
    listings = [
        url("wagtailimages:index"),
        url("wagtaildocs:index"),
        url("wagtailimages_chooser:choose"),
    ]
    client.force_login(net.users["editor"])
    for address in listings:
        response = client.get(address, HTTP_X_REQUESTED_WITH="XMLHttpRequest")
        assert response.status_code == 200, address
        body = response.content.decode()
        assert f"{TAG}-{OWN}" in body, address
        assert SENTINEL not in body, address

    client.force_login(make_member(national_site, "moderator"))
    response = client.get(url("wagtailimages:index"))
    assert f"{TAG}-{SENTINEL}" in response.content.decode()
