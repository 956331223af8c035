"""Builders for test data, through the same code paths users take."""

from django.contrib.auth import get_user_model

from cms.access.roles import grant_role
from cms.network.provisioning import NewSite, provision_site

PASSWORD = "correct-horse-battery"


def make_site(kind="group", name="Sheffield", hostname=None, languages=(), **facts):
    if kind == "stream":
        facts.setdefault("sector", "schools")
    request = NewSite(
        kind=kind,
        name=name,
        hostname=hostname or "",
        languages=list(languages),
        facts=facts,
    )
    return provision_site(request)


def make_user(username, **extra):
    user = get_user_model().objects.create_user(
        username=username, password=PASSWORD, email=f"{username}@example.org", **extra
    )
    return user


def make_member(site, role, username=None, language=None):
    username = username or f"{site.site_name.lower().replace(' ', '-')}-{role}"
    user = make_user(username)
    grant_role(user, site, role, language)
    return user
