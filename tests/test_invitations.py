"""Inviting a person to a site from its Members screen: an email with a link
to choose their own password, valid once and for a week, audited."""

import re
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup

from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from wagtail.models import ModelLogEntry

from cms.models import Invitation, SiteRole
from tests.factories import PASSWORD

NEW_PASSWORD = "a-long-walk-to-the-library"


def invite_url(site):
    return reverse("cms_network:invite", args=[site.pk])


def invite(client, site, email="dawit@example.org", role="editor", language=""):
    data = {"email": email, "role": role, "language": language}
    return client.post(invite_url(site), data)


def link_path(message):
    link = re.search(r"https?://\S+/admin/invitation/\S+/", message.body).group()
    return "/" + link.split("/", 3)[3]


def accept(client, path, username="dawit", password=NEW_PASSWORD, again=None):
    data = {"username": username, "password1": password, "password2": again or password}
    return client.post(path, data)


def test_moderator_invites_a_translator_who_sets_their_own_password(
    client, group_site, site_moderator
):
    client.force_login(site_moderator)
    response = invite(client, group_site, role="translator", language="ar")
    assert response.status_code == 302
    (message,) = mail.outbox
    assert message.to == ["dawit@example.org"]
    assert "Sheffield" in message.subject
    assert "Translator" in message.body and PASSWORD not in message.body
    members = BeautifulSoup(client.get(response.url).content, "html.parser")
    assert "dawit@example.org" in members.select_one(".cms-invitations").get_text()
    trail = ModelLogEntry.objects.filter(action="cms.invitation_sent")
    assert trail.get().data == {"email": "dawit@example.org", "role": "translator"}

    client.logout()
    path = link_path(message)
    page = BeautifulSoup(client.get(path).content, "html.parser")
    assert page.h1.get_text(strip=True) == "Join Sheffield"
    response = accept(client, path)
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")
    dawit = get_user_model().objects.get(username="dawit")
    assert dawit.email == "dawit@example.org" and dawit.check_password(NEW_PASSWORD)
    role = SiteRole.objects.get(group__user=dawit)
    assert (role.site, role.role, role.locale.language_code) == (
        group_site,
        "translator",
        "ar",
    )
    dashboard = BeautifulSoup(client.get(response.url).content, "html.parser")
    assert (
        dashboard.select_one(".cms-site-panel h2").get_text(strip=True) == "Sheffield"
    )
    actions = set(ModelLogEntry.objects.values_list("action", flat=True))
    assert {"cms.invitation_accepted", "cms.role_granted"} <= actions

    client.logout()
    assert client.get(path).status_code == 404
    assert accept(client, path, username="dawit2").status_code == 404
    assert get_user_model().objects.filter(email="dawit@example.org").count() == 1


def test_invitation_link_expires_after_a_week(client, group_site, site_moderator):
    client.force_login(site_moderator)
    invite(client, group_site)
    client.logout()
    Invitation.objects.update(created_at=timezone.now() - timedelta(days=7, hours=1))
    path = link_path(mail.outbox[0])
    assert client.get(path).status_code == 404
    assert accept(client, path).status_code == 404
    assert not get_user_model().objects.filter(username="dawit").exists()
    assert client.get("/admin/invitation/made-up-token/").status_code == 404


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"email": "not-an-address"}, "email"),
        ({"email": "sheffield-editor@example.org"}, "email"),
        ({"role": "translator"}, "language"),
        ({"role": "translator", "language": "cy"}, "language"),
        ({"role": "editor", "language": "ar"}, "language"),
        ({"role": "owner"}, "role"),
    ],
)
def test_bad_invitations_are_refused_with_a_form_error(
    client, group_site, site_moderator, site_editor, data, field
):
    client.force_login(site_moderator)
    response = invite(client, group_site, **data)
    assert response.status_code == 400
    assert field in response.context["invite_form"].errors
    assert not Invitation.objects.exists() and mail.outbox == []


@pytest.mark.parametrize(
    ("username", "password", "again", "field"),
    [
        ("dawit", NEW_PASSWORD, "something-else-entirely", "password2"),
        ("dawit", "123", "123", "password2"),
        ("sheffield-moderator", NEW_PASSWORD, None, "username"),
        ("dawit and friends", NEW_PASSWORD, None, "username"),
    ],
)
def test_a_bad_account_form_is_refused_and_the_invitation_stays_open(
    client, group_site, site_moderator, username, password, again, field
):
    client.force_login(site_moderator)
    invite(client, group_site)
    client.logout()
    path = link_path(mail.outbox[0])
    response = accept(client, path, username, password, again)
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not get_user_model().objects.filter(email="dawit@example.org").exists()
    assert Invitation.objects.pending().count() == 1


def refused(response):
    """Wagtail's admin turns a refusal into a redirect to the dashboard."""
    return response.status_code == 302 and response.url == reverse("wagtailadmin_home")


def test_only_the_sites_own_moderators_invite_to_it(
    client, group_site, other_group_site, site_moderator, site_editor
):
    client.force_login(site_moderator)
    assert refused(invite(client, other_group_site))
    client.force_login(site_editor)
    assert refused(invite(client, group_site))
    members = client.get(reverse("cms_network:members", args=[group_site.pk]))
    assert refused(members)
    assert not Invitation.objects.exists() and mail.outbox == []
