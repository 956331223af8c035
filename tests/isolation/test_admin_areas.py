"""Isolation of the project's own admin areas: the Network area (sites, members,
WordPress imports), the per-site audit trail and the site export."""

from tests.isolation.common import url

REFUSED = [
    lambda net: url("cms_network:members", net.b.pk),
    lambda net: url("cms_network:sites"),
    lambda net: url("cms_network:add"),
    lambda net: url("cms_site_audit", query=f"site={net.b.pk}"),
    lambda net: url("cms_site_audit", query=f"site={net.b.pk}&export=csv"),
    lambda net: url("wordpress_import:start", net.b.pk),
    lambda net: url("wordpress_import:start", net.a.pk),  # network admins only
    lambda net: url("wordpress_import:run", net.b.pk, net.b_wordpress_run.pk),
    lambda net: url("wordpress_import:run", net.a.pk, net.b_wordpress_run.pk),
    lambda net: url("site_export:start", net.b.pk),
    lambda net: url("site_export:download", net.b.pk, net.b_export.pk),
    lambda net: url("site_export:download", net.a.pk, net.b_export.pk),
]

LISTINGS = [
    lambda net: url("cms_site_audit"),
    lambda net: url("cms_site_audit", query="export=csv"),
    lambda net: url("site_export"),
    lambda net: url("site_export:start", net.a.pk),
]

POSTS = [
    (
        lambda net: url("cms_network:members", net.b.pk),
        {"person": "{a_user}", "role": "moderator"},
    ),
    (
        lambda net: url("cms_network:remove_member", net.b.pk),
        {"person": "{b_editor}", "role": "{b_editor_role}"},
    ),
    (lambda net: url("wordpress_import:start", net.b.pk), {"mapping": "News=story"}),
    (lambda net: url("wordpress_import:start", net.a.pk), {"dry_run": "on"}),
    (lambda net: url("site_export:start", net.b.pk), {}),
    (lambda net: url("site_export:start", net.a.pk), {"include_personal_data": "on"}),
]
