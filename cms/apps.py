from django.apps import AppConfig
from django.core import checks
from django.db.models.signals import post_delete, post_save, pre_save


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = "Network core"

    def ready(self):
        from wagtail.images import get_image_model
        from wagtail.models import PageLogEntry, Site

        from cms.access.checks import check_no_escalating_groups
        from cms.audit.log import record_site_of_deleted_page
        from cms.middleware import forget_site_hostnames
        from cms.uploads import strip_image_metadata

        for signal in (post_save, post_delete):
            signal.connect(forget_site_hostnames, sender=Site, dispatch_uid="hosts")
        pre_save.connect(
            strip_image_metadata, sender=get_image_model(), dispatch_uid="exif"
        )
        pre_save.connect(
            record_site_of_deleted_page, sender=PageLogEntry, dispatch_uid="audit"
        )
        checks.register(check_no_escalating_groups, checks.Tags.database)

        from cms.i18n import homes, live_words  # noqa: F401 (connect their signals)
