"""Admin views: a site's moderators hide or pin the network news shown on it."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cms.access.roles import moderated_sites
from home.models import NetworkNewsPage, SyndicationChoice

ACTIONS = {
    "hide": {"hidden": True, "pinned": False},
    "show": {"hidden": False},
    "pin": {"pinned": True, "hidden": False},
    "unpin": {"pinned": False},
}


def _site_for(request, site_id):
    sites = moderated_sites(request.user)
    if not sites.exists():
        raise PermissionDenied
    return get_object_or_404(sites.select_related("root_page"), pk=site_id)


def network_news_sites(request):
    sites = list(moderated_sites(request.user).order_by("site_name"))
    if not sites:
        raise PermissionDenied
    if len(sites) == 1:
        return redirect("network_news_choices", site_id=sites[0].pk)
    return TemplateResponse(
        request, "home/admin/network_news_sites.html", {"sites": sites}
    )


def network_news_choices(request, site_id):
    site = _site_for(request, site_id)
    choices = {c.news_id: c for c in SyndicationChoice.objects.filter(site=site)}
    items = list(NetworkNewsPage.objects.syndicated_to(site).newest_first())
    for item in items:
        item.choice = choices.get(item.pk)
    return TemplateResponse(
        request,
        "home/admin/network_news_choices.html",
        {"site": site, "items": items, "header_title": site.site_name},
    )


@require_POST
def change_network_news_choice(request, site_id, news_id):
    site = _site_for(request, site_id)
    news = NetworkNewsPage.objects.syndicated_to(site).filter(pk=news_id).first()
    action = ACTIONS.get(request.POST.get("action", ""))
    if news is None or action is None:
        raise Http404
    SyndicationChoice.objects.update_or_create(site=site, news=news, defaults=action)
    messages.success(request, _("Saved: %(title)s") % {"title": news.title})
    return redirect("network_news_choices", site_id=site.pk)
