"""Every event that changes what a public page shows, and what it invalidates.

A change bumps the counter (cms.cache.generations) of each host whose pages may
show it, and always the national site's, which gathers every site (directory,
network pages, figures, national search). What may show on any site bumps the
network's counter. Connected in CmsConfig.ready() by `connect()`.

Pages (the page's site; the network too for stories, network news and homes):
- publish, revert, scheduled publishing (publish_scheduled), a translation going
  live: `page_published`.
- unpublish, scheduled expiry, story consent withdrawal and consent expiry
  (withdraw_consent and review_story_consent unpublish every copy):
  `page_unpublished`.
- move: `post_page_move` (the sites before and after).
- delete, erasure (erase_story deletes every copy): `post_delete` of a page.
- a live page saved by code, an alias made: `post_save` of a page, draft-only
  saves left out.
- syndication of network news: saved with the page, so published with it.

Records pages show (their site):
- settings (identity, languages): saved, deleted, `m2m_changed`.
- pins and hides of network news: SyndicationChoice saved or deleted.
- pledge approval: SupportingOrganisation; endorsement approval: Endorsement.
- awards and search promotions: AwardScheme, AwardedOrganisation, SitePromotion.
- a translator's strings (the translation notice): StringTranslation saved.

The network: snippets (charter, declaration principles), images and documents
changed or deleted, sites, locales, view restrictions.
"""

from django.apps import apps
from django.db.models.signals import m2m_changed, post_delete, post_save

from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move
from wagtail.snippets.models import get_snippet_models

from . import frontend
from .generations import bump_hosts, bump_network

NETWORK_PAGE_TYPES = ("cms.StoryPage", "home.NetworkNewsPage")
DRAFT_FIELDS = {
    "draft_title",
    "has_unpublished_changes",
    "latest_revision",
    "latest_revision_created_at",
    "locked",
    "locked_at",
    "locked_by",
}
SITE_RECORDS = {
    "home.SyndicationChoice": lambda record: record.site_id,
    "groups.SupportingOrganisation": lambda record: record.site_id,
    "streams.AwardScheme": lambda record: record.site_id,
    "streams.AwardedOrganisation": lambda record: record.scheme.site_id,
    "search.SitePromotion": lambda record: record.site_id,
}
NETWORK_RECORDS = [
    "wagtailcore.Site",
    "wagtailcore.Locale",
    "wagtailcore.PageViewRestriction",
    "wagtailimages.Image",
    "wagtaildocs.Document",
]


def national_hosts():
    homes = Page.objects.filter(
        content_type__app_label="home", content_type__model="homepage"
    )
    return list(
        Site.objects.filter(root_page__in=homes).values_list("hostname", flat=True)
    )


def hosts_of_paths(paths):
    """The hosts of the sites whose home (in any language) holds these tree paths."""
    homes = Page.objects.filter(path__in={path[:8] for path in paths})
    return list(
        Site.objects.filter(
            root_page__translation_key__in=homes.values("translation_key")
        ).values_list("hostname", flat=True)
    )


def hosts_of_sites(site_ids):
    return list(Site.objects.filter(pk__in=site_ids).values_list("hostname", flat=True))


def invalidate(hostnames, pages=(), network=False):
    """Bump the hosts' counters (the national site's always) or the network's,
    and purge their pages from a CDN in front."""
    hostnames = [*hostnames, *national_hosts()]
    bump_hosts(hostnames)
    if network:
        bump_network()
        hostnames = Site.objects.values_list("hostname", flat=True)
    frontend.purge(hostnames, pages)


def invalidate_hosts(hostnames):
    invalidate(hostnames)


def invalidate_page(page, *paths):
    hostnames = hosts_of_paths(paths or [page.path])
    network = (
        not hostnames
        or page.depth <= 2
        or page.specific_class._meta.label in NETWORK_PAGE_TYPES
    )
    invalidate(hostnames, [page], network)


# Pages


def on_page_published(sender, instance, **kwargs):
    invalidate_page(instance)


def on_page_moved(sender, instance, parent_page_before, parent_page_after, **kwargs):
    invalidate_page(instance, parent_page_before.path, parent_page_after.path)


def on_page_saved(sender, instance, update_fields=None, **kwargs):
    drafted = update_fields is not None and not set(update_fields) - DRAFT_FIELDS
    if isinstance(instance, Page) and not drafted:
        invalidate_page(instance)


def on_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        invalidate_page(instance)


# Records pages show


def on_site_record(sender, instance, **kwargs):
    site_id = SITE_RECORDS[sender._meta.label](instance)
    invalidate_hosts(hosts_of_sites([site_id]))


def on_site_setting(sender, instance, **kwargs):
    invalidate_hosts(hosts_of_sites([instance.site_id]))


def on_endorsement(sender, instance, **kwargs):
    invalidate_hosts(hosts_of_paths([instance.declaration.path]))


def on_string_translation(sender, instance, **kwargs):
    pages = Page.objects.filter(
        translation_key=instance.context.object_id, locale_id=instance.locale_id
    )
    invalidate_hosts(hosts_of_paths(pages.values_list("path", flat=True)))


def on_network_record(sender, instance, created=False, **kwargs):
    if not (
        created
        and sender._meta.label in ("wagtailimages.Image", "wagtaildocs.Document")
    ):
        invalidate([], network=True)


def connect():
    page_published.connect(on_page_published, dispatch_uid="cache-published")
    page_unpublished.connect(on_page_published, dispatch_uid="cache-unpublished")
    post_page_move.connect(on_page_moved, dispatch_uid="cache-moved")
    post_save.connect(on_page_saved, dispatch_uid="cache-page-saved")
    post_delete.connect(on_deleted, dispatch_uid="cache-page-deleted")
    for label in SITE_RECORDS:
        _on_change(apps.get_model(label), on_site_record)
    for model in apps.get_models():
        if issubclass(model, BaseSiteSetting):
            _on_change(model, on_site_setting)
            for field in model._meta.many_to_many:
                m2m_changed.connect(
                    on_m2m_setting,
                    sender=field.remote_field.through,
                    dispatch_uid=f"cache-{model._meta.label}-{field.name}",
                )
    _on_change(apps.get_model("home.Endorsement"), on_endorsement)
    post_save.connect(
        on_string_translation,
        sender=apps.get_model("wagtail_localize.StringTranslation"),
        dispatch_uid="cache-strings",
    )
    for model in [*map(apps.get_model, NETWORK_RECORDS), *get_snippet_models()]:
        _on_change(model, on_network_record)


def on_m2m_setting(sender, instance, action, reverse, **kwargs):
    if action.startswith("post_") and isinstance(instance, BaseSiteSetting):
        invalidate_hosts(hosts_of_sites([instance.site_id]))


def _on_change(model, receiver):
    uid = f"cache-{model._meta.label}-{receiver.__name__}"
    post_save.connect(receiver, sender=model, dispatch_uid=f"{uid}-save")
    post_delete.connect(receiver, sender=model, dispatch_uid=f"{uid}-delete")
