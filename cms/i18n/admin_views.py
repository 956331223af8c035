"""The translation status board in the admin, one per site."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from wagtail.models import Site

from cms.models import Role, SiteRole

from .access import site_locales, translatable_locales
from .status import LABELS, status_board

BOARD_ROLES = (Role.MODERATOR, Role.TRANSLATOR)


def board_sites(user):
    """The sites whose board this user may see: their moderator and translator
    roles; network admins see every site."""
    if user.is_superuser:
        return Site.objects.order_by("site_name")
    roles = SiteRole.objects.for_user(user).filter(role__in=BOARD_ROLES)
    return Site.objects.filter(pk__in=roles.values("site")).order_by("site_name")


def index(request):
    sites = list(board_sites(request.user))
    if len(sites) == 1:
        return redirect("translation_status:board", site_id=sites[0].pk)
    if not sites:
        raise PermissionDenied
    return TemplateResponse(
        request,
        "cms/admin/translation_status_index.html",
        {"sites": sites, "page_title": _("Translation status")},
    )


def board(request, site_id):
    site = get_object_or_404(Site.objects.select_related("root_page"), pk=site_id)
    if not board_sites(request.user).filter(pk=site.pk).exists():
        raise PermissionDenied
    locales = list(site_locales(site).order_by("language_code"))
    allowed = translatable_locales(request.user, site)
    rows = status_board(site, locales, allowed, next_url=request.get_full_path())
    return TemplateResponse(
        request,
        "cms/admin/translation_status.html",
        {
            "site": site,
            "locales": locales,
            "rows": rows,
            "labels": LABELS,
            "page_title": _("Translation status: %(site)s") % {"site": site.site_name},
        },
    )
