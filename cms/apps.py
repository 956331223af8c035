from django.apps import AppConfig


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = "Network core"

    def ready(self):
        from cms.i18n import homes  # noqa: F401 (connects its signal)
