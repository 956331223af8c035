from wagtail import hooks

from cms.access.viewsets import register_site_scoped

from .models import SitePromotion
from .promotions_admin import SitePromotionViewSet

register_site_scoped(SitePromotion)


@hooks.register("register_admin_viewset")
def register_promotions():
    return SitePromotionViewSet("site_promotions")
