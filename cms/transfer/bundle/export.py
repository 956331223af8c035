"""Writing one site as a bundle."""

import copy

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext_lazy

from taggit.models import Tag
from wagtail.log_actions import LogFormatter, log
from wagtail.models import Locale, Page

from cms.models import StoryPage
from cms.network.kinds import SiteKind

from .format import BundleWriter
from .localize import translation_rows
from .media import export_media
from .network import network_references
from .pages import exported_pages, page_rows, versions
from .people import audit_rows, member_rows
from .privacy import private_story_images
from .records import export_records, serialise, setting_models
from .references import Collector, Resolver, rewrite

SITE_EXPORTED = "cms.site_exported"


def register_log_actions(actions):
    @actions.register_action(SITE_EXPORTED)
    class SiteExported(LogFormatter):
        label = gettext_lazy("Export the site with personal data")
        message = gettext_lazy("Exported the site, personal data included")


def href_elsewhere(kind, old):
    """A link to a page outside the bundle leaves as its public address."""
    if kind != "page":
        return None
    page = Page.objects.live().public().filter(pk=old).first()
    return page.full_url if page else None


@transaction.atomic
def export_site(site, path, personal=False, user=None):
    """Write `site` to the zip file at `path`; returns the manifest's counts."""
    pages = list(exported_pages(site))
    page_ids = [page.pk for page in pages]
    stories = [page for page in pages if isinstance(page, StoryPage)]
    leave_out = set() if personal else private_story_images(stories)
    contents = {page.pk: versions(page) for page in pages}
    used = media_used(pages, contents, site)
    writer = BundleWriter(path)
    maps = {
        "image": export_media(writer, "image", site, used.get("image", ()), leave_out),
        "document": export_media(writer, "document", site, used.get("document", ())),
        "page": {pk: pk for pk in page_ids},
        "locale": dict(Locale.objects.values_list("pk", "language_code")),
        "tag": dict(Tag.objects.values_list("pk", "pk")),
    }
    resolver = Resolver(maps, href_for=href_elsewhere)
    rows = page_rows(pages, contents, resolver, personal)
    writer.add_json("pages.json", rows, count=len(rows))
    writer.add_json("tags.json", used_tags(rows), count=None)
    writer.add_json("site.json", site_facts(site))
    writer.add_json("network.json", network_references(rows))
    translations = translation_rows(pages, personal)
    writer.add_json("translations.json", translations, count=len(translations))
    export_records(writer, site, page_ids, resolver, personal)
    if personal:
        left_out = StoryPage.objects.exclude(pk__in=page_ids).values("pk")
        audit = audit_rows(site, left_out)
        writer.add_json("audit.json", audit, count=len(audit))
        members = member_rows(site)
        writer.add_json("members.json", members, count=len(members))
        log(instance=site, action=SITE_EXPORTED, user=user, data={"personal": True})
    writer.close(
        source={"hostname": site.hostname, "name": site.site_name},
        personal_data=personal,
        unresolved_references=resolver.unresolved,
    )
    return writer.counts


def media_used(pages, contents, site):
    """The images and documents the pages and settings refer to."""
    collector = Collector()
    for page in pages:
        for content in contents[page.pk]:
            if content is not None:
                rewrite(type(page), copy.deepcopy(content), collector)
    for model in setting_models():
        for obj in model.objects.filter(site=site):
            rewrite(model, serialise(obj), collector)
    return collector.seen


def site_facts(site):
    home = site.root_page
    return {
        "hostname": site.hostname,
        "name": site.site_name,
        "kind": SiteKind.of_home(site.root_page.content_type),
        "language": home.locale.language_code,
        "languages": [
            page.locale.language_code
            for page in home.get_translations().select_related("locale")
        ],
        "network_domain": settings.NETWORK_DOMAIN,
    }


def used_tags(rows):
    ids = {
        item["tag"]
        for row in rows
        for content in (row["content"], row["draft"] or {})
        for item in content.get("tagged_items", [])
    }
    return list(Tag.objects.filter(pk__in=ids).values("id", "name", "slug"))
