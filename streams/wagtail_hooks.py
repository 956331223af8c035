from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from cms.access.viewsets import SiteScopedViewSet, register_site_scoped

from .models import AwardScheme

register_site_scoped(AwardScheme)


class AwardSchemeViewSet(SiteScopedViewSet):
    model = AwardScheme
    icon = "pick"
    menu_label = _("Sanctuary Awards")
    add_to_admin_menu = True
    menu_order = 220
    list_display = ["name", "site"]
    search_fields = ["name"]


@hooks.register("register_admin_viewset")
def register_award_schemes():
    return AwardSchemeViewSet("award_schemes")
