"""T19: publishing, unpublishing, privacy, consent and role changes are logged by
name, deleted pages and erasures stay in their site's trail, and each site's
moderators read their own site's audit trail only."""

import csv
import io
from datetime import timedelta

import pytest

from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify

from wagtail.actions.delete_page import DeletePageAction
from wagtail.models import Locale, ModelLogEntry, PageLogEntry

from cms.access.roles import grant_role, revoke_role
from cms.models import StandardPage, StoryPage
from cms.stories.erasure import erase_story
from tests import content
from tests.factories import make_member, make_user
from tests.test_stories import post_edit

AUDIT = "/admin/site-audit/"
CHANGED = "cms.consent_changed"
OWN = "Ay4Own"
SENTINEL = "Zq7Sentinel"


def publish_page(site, title, user):
    page = site.root_page.add_child(
        instance=StandardPage(title=title, slug=slugify(title) or "page", live=False)
    )
    page.save_revision(user=user).publish(user=user)
    return page


def actions(page):
    return list(
        PageLogEntry.objects.filter(page=page)
        .order_by("timestamp", "pk")
        .values_list("action", "user__username")
    )


def test_publish_unpublish_and_privacy_changes_name_the_moderator(
    client, group_site, site_moderator
):
    page = publish_page(group_site, "Welcome", site_moderator)
    client.force_login(site_moderator)
    privacy = reverse("wagtailadmin_pages:set_privacy", args=[page.pk])
    assert client.post(privacy, {"restriction_type": "login"}).status_code == 200
    unpublish = reverse("wagtailadmin_pages:unpublish", args=[page.pk])
    assert client.post(unpublish).status_code == 302
    logged = actions(page)
    moderator = site_moderator.username
    for action in (
        "wagtail.publish",
        "wagtail.view_restriction.create",
        "wagtail.unpublish",
    ):
        assert (action, moderator) in logged, logged


def test_granting_and_revoking_a_role_in_the_admin_names_the_network_admin(
    client, group_site, network_admin
):
    person = make_user("amira")
    client.force_login(network_admin)
    members = reverse("cms_network:members", args=[group_site.pk])
    client.post(members, {"person": person.username, "role": "editor"})
    role = group_site.roles.get(role="editor")
    remove = reverse("cms_network:remove_member", args=[group_site.pk])
    client.post(remove, {"person": person.pk, "role": role.pk})
    entries = ModelLogEntry.objects.filter(object_id=str(group_site.pk)).filter(
        data__person="amira"
    )
    assert sorted(entries.values_list("action", "user__username")) == [
        ("cms.role_granted", "network-admin"),
        ("cms.role_revoked", "network-admin"),
    ]
    assert not person.groups.exists()


def test_grant_command_names_who_decided(group_site, network_admin):
    make_user("bilal")
    call_command(
        "grant_site_role",
        "--hostname=sheffield.localhost",
        "--role=moderator",
        "--user=bilal",
        "--by=network-admin",
        stdout=io.StringIO(),
    )
    entry = ModelLogEntry.objects.get(action="cms.role_granted", data__person="bilal")
    assert entry.user == network_admin
    assert entry.message == "Gave bilal the moderator role"


def test_grant_command_refuses_an_unknown_deciding_user(group_site):
    from django.core.management import CommandError

    make_user("chen")
    with pytest.raises(CommandError, match="No user is called nobody"):
        call_command(
            "grant_site_role",
            "--hostname=sheffield.localhost",
            "--role=editor",
            "--user=chen",
            "--by=nobody",
        )
    assert not ModelLogEntry.objects.filter(data__person="chen").exists()


def test_revoking_a_role_nobody_held_logs_nothing(group_site):
    person = make_user("dana")
    revoke_role(person, group_site, "editor")
    assert not ModelLogEntry.objects.filter(data__person="dana").exists()


@pytest.fixture
def trails(group_site, other_group_site, site_moderator, network_admin):
    """Logged changes on A (marked OWN) and on B (marked with the sentinel)."""
    b_moderator = make_member(other_group_site, "moderator", f"{SENTINEL}-mod")
    publish_page(group_site, f"News {OWN}", site_moderator)
    publish_page(other_group_site, f"News {SENTINEL}", b_moderator)
    grant_role(make_user(f"{SENTINEL}-new"), other_group_site, "editor", by=b_moderator)
    grant_role(make_user(f"{OWN}-new"), group_site, "editor", by=network_admin)
    return b_moderator


def csv_rows(response):
    text = b"".join(response.streaming_content).decode()
    return list(csv.reader(io.StringIO(text)))


def test_site_moderator_reads_own_sites_trail_never_another_sites(
    client, trails, site_moderator, other_group_site
):
    client.force_login(site_moderator)
    response = client.get(AUDIT)
    assert response.status_code == 200
    page = response.content.decode()
    assert f"News {OWN}" in page
    assert f"Gave {OWN}-new the editor role" in page
    assert SENTINEL not in page

    rows = csv_rows(client.get(AUDIT, {"export": "csv"}))
    assert rows[0][:3] == ["Time", "User", "Action"]
    assert any(row[4] == f"News {OWN}" for row in rows[1:])
    assert not any(SENTINEL in cell for row in rows for cell in row)

    other = {"site": other_group_site.pk}
    assert client.get(AUDIT, other).status_code == 404
    assert client.get(AUDIT, {**other, "export": "csv"}).status_code == 404


def test_network_admin_reads_every_site_and_filters_by_site(
    client, trails, network_admin, group_site
):
    client.force_login(network_admin)
    everything = client.get(AUDIT).content.decode()
    assert f"News {OWN}" in everything
    assert f"News {SENTINEL}" in everything
    only_a = client.get(AUDIT, {"site": group_site.pk}).content.decode()
    assert f"News {OWN}" in only_a
    assert SENTINEL not in only_a


@pytest.mark.parametrize("role", ["editor", "translator"])
def test_site_editors_and_translators_are_refused_the_trail(
    client, trails, group_site, role
):
    person = make_member(
        group_site, role, f"a-{role}", language="ar" if role == "translator" else None
    )
    client.force_login(person)
    assert client.get(AUDIT).status_code == 403
    assert client.get(AUDIT, {"export": "csv"}).status_code == 403
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert AUDIT not in home


def test_audit_trail_menu_item_is_shown_to_moderators(client, site_moderator):
    client.force_login(site_moderator)
    assert AUDIT in client.get(reverse("wagtailadmin_home")).content.decode()


@pytest.mark.parametrize("value", ["abc", "-1", "99999"])
def test_a_bad_site_filter_is_a_404(client, site_moderator, value):
    client.force_login(site_moderator)
    assert client.get(AUDIT, {"site": value}).status_code == 404


def test_csv_cells_never_start_a_spreadsheet_formula(
    client, group_site, site_moderator
):
    publish_page(group_site, "=HYPERLINK(1)", site_moderator)
    client.force_login(site_moderator)
    rows = csv_rows(client.get(AUDIT, {"export": "csv"}))
    assert any(row[4] == "'=HYPERLINK(1)" for row in rows[1:])


def test_the_trail_pages_through_many_entries(client, group_site, site_moderator):
    for number in range(30):  # created and published: 60 entries
        publish_page(group_site, f"Page{number:02d}", site_moderator)
    client.force_login(site_moderator)
    first = client.get(AUDIT).content.decode()
    second = client.get(AUDIT, {"p": 2}).content.decode()
    assert "Page29" in first and "Page00" not in first
    assert "Page00" in second and "Page29" not in second


# Consent changes, withdrawal and the consent review.


def consent_form(story, **changes):
    return {
        "consent_given_on": story.consent_given_on.isoformat(),
        "consent_method": story.consent_method,
        "consent_recorded_by": story.consent_recorded_by,
        "consent_review_by": story.consent_review_by.isoformat(),
        **changes,
    }


def trail_of(client, user, **params):
    client.force_login(user)
    page = client.get(AUDIT, params).content.decode()
    return page, csv_rows(client.get(AUDIT, {**params, "export": "csv"}))


def test_consent_changes_name_the_editor_and_only_the_fields_changed(
    client, group_site, other_group_site, site_editor, site_moderator
):
    story = content.add_story(group_site, f"Story {OWN}")
    other = content.add_story(other_group_site, f"Story {SENTINEL}")
    b_moderator = make_member(other_group_site, "moderator", f"{SENTINEL}-mod")
    form = consent_form(story, consent_social="on", use_real_name="on")
    assert post_edit(client, site_editor, story, **form).status_code == 302
    assert post_edit(client, site_editor, story, **form).status_code == 302
    other.consent_print = True
    other.save_revision(user=b_moderator)

    logged = PageLogEntry.objects.filter(page=story, action="cms.consent_changed")
    entry = logged.get(user=site_editor)
    assert entry.data == {"fields": ["consent_social", "use_real_name"]}
    message = (
        "Changed the storyteller's consent: may be shared on social media, "
        "the storyteller asked for their real name"
    )
    page, rows = trail_of(client, site_moderator)
    assert message.split(": ")[1] in page
    assert [site_editor.username, message] in [row[1:3] for row in rows]
    assert SENTINEL not in page
    assert not any(SENTINEL in cell for row in rows for cell in row)
    b_page, _rows = trail_of(client, b_moderator)
    assert "consent: may be printed" in b_page
    assert OWN not in b_page


def test_publishing_a_consent_change_names_the_network_admin(
    client, group_site, other_group_site, network_admin
):
    story = content.add_story(group_site, f"Story {OWN}")
    form = consent_form(story, network_display="on", **{"action-publish": "1"})
    assert post_edit(client, network_admin, story, **form).status_code == 302

    story.refresh_from_db()
    assert story.live and story.network_display
    entry = PageLogEntry.objects.get(page=story, user=network_admin, action=CHANGED)
    assert entry.data == {"fields": ["network_display"]}
    assert entry.revision == story.live_revision
    b_moderator = make_member(other_group_site, "moderator", f"{SENTINEL}-mod")
    b_page, b_rows = trail_of(client, b_moderator)
    assert "may appear beyond this site" not in b_page
    assert not any(OWN in cell for row in b_rows for cell in row)


def test_withdrawal_names_who_took_the_story_down_in_every_language(
    client, group_site, other_group_site, site_editor, site_moderator
):
    story = content.add_story(group_site, f"Story {OWN}")
    arabic = story.copy_for_translation(
        Locale.objects.get(language_code="ar"), copy_parents=True
    )
    arabic.save_revision().publish()
    form = consent_form(story, consent_withdrawn_on="2025-06-01")
    assert post_edit(client, site_editor, story, **form).status_code == 302

    for copy in (story, arabic):
        logged = PageLogEntry.objects.filter(page=copy, user=site_editor)
        assert logged.filter(action="wagtail.unpublish").count() == 1
        change = logged.get(action="cms.consent_changed")
        assert "consent_withdrawn_on" in change.data["fields"]
    page, _rows = trail_of(client, site_moderator)
    assert "Changed the storyteller&#x27;s consent: consent withdrawn on" in page
    b_moderator = make_member(other_group_site, "moderator", f"{SENTINEL}-mod")
    b_page, _rows = trail_of(client, b_moderator)
    assert OWN not in b_page and "consent withdrawn on" not in b_page


def test_the_consent_review_job_says_why_it_unpublished(
    client, group_site, other_group_site, site_moderator
):
    due = timezone.localdate() - timedelta(days=1)
    story = content.add_story(group_site, f"Story {OWN}")
    other = content.add_story(other_group_site, f"Story {SENTINEL}")
    StoryPage.objects.filter(pk__in=[story.pk, other.pk]).update(consent_review_by=due)
    call_command("review_story_consent", stdout=io.StringIO())

    reason = "Unpublished: the storyteller's consent was due for review"
    page, rows = trail_of(client, site_moderator)
    ours = [row[1:3] for row in rows if row[4] == f"Story {OWN}"]
    assert ["system", reason] in ours
    assert ["system", "Unpublished"] in ours
    assert not any(SENTINEL in cell for row in rows for cell in row)
    assert SENTINEL not in page
    reasons = PageLogEntry.objects.filter(action="cms.consent_review_due")
    assert sorted(reasons.values_list("page_id", flat=True)) == sorted(
        [story.pk, other.pk]
    )


# Deleted pages and erased stories stay in their site's trail.


def delete_in_admin(client, user, page):
    client.force_login(user)
    url = reverse("wagtailadmin_pages:delete", args=[page.pk])
    assert client.post(url).status_code == 302
    assert not StandardPage.objects.filter(pk=page.pk).exists()


def test_deleted_pages_stay_in_their_sites_trail(
    client, group_site, other_group_site, site_moderator, network_admin
):
    b_moderator = make_member(other_group_site, "moderator", f"{SENTINEL}-mod")
    gone = publish_page(group_site, f"Gone {OWN}", site_moderator)
    parent = publish_page(group_site, "Parent", site_moderator)
    child = parent.add_child(instance=StandardPage(title=f"Child {OWN}", slug="c"))
    other = publish_page(other_group_site, f"Gone {SENTINEL}", b_moderator)
    delete_in_admin(client, site_moderator, gone)
    delete_in_admin(client, network_admin, parent)  # with its child
    DeletePageAction(other, user=b_moderator).execute()
    assert not StandardPage.objects.filter(pk__in=[child.pk, other.pk])

    page, rows = trail_of(client, site_moderator)
    gone_rows = [row[1:3] for row in rows if row[4] == f"Gone {OWN}"]
    moderator = site_moderator.username
    assert [moderator, "Published"] in gone_rows
    assert [moderator, "Deleted"] in gone_rows
    assert any(row[4] == f"Child {OWN}" and "Deleted" in row[2] for row in rows)
    assert f"Gone {OWN}" in page
    assert SENTINEL not in page
    assert not any(SENTINEL in cell for row in rows for cell in row)

    b_page, b_rows = trail_of(client, b_moderator)
    assert any(row[4] == f"Gone {SENTINEL}" and "Deleted" in row[2] for row in b_rows)
    assert OWN not in b_page


def test_erasures_show_in_their_sites_trail_with_counts_only(
    client, group_site, other_group_site, site_moderator, network_admin
):
    b_moderator = make_member(other_group_site, "moderator", f"{SENTINEL}-mod")
    story = content.add_story(group_site, f"Story {OWN}", storyteller="Amira Haddad")
    other = content.add_story(other_group_site, "Their story")
    erase_story(story, by=site_moderator)
    erase_story(other, by=b_moderator)

    page, rows = trail_of(client, site_moderator)
    erasures = [row for row in rows if row[3] == "story erasure"]
    assert len(erasures) == 1
    assert erasures[0][1] == site_moderator.username
    assert erasures[0][2].startswith("Erased a story of sanctuary (removed ")
    assert "pages: 1" in erasures[0][2]
    deleted = [row for row in rows if "Deleted" in row[2]]
    assert deleted and all(row[4] == "(erased)" for row in deleted)
    for word in (OWN, "Amira", SENTINEL):
        assert word not in page
        assert not any(word in cell for row in rows for cell in row)

    b_page, b_rows = trail_of(client, b_moderator)
    assert [f"{SENTINEL}-mod"] == [r[1] for r in b_rows if r[3] == "story erasure"]
    assert site_moderator.username not in b_page
    everything, _rows = trail_of(client, network_admin)
    assert everything.count("Erased a story of sanctuary") == 2
    only_a, _rows = trail_of(client, network_admin, site=group_site.pk)
    assert only_a.count("Erased a story of sanctuary") == 1
