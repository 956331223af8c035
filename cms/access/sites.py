"""Which sites a person works on, and the pages that follow from it.

The isolation rules of the admin are read from here: hooks and views call
these functions instead of querying pages, sites or roles themselves.
"""

from django.contrib.auth import get_user_model
from django.db.models import Q

from wagtail.models import Page, Site
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permissions import page_permission_policy, policy_registry

CURRENT_SITE_KEY = "cms:current_site"


# The national team: national editors (the national site's moderators, given
# cms.access.roles.NATIONAL_PERMISSIONS) and network admins. They run the network.
NATIONAL_TEAM_PERMISSION = ("cms", "create_network_site")


def is_national_team(user):
    """The one national-team rule: every check of "national team" calls this."""
    return user.is_active and (
        user.is_superuser or user.has_perm(".".join(NATIONAL_TEAM_PERMISSION))
    )


def national_team():
    """The active users is_national_team is true of."""
    app_label, codename = NATIONAL_TEAM_PERMISSION
    granted = Q(
        groups__permissions__codename=codename,
        groups__permissions__content_type__app_label=app_label,
    ) | Q(
        user_permissions__codename=codename,
        user_permissions__content_type__app_label=app_label,
    )
    users = get_user_model().objects.filter(is_active=True)
    return users.filter(granted | Q(is_superuser=True)).distinct()


class NationalTeamPolicy(BasePermissionPolicy):
    """Every action for the national team; nothing for others (endorsements)."""

    def user_has_permission(self, user, action):
        return is_national_team(user)

    def user_has_any_permission(self, user, actions):
        return is_national_team(user)

    def users_with_any_permission(self, actions):
        return national_team()

    def users_with_permission(self, action):
        return national_team()


def member_sites(user):
    """The sites a person holds a role on (every site for network admins)."""
    sites = Site.objects.select_related("root_page").order_by(
        "-is_default_site", "site_name"
    )
    if user.is_superuser:
        return sites
    return sites.filter(roles__group__user=user).distinct()


def site_label(site):
    """A site as people name it in forms: never Wagtail's "name [default]"."""
    return site.site_name or site.hostname


def current_site(request):
    """The site a member is working on: chosen in the session, else their first."""
    sites = member_sites(request.user)
    chosen = request.session.get(CURRENT_SITE_KEY)
    site = sites.filter(pk=chosen).first() if chosen else None
    return site or sites.first()


def remember_site(request, site):
    request.session[CURRENT_SITE_KEY] = site.pk


def site_for_page(page):
    """The site a page belongs to, in whichever language the page is."""
    home = Page.objects.filter(path=page.path[: Page.steplen * 2]).first()
    if home is None:
        return None
    return (
        Site.objects.filter(root_page__translation_key=home.translation_key)
        .select_related("root_page")
        .first()
    )


def pages_under_homes(home_keys):
    """The pages below the homes of these translation keys, in every language."""
    roots = Page.objects.filter(translation_key__in=home_keys)
    subtrees = Q(pk__in=[])
    for path in roots.values_list("path", flat=True):
        subtrees |= Q(path__startswith=path)
    return Page.objects.filter(subtrees)


def site_pages(site):
    """The pages of a site: its home page tree and every translation of it."""
    return pages_under_homes([site.root_page.translation_key])


def explorable_pages(user):
    """Pages a person may see in the admin: their sites' trees and the tree root."""
    return page_permission_policy.explorable_instances(user)


def moderated_pages(user):
    """Pages whose site a person moderates (publishes)."""
    return page_permission_policy.instances_user_has_permission_for(user, "publish")


def objects_in_scope(user, model, actions=("choose", "change", "delete")):
    """The objects of a model a person may act on: pages of their sites, media
    of their collections, site-owned records of their sites."""
    if issubclass(model, Page):
        return explorable_pages(user)
    policy = policy_registry.get_by_type(model)
    return policy.instances_user_has_any_permission_for(user, list(actions))
