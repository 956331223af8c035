from django.apps import AppConfig
from django.core import checks
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = "Network core"

    def ready(self):
        """Every signal of the network core is connected here, and nowhere else."""
        from wagtail.images import get_image_model
        from wagtail.models import PageLogEntry, Site
        from wagtail.signals import page_published
        from wagtail_localize.models import TranslationLog

        from cms.access.checks import check_no_escalating_groups
        from cms.audit.log import record_site_of_deleted_page
        from cms.cache import triggers as cache_triggers
        from cms.i18n.homes import forget_root_paths, open_ticked_languages
        from cms.i18n.live_words import keep_published_words
        from cms.middleware import forget_site_hostnames
        from cms.models import SiteIdentity, StoryIndexPage, StoryPage
        from cms.models.stories import take_down_unconsented
        from cms.stories.safeguarding import follow_translation_workflow
        from cms.uploads import strip_image_metadata

        # Hosts: the allowed hostnames follow every Site saved or deleted.
        for signal in (post_save, post_delete):
            signal.connect(forget_site_hostnames, sender=Site, dispatch_uid="hosts")
        # Uploads: no photo keeps its GPS or camera metadata.
        pre_save.connect(
            strip_image_metadata, sender=get_image_model(), dispatch_uid="exif"
        )
        # Audit: a deleted page's log entry names its site.
        pre_save.connect(
            record_site_of_deleted_page, sender=PageLogEntry, dispatch_uid="audit"
        )
        # Stories: no story stays live without consent; story sections made for
        # a new language get their site's safeguarding workflow.
        page_published.connect(
            take_down_unconsented, sender=StoryPage, dispatch_uid="story-consent"
        )
        post_save.connect(
            follow_translation_workflow,
            sender=StoryIndexPage,
            dispatch_uid="story-workflow",
        )
        # i18n: a language ticked in the settings opens its home page; a
        # translated home's new slug clears Wagtail's root paths; a translation
        # saved on a live page leaves its public words alone.
        m2m_changed.connect(
            open_ticked_languages,
            sender=SiteIdentity.languages.through,
            dispatch_uid="open-languages",
        )
        page_published.connect(forget_root_paths, dispatch_uid="root-paths")
        post_save.connect(
            keep_published_words, sender=TranslationLog, dispatch_uid="live_words"
        )
        # Cache: whatever a public page shows invalidates it (cms/cache/triggers.py).
        cache_triggers.connect()
        checks.register(check_no_escalating_groups, checks.Tags.database)
