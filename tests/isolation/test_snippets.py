"""Isolation of snippets: site-owned supporters and award schemes, and global
snippets (the charter) for the national team only."""

from django.contrib.auth.models import Permission

from tests.isolation.common import CHARTER, SEARCH, url

REFUSED = [
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
]

LISTINGS = [
    lambda net: url("wagtailsnippets:index"),
    lambda net: url("supporters:index"),
    lambda net: url("supporters:index", query=SEARCH),
    lambda net: url("award_schemes:index"),
]

POSTS = [
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
]


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
