from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permissions import policy_registry
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views import chooser
from wagtail.snippets.views.snippets import SnippetViewSet

from cms.access.refusals import refuse
from cms.access.roles import moderated_sites
from home import views
from home.models import Endorsement


class ForEndorsementManagers:
    """Pending endorsements name organisations and people not yet public: their
    chooser opens only for those who may manage endorsements, where Wagtail's
    choosers open for anyone with admin access."""

    def dispatch(self, request, *args, **kwargs):
        policy = policy_registry.get_by_type(Endorsement)
        actions = ["add", "change", "delete", "view"]
        if not policy.user_has_any_permission(request.user, actions):
            return refuse(
                request, _("Only those who manage endorsements may choose them.")
            )
        return super().dispatch(request, *args, **kwargs)


class EndorsementChooserViewSet(chooser.SnippetChooserViewSet):
    choose_view_class = type(
        "EndorsementChooseView", (ForEndorsementManagers, chooser.ChooseView), {}
    )
    choose_results_view_class = type(
        "EndorsementChooseResultsView",
        (ForEndorsementManagers, chooser.ChooseResultsView),
        {},
    )
    chosen_view_class = type(
        "EndorsementChosenView", (ForEndorsementManagers, chooser.SnippetChosenView), {}
    )
    chosen_multiple_view_class = type(
        "EndorsementChosenMultipleView",
        (ForEndorsementManagers, chooser.SnippetChosenMultipleView),
        {},
    )


class EndorsementViewSet(SnippetViewSet):
    """Endorsements of the declaration, approved by the national team only."""

    model = Endorsement
    chooser_viewset_class = EndorsementChooserViewSet
    icon = "tick-inverse"
    menu_label = _("Endorsements")
    add_to_admin_menu = True
    menu_order = 230
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
        order=200,
    )
