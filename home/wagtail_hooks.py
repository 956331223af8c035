from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home import views
from home.models import Endorsement
from home.permissions import moderated_sites


class EndorsementViewSet(SnippetViewSet):
    """Endorsements of the declaration, approved by the national team only."""

    model = Endorsement
    icon = "tick-inverse"
    menu_label = _("Endorsements")
    add_to_admin_menu = True
    list_display = ["organisation", "place", "approved", "submitted_at"]
    list_filter = ["approved"]
    search_fields = ["organisation", "place"]


register_snippet(EndorsementViewSet)


class NetworkNewsMenuItem(MenuItem):
    def is_shown(self, request):
        return moderated_sites(request.user).exists()


@hooks.register("register_admin_urls")
def network_news_urls():
    return [
        path("network-news/", views.network_news_sites, name="network_news_sites"),
        path(
            "network-news/<int:site_id>/",
            views.network_news_choices,
            name="network_news_choices",
        ),
        path(
            "network-news/<int:site_id>/<int:news_id>/",
            views.change_network_news_choice,
            name="change_network_news_choice",
        ),
    ]


@hooks.register("register_admin_menu_item")
def network_news_menu_item():
    return NetworkNewsMenuItem(
        _("Network news on my site"),
        reverse("network_news_sites"),
        icon_name="globe",
        order=250,
    )
