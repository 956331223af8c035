"""Only network admins (superusers) may manage users, groups and sites.

Any other holder of those permissions could make themselves a network admin,
so no group and no non-superuser may hold them.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core import checks
from django.db import connections
from django.db.models import Q

from wagtail.models import GroupSitePermission

ESCALATING = Q(content_type__app_label__in=["auth", "wagtailusers"]) | Q(
    content_type__app_label="wagtailcore", content_type__model="site"
)

TABLES = {"auth_group_permissions", "wagtailcore_groupsitepermission"}


def escalating_grants(using="default"):
    """Sorted "holder: app.codename" for every forbidden grant."""
    permissions = Permission.objects.using(using).filter(ESCALATING)
    grants = {
        f"group {group}: {app}.{codename}"
        for group, app, codename in permissions.filter(group__isnull=False)
        .values_list("group__name", "content_type__app_label", "codename")
        .distinct()
    }
    users = get_user_model().objects.using(using).filter(is_superuser=False)
    grants.update(
        f"user {user}: {app}.{codename}"
        for user, app, codename in permissions.filter(user__in=users)
        .values_list("user__username", "content_type__app_label", "codename")
        .distinct()
    )
    grants.update(
        f"group {group} on a site: {app}.{codename}"
        for group, app, codename in GroupSitePermission.objects.using(using)
        .filter(permission__in=permissions)
        .values_list(
            "group__name",
            "permission__content_type__app_label",
            "permission__codename",
        )
    )
    return sorted(grants)


def check_no_escalating_groups(app_configs=None, databases=None, **kwargs):
    errors = []
    for alias in databases or []:
        if not set(connections[alias].introspection.table_names()) >= TABLES:
            continue  # not migrated yet
        errors += [
            checks.Error(
                f"{grant}: only network admins may manage users, groups and sites.",
                hint="Remove this permission; make the person a network admin instead.",
                id="cms.E001",
            )
            for grant in escalating_grants(alias)
        ]
    return errors
