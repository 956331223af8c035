"""Admin addresses of translation: wagtail-localize's translation views replaced
at their own addresses by scoped ones, and the status board. Mounted ahead of
wagtail-localize's patterns by cms/wagtail_hooks.py."""

from django.urls import include, path

from wagtail_localize.views import report

from . import admin_views, views

localize_overrides = [
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

board_urls = [
    path("", admin_views.index, name="index"),
    path("<int:site_id>/", admin_views.board, name="board"),
]

urlpatterns = [
    path("localize/", include(localize_overrides)),
    path(
        "translation-status/",
        include((board_urls, "translation_status"), namespace="translation_status"),
    ),
]
