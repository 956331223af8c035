"""Admin wiring for translation: the status board, and wagtail-localize's
translation views replaced at their own addresses by scoped ones."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail_localize.views import report

from . import admin_views, views


@hooks.register("register_admin_urls", order=-1)
def scoped_translation_urls():
    """Earlier in the URL list than wagtail-localize's own patterns."""
    guarded = [
        path(
            "submit/page/<int:page_id>/",
            views.SubmitPageTranslationView.as_view(),
        ),
        path(
            "submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
            views.SubmitSnippetTranslationView.as_view(),
        ),
        path(
            "update/<int:translation_source_id>/",
            views.UpdateTranslationsView.as_view(),
        ),
        path(
            "translate/<int:translation_id>/machine_translate/",
            views.machine_translate,
        ),
        path("translate/<int:translation_id>/pofile/upload/", views.upload_pofile),
        path(
            "reports/translations/",
            views.network_admins_only(report.TranslationsReportView.as_view()),
        ),
        path(
            "reports/translations/results/",
            views.network_admins_only(
                report.TranslationsReportView.as_view(results_only=True)
            ),
        ),
    ]
    board = [
        path("", admin_views.index, name="index"),
        path("<int:site_id>/", admin_views.board, name="board"),
    ]
    return [
        path("localize/", include(guarded)),
        path(
            "translation-status/",
            include((board, "translation_status"), namespace="translation_status"),
        ),
    ]


class BoardMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.board_sites(request.user).exists()


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
