"""The admin for search promotions: the same site-scoped viewset and permission
policy as supporters and award schemes (cms.access.viewsets), so a promotion of
another site is refused like any other site's data."""

from django.utils.translation import gettext_lazy as _

from cms.access.viewsets import SiteScopedViewSet

from .models import SitePromotion


class SitePromotionViewSet(SiteScopedViewSet):
    model = SitePromotion
    icon = "pick"
    menu_label = _("Search promotions")
    add_to_admin_menu = True
    menu_order = 240
    list_display = ["query_string", "page", "site", "sort_order"]
    search_fields = ["query_string"]
