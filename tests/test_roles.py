"""grant_site_role and revoke_site_role, and what each role may do."""

from io import StringIO

import pytest

from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.core.management.base import CommandError

from wagtail.models import GroupSitePermission, Locale

from cms.models import Role, SiteRole
from tests.factories import make_user


def run(command, *args):
    out = StringIO()
    call_command(command, *args, stdout=out)
    return out.getvalue()


def role_groups(user):
    return {
        (r.site.hostname, r.role, r.locale and r.locale.language_code)
        for r in SiteRole.objects.filter(group__user=user)
    }


def test_grant_gives_a_person_the_sites_editor_role(group_site):
    user = make_user("amal")
    output = run(
        "grant_site_role",
        "--hostname=sheffield.localhost",
        "--role=editor",
        "--user=amal",
    )
    assert output.strip() == "Granted editor on sheffield.localhost to amal."
    assert role_groups(user) == {("sheffield.localhost", "editor", None)}


def test_grant_translator_with_a_new_language_makes_its_group(group_site):
    user = make_user("dawit")
    group_site.siteidentity.languages.add(Locale.objects.get(language_code="ti"))
    run(
        "grant_site_role",
        "--hostname=sheffield.localhost",
        "--role=translator",
        "--user=dawit",
        "--language=ti",
    )
    assert role_groups(user) == {("sheffield.localhost", "translator", "ti")}
    group = Group.objects.get(
        site_role__site=group_site, site_role__locale__language_code="ti"
    )
    assert group.name == "Sheffield: translators (ti)"


def test_revoke_takes_the_role_away_and_keeps_the_others(group_site):
    user = make_user("amal")
    for role in ("editor", "moderator"):
        run(
            "grant_site_role",
            "--hostname=sheffield.localhost",
            "--role",
            role,
            "-v0",
            "--user=amal",
        )
    output = run(
        "revoke_site_role",
        "--hostname=sheffield.localhost",
        "--role=editor",
        "--user=amal",
    )
    assert output.strip() == "Revoked editor on sheffield.localhost from amal."
    assert role_groups(user) == {("sheffield.localhost", "moderator", None)}


def test_revoke_translator_only_for_the_language_given(group_site):
    user = make_user("dawit")
    group_site.siteidentity.languages.add(Locale.objects.get(language_code="fa"))
    for language in ("ar", "fa"):
        run(
            "grant_site_role",
            "--hostname=sheffield.localhost",
            "--role=translator",
            "--user=dawit",
            "--language",
            language,
        )
    run(
        "revoke_site_role",
        "--hostname=sheffield.localhost",
        "--role=translator",
        "--user=dawit",
        "--language=ar",
    )
    assert role_groups(user) == {("sheffield.localhost", "translator", "fa")}


BAD_GRANTS = [
    (["--hostname=nowhere.localhost", "--role=editor", "--user=amal"], "No site"),
    (["--hostname=sheffield.localhost", "--role=editor", "--user=nobody"], "No user"),
    (
        ["--hostname=sheffield.localhost", "--role=translator", "--user=amal"],
        "A translator needs --language.",
    ),
    (
        [
            "--hostname=sheffield.localhost",
            "--role=editor",
            "--user=amal",
            "--language=ar",
        ],
        "Only translators have a language.",
    ),
    (
        [
            "--hostname=sheffield.localhost",
            "--role=translator",
            "--user=amal",
            "--language=xx",
        ],
        "Unknown language xx.",
    ),
]


@pytest.mark.parametrize(("args", "message"), BAD_GRANTS)
@pytest.mark.parametrize("command", ["grant_site_role", "revoke_site_role"])
def test_bad_grants_are_refused_and_change_nothing(group_site, command, args, message):
    user = make_user("amal")
    groups_before = Group.objects.count()
    with pytest.raises(CommandError, match=message):
        run(command, *args)
    assert role_groups(user) == set()
    assert Group.objects.count() == groups_before


def test_unknown_role_is_refused(group_site):
    make_user("amal")
    with pytest.raises(CommandError, match="invalid choice"):
        run(
            "grant_site_role",
            "--hostname=sheffield.localhost",
            "--role=owner",
            "--user=amal",
        )


def group_permissions(site, role):
    group = SiteRole.objects.get(site=site, role=role, locale__isnull=True).group
    pages = {p.permission.codename for p in group.page_permissions.all()}
    media = {p.permission.codename for p in group.collection_permissions.all()}
    site_rules = {
        p.permission.codename for p in GroupSitePermission.objects.filter(group=group)
    }
    return pages, media, site_rules


def test_editors_add_and_edit_but_do_not_publish(group_site):
    pages, media, site_rules = group_permissions(group_site, Role.EDITOR)
    assert pages == {"add_page", "change_page"}
    assert "delete_image" not in media and "add_image" in media
    assert site_rules == set()


def test_moderators_publish_and_edit_their_sites_settings(group_site):
    pages, media, site_rules = group_permissions(group_site, Role.MODERATOR)
    assert "publish_page" in pages
    assert "delete_document" in media
    site_data = {
        f"{verb}_{model}"
        for model in ("supportingorganisation", "awardscheme", "sitepromotion")
        for verb in ("add", "change", "delete")
    }
    assert site_rules == {"change_siteidentity", *site_data}


def test_page_rules_sit_on_the_sites_own_home_page(group_site, other_group_site):
    for site in (group_site, other_group_site):
        for role in site.roles.filter(locale__isnull=True):
            # Moderators publish translations, so they hold every language's home.
            homes = [site.root_page]
            if role.role == Role.MODERATOR:
                homes = site.root_page.get_translations(inclusive=True)
            assert {rule.page_id for rule in role.group.page_permissions.all()} == {
                home.pk for home in homes
            }


def test_no_site_role_can_manage_users_groups_sites_or_snippets(
    national_site, group_site, stream_site
):
    risky = Permission.objects.filter(
        content_type__app_label__in=["auth", "wagtailcore", "wagtailusers"],
        content_type__model__in=["user", "group", "site", "groupsitepermission"],
    )
    holders = Group.objects.filter(permissions__in=risky)
    assert not holders.exists()
    local_groups = Group.objects.filter(site_role__site__in=[group_site, stream_site])
    local_permissions = Permission.objects.filter(group__in=local_groups).distinct()
    assert {p.codename for p in local_permissions} == {
        "access_admin",
        "submit_translation",
    }


def test_only_the_national_moderators_may_create_sites(national_site, group_site):
    holders = Group.objects.filter(permissions__codename="create_network_site")
    assert [g.site_role.site for g in holders] == [national_site]
    assert holders.get().site_role.role == Role.MODERATOR
