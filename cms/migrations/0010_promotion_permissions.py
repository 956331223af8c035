"""Search promotions join the site-scoped data (cms.access.roles.SITE_DATA): each
site's moderators get them on their site, the national team on every site."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

VERBS = ("add", "change", "delete")


def grant(apps, schema_editor):
    search = apps.get_app_config("search")
    if getattr(search, "models_module", None) is None:  # a stub in migrations:
        search.models_module = True  # create_permissions would skip it
    create_permissions(search, apps=apps, verbosity=0)
    Permission = apps.get_model("auth", "Permission")
    SiteRole = apps.get_model("cms", "SiteRole")
    GroupSitePermission = apps.get_model("wagtailcore", "GroupSitePermission")
    permissions = list(
        Permission.objects.filter(
            content_type__app_label="search",
            codename__in=[f"{verb}_sitepromotion" for verb in VERBS],
        )
    )
    for role in SiteRole.objects.filter(role="moderator", locale=None):
        for permission in permissions:
            GroupSitePermission.objects.get_or_create(
                group_id=role.group_id, site_id=role.site_id, permission=permission
            )
    national = SiteRole.objects.filter(
        role="moderator",
        locale=None,
        group__permissions__codename="create_network_site",
    )
    for role in national:
        role.group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0009_site_collection"),
        ("search", "0001_site_promotions"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
