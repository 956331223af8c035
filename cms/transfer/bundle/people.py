"""Personal data that leaves only on request: the site's audit trail and the
accounts of its members. Neither is loaded by import_site: the trail stays a
record of the old installation, and accounts are never made from a file."""

from wagtail.models import Site

from cms.audit.trail import site_entries
from cms.models import SiteRole


def audit_rows(site, left_out):
    """The site's trail, but for entries about pages that do not leave
    (withdrawn stories)."""
    pages, models, erasures = site_entries(Site.objects.filter(pk=site.pk))
    rows = []
    for entry in [*pages.exclude(page_id__in=left_out), *models]:
        rows.append(
            {
                "timestamp": entry.timestamp,
                "action": entry.action,
                "label": entry.label,
                "by": entry.user.get_username() if entry.user else None,
                "page": entry.page_id if hasattr(entry, "page_id") else None,
                "object": f"{entry.content_type.app_label}.{entry.content_type.model}"
                if entry.content_type
                else None,
                "data": entry.data,
            }
        )
    for record in erasures.records:
        rows.append(
            {
                "timestamp": record.erased_at,
                "action": "cms.story_erased",
                "by": record.erased_by.get_username() if record.erased_by else None,
                "data": record.removed,
            }
        )
    return sorted(rows, key=lambda row: row["timestamp"])


def member_rows(site):
    people = {}
    roles = SiteRole.objects.filter(site=site).select_related("locale", "group")
    for role in roles:
        for user in role.group.user_set.order_by("username"):
            person = people.setdefault(
                user.pk,
                {
                    "username": user.get_username(),
                    "first_name": user.first_name,
                    "last_name": user.last_name,
                    "email": user.email,
                    "roles": [],
                },
            )
            person["roles"].append(
                {
                    "role": role.role,
                    "language": role.locale and role.locale.language_code,
                }
            )
    return list(people.values())
