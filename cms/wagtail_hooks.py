"""Wagtail hooks of the network core, grouped by concern: append to your group."""

from django.core.exceptions import PermissionDenied
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from cms.access.admin_views import ScopedDocumentsAPI, ScopedImagesAPI
from cms.access.sites import (
    current_site,
    explorable_pages,
    is_national_team,
    moderated_pages,
)
from cms.network import admin_views as network_admin
from cms.network.dashboard import SITE_PANELS

# Network area: every site, adding sites, members of each site.


class NetworkMenuItem(MenuItem):
    def is_shown(self, request):
        return is_national_team(request.user)


@hooks.register("register_admin_urls")
def network_urls():
    return [path("network/", include((network_admin.urlpatterns, "cms_network")))]


@hooks.register("register_admin_menu_item")
def network_menu_item():
    return NetworkMenuItem(
        _("Network"), reverse("cms_network:sites"), icon_name="site", order=150
    )


# Dashboard: panels about the site a member works on, instead of Wagtail's
# panels that list a person's pages on every site.

UNSCOPED_PANELS = {
    "user_objects_in_workflow_moderation",
    "recent_edits",
    "locked_pages",
}


@hooks.register("construct_homepage_panels")
def site_dashboard(request, panels):
    site = current_site(request)
    if site is None:
        return
    panels[:] = [panel for panel in panels if panel.name not in UNSCOPED_PANELS]
    panels.extend(panel(request, site) for panel in SITE_PANELS)


# Isolation: a role of one site sees nothing of another site.


@hooks.register("construct_page_chooser_queryset")
def chooser_shows_own_sites_only(pages, request):
    if request.user.is_superuser:
        return pages
    return pages.filter(pk__in=explorable_pages(request.user).values("pk"))


@hooks.register("construct_explorer_page_queryset")
def explorer_shows_own_sites_only(parent_page, pages, request):
    if request.user.is_superuser:
        return pages
    return pages.filter(pk__in=explorable_pages(request.user).values("pk"))


@hooks.register("filter_form_submissions_for_user")
def submissions_for_moderators_only(user, form_pages):
    if user.is_superuser:
        return form_pages
    return form_pages.filter(pk__in=moderated_pages(user).values("pk"))


@hooks.register("construct_admin_api", order=100)  # after Wagtail's own endpoints
def admin_api_lists_own_media_only(router):
    router.register_endpoint("images", ScopedImagesAPI)
    router.register_endpoint("documents", ScopedDocumentsAPI)


@hooks.register("before_move_page")
def move_only_within_own_sites(request, page, destination):
    # Wagtail checks the move itself on POST only; the confirmation page too.
    if not page.permissions_for_user(request.user).can_move_to(destination):
        raise PermissionDenied


@hooks.register("construct_reports_menu")
def network_wide_reports_for_national_team(request, menu_items):
    if not is_national_team(request.user):
        menu_items[:] = [item for item in menu_items if item.name != "page-types-usage"]


from cms.access import submissions  # noqa: E402, F401
from cms.audit import trail  # noqa: E402, F401
from cms.i18n import admin_hooks  # noqa: E402, F401
from cms.stories import erasure_views  # noqa: E402, F401

# Translated stories' safeguarding review
from cms.stories import translation_review_views  # noqa: E402, F401  # isort: skip
