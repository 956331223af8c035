"""Which sites a person works on, and the pages that follow from it.

The isolation rules of the admin are read from here: hooks and views call
these functions instead of querying pages, sites or roles themselves.
"""

from django.db.models import Q

from wagtail.models import Page, Site
from wagtail.permissions import page_permission_policy, policy_registry

CURRENT_SITE_KEY = "cms:current_site"


def is_national_team(user):
    """National editors and network admins: they run the network."""
    return user.is_active and (
        user.is_superuser or user.has_perm("cms.create_network_site")
    )


def member_sites(user):
    """The sites a person holds a role on (every site for network admins)."""
    sites = Site.objects.select_related("root_page").order_by(
        "-is_default_site", "site_name"
    )
    if user.is_superuser:
        return sites
    return sites.filter(roles__group__user=user).distinct()


def current_site(request):
    """The site a member is working on: chosen in the session, else their first."""
    sites = member_sites(request.user)
    chosen = request.session.get(CURRENT_SITE_KEY)
    site = sites.filter(pk=chosen).first() if chosen else None
    return site or sites.first()


def remember_site(request, site):
    request.session[CURRENT_SITE_KEY] = site.pk


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
