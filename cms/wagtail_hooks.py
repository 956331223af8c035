"""Every Wagtail hook of the network core, in sections: network, dashboard,
access, stories, audit, i18n, transfer, cache. Bodies call into the packages;
append to your section. Admin menu orders are distinct across the project:

  150 Network                    210 Supporters (groups)      240 Search promotions
  200 Network news on my site    220 Sanctuary Awards         250 Translation status
      (home)                         (streams)                260 Audit trail
                                 230 Endorsements (home)
"""

from django.core.exceptions import PermissionDenied
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from cms.access import submissions
from cms.access.admin_views import ScopedDocumentsAPI, ScopedImagesAPI
from cms.access.roles import moderated_sites
from cms.access.sites import (
    current_site,
    explorable_pages,
    is_national_team,
    moderated_pages,
)
from cms.audit import trail
from cms.i18n import admin_urls as i18n_urls
from cms.i18n.admin_views import board_sites
from cms.network import admin_views as network_admin
from cms.network.dashboard import SITE_PANELS
from cms.stories import erasure_views, translation_review_views
from cms.transfer.bundle import admin_views as bundle_views
from cms.transfer.bundle import export as bundle_export
from cms.transfer.wordpress import admin_views as wordpress_views
from cms.transfer.wordpress.report import register_import_actions

# Network: every site, adding sites, members of each site.


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


# Access: a role of one site sees nothing of another site (cms/access/).


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


@hooks.register("register_admin_urls", order=-1)
def whole_selection_delete_url():
    """Earlier in the URL list than Wagtail's own forms patterns."""
    return submissions.urlpatterns


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


# Stories: "Erase story" and "Submit for safeguarding review" (translated
# stories), each a confirmation page and a button in the header and listing.


@hooks.register("register_admin_urls")
def story_action_urls():
    return [
        path("stories/", include((erasure_views.urlpatterns, "cms_erasure"))),
        path(
            "stories/",
            include((translation_review_views.urlpatterns, "cms_story_review")),
        ),
    ]


@hooks.register("register_page_header_buttons")
def story_buttons_in_header(page, user, view_name, next_url=None):
    return [
        *translation_review_views.submit_button(page, user, priority=54),
        *erasure_views.erase_button(page, user, priority=55),
    ]


@hooks.register("register_page_listing_more_buttons")
def story_buttons_in_listing(page, user, next_url=None):
    return [
        *translation_review_views.submit_button(page, user, priority=34),
        *erasure_views.erase_button(page, user, priority=35),
    ]


# Audit: role and consent log actions, the per-site trail (cms/audit/).


@hooks.register("register_log_actions")
def role_log_actions(actions):
    trail.register_role_actions(actions)


@hooks.register("register_log_actions")
def consent_log_actions(actions):
    trail.register_consent_actions(actions)


class AuditMenuItem(MenuItem):
    def is_shown(self, request):
        return trail.audit_sites(request.user).exists()


@hooks.register("register_admin_urls")
def site_audit_urls():
    return trail.urlpatterns


@hooks.register("register_admin_menu_item")
def site_audit_menu_item():
    return AuditMenuItem(
        _("Audit trail"), reverse("cms_site_audit"), icon_name="history", order=260
    )


# i18n: wagtail-localize's views replaced by scoped ones, the status board.


@hooks.register("register_admin_urls", order=-1)
def scoped_translation_urls():
    """Earlier in the URL list than wagtail-localize's own patterns."""
    return i18n_urls.urlpatterns


class BoardMenuItem(MenuItem):
    def is_shown(self, request):
        return board_sites(request.user).exists()


@hooks.register("register_admin_menu_item")
def translation_status_menu_item():
    return BoardMenuItem(
        _("Translation status"),
        reverse("translation_status:index"),
        icon_name="wagtail-localize-language",
        order=250,
    )


@hooks.register("construct_reports_menu")
def hide_network_translation_report(request, menu_items):
    """wagtail-localize's report lists every site's pages: network admins only."""
    if not request.user.is_superuser:
        report_url = reverse("wagtail_localize:translations_report")
        menu_items[:] = [item for item in menu_items if item.url != report_url]


# Transfer: moving a WordPress subsite in (cms/transfer/wordpress/).


@hooks.register("register_log_actions")
def wordpress_import_log_actions(actions):
    register_import_actions(actions)


@hooks.register("register_admin_urls")
def wordpress_import_urls():
    urls = (wordpress_views.urlpatterns, "wordpress_import")
    return [path("network/<int:site_id>/wordpress/", include(urls))]


# Transfer: a site's bundle (cms/transfer/bundle/), for its moderators.


@hooks.register("register_log_actions")
def bundle_log_actions(actions):
    bundle_export.register_log_actions(actions)


@hooks.register("register_admin_urls")
def site_export_urls():
    urls = (bundle_views.urlpatterns, "site_export")
    return [
        path("network/<int:site_id>/export/", include(urls)),
        path("network/export/", bundle_views.current_site_export, name="site_export"),
    ]


class SiteExportMenuItem(MenuItem):
    def is_shown(self, request):
        return moderated_sites(request.user).exists()


@hooks.register("register_settings_menu_item")
def site_export_menu_item():
    return SiteExportMenuItem(
        _("Export this site"), reverse("site_export"), icon_name="download", order=900
    )


# Cache: a CDN in front keeps no story of sanctuary; the anonymous page cache
# (cms/cache/) is invalidated at once on withdrawal, a CDN only on purge.


@hooks.register("before_serve_page")
def keep_stories_out_of_shared_caches(page, request, serve_args, serve_kwargs):
    if page.specific_class._meta.label == "cms.StoryPage":
        request.page_cache_cdn_refused = True
