from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .models import SitePromotion
from .promotions_admin import SitePromotionPermissionPolicy, SitePromotionViewSet

register_permission_policy(SitePromotion, SitePromotionPermissionPolicy(SitePromotion))


@hooks.register("register_admin_viewset")
def register_promotions():
    return SitePromotionViewSet("site_promotions")
