from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from cms.access.viewsets import SiteScopedViewSet, register_site_scoped

from .models import SupportingOrganisation

register_site_scoped(SupportingOrganisation)


class SupportingOrganisationViewSet(SiteScopedViewSet):
    model = SupportingOrganisation
    icon = "group"
    menu_label = _("Supporters")
    add_to_admin_menu = True
    menu_order = 210
    list_display = ["name", "place", "site", "status", "listed", "pledged_at"]
    list_filter = {"status": ["exact"], "listed": ["exact"]}
    search_fields = ["name", "place"]
    ordering = ["status", "-pledged_at"]
    inspect_view_enabled = True


@hooks.register("register_admin_viewset")
def register_supporters():
    return SupportingOrganisationViewSet("supporters")
