"""Posts and pages into the site's pages, in two passes.

`place` makes (or finds) every page first, so that `fill` can turn links
between them into internal links; `fill` writes the content and publishes or
keeps a draft, and skips an item whose content has not changed since the last
run (its checksum is kept on the WordPressItem record).
"""

import hashlib
import json
from urllib.parse import unquote

from bs4 import BeautifulSoup

from django.utils import timezone
from django.utils.text import slugify

from cms.models import (
    InspirationIndexPage,
    InspirationPage,
    NewsIndexPage,
    NewsPage,
    StandardPage,
    StoryIndexPage,
    StoryPage,
    WordPressItem,
)

from .content import Converter

POST_TYPES = {
    "news": (NewsPage, NewsIndexPage),
    "inspiration": (InspirationPage, InspirationIndexPage),
    "story": (StoryPage, StoryIndexPage),
}
DRAFT_STATUSES = {
    "draft": "a draft",
    "pending": "pending review",
    "future": "scheduled, not yet published",
    "private": "private",
}
SKIPPED_STATUSES = {"trash": "in the trash", "auto-draft": "an unsaved auto-draft"}
SKIPPED_TYPES = {
    "revision": "a revision",
    "nav_menu_item": "a menu item",
    "wp_block": "a reusable block",
    "wp_navigation": "a menu",
    "custom_css": "custom CSS",
    "customize_changeset": "a customiser change",
    "oembed_cache": "an embed cache",
    "wp_template": "a theme template",
    "wp_template_part": "a theme template",
    "wp_global_styles": "theme styles",
    "user_request": "a personal data request",
}
STORY_NOTE = (
    "imported as a draft story: record the storyteller's consent before publishing"
)


def plain_text(html, limit):
    text = " ".join(BeautifulSoup(html or "", "html.parser").get_text(" ").split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def why_skipped(item):
    if item.type in SKIPPED_TYPES:
        return f"{SKIPPED_TYPES[item.type]}, not imported"
    if item.type not in {"post", "page"}:
        return f"post type {item.type} is not imported"
    if item.status in SKIPPED_STATUSES:
        return f"{SKIPPED_STATUSES[item.status]}, not imported"
    if item.status != "publish" and item.status not in DRAFT_STATUSES:
        return f"status {item.status} is not imported"
    return None


class PageImport:
    def __init__(self, run):
        self.run = run
        self.home = run.site.root_page.specific
        self.indexes = {}

    def kind_of(self, item):
        if item.type == "page":
            return "standard"
        for slug, name in item.categories:
            for key in (slug.lower(), name.lower()):
                if key in self.run.mapping:
                    return self.run.mapping[key]
        return "news"

    def index(self, kind):
        if kind not in self.indexes:
            model = POST_TYPES[kind][1]
            index = model.objects.child_of(self.home).first()
            if index is None:
                title = model._meta.verbose_name.title().removesuffix(" Index Page")
                index = self.home.add_child(
                    instance=model(title=title, slug=slugify(title))
                )
                self.run.report.add(None, f"made the missing section {title}")
            self.indexes[kind] = index
        return self.indexes[kind]

    def parent_for(self, item, kind):
        if kind != "standard":
            return self.index(kind)
        parent_pk = self.run.links.pages.get(item.parent)
        parent = self.run.made.get(parent_pk)
        if isinstance(parent, StandardPage):
            return parent
        if item.parent:
            self.run.report.add(
                item.id, "its parent page was not imported: put at the top"
            )
        return self.home

    def place(self, item, record):
        """The page of an item, made empty if it does not exist yet."""
        kind = self.kind_of(item)
        model = StandardPage if kind == "standard" else POST_TYPES[kind][0]
        page = record.page.specific if record.page_id else None
        if not isinstance(page, model):
            parent = self.parent_for(item, kind)
            page = self.starter_page(parent, item, model)
        if not isinstance(page, model):
            page = model(
                title=item.title or f"Untitled {item.id}",
                slug=self.free_slug(parent, item),
                live=False,
            )
            if model is StoryPage:
                page.storyteller = "?"
            parent.add_child(instance=page)
        if record.page_id != page.pk:
            record.page = page
            record.checksum = ""
            record.save()
        self.run.links.pages[item.id] = page.pk
        self.run.made[page.pk] = page
        return page

    def starter_page(self, parent, item, model):
        """An empty standard page with the item's address, such as the "about"
        page every new site starts with, is taken over rather than doubled."""
        if model is not StandardPage or not item.slug:
            return None
        page = StandardPage.objects.child_of(parent).filter(slug=item.slug).first()
        if page is None or page.body.raw_data or page.pk in self.run.made:
            return None
        if WordPressItem.objects.filter(site=self.run.site, page=page).exists():
            return None
        self.run.report.add(item.id, f"took over the empty page /{item.slug}/")
        return page

    def free_slug(self, parent, item):
        base = slugify(unquote(item.slug).removesuffix("__trashed"))[:200]
        base = base or slugify(item.title)[:200] or f"{item.type}-{item.id}"
        taken = set(
            parent.get_children()
            .filter(slug__startswith=base)
            .values_list("slug", flat=True)
        )
        slug, number = base, 2
        while slug in taken:
            slug, number = f"{base}-{number}", number + 1
        if slug != base:
            self.run.report.add(item.id, f"address {base} taken: imported as {slug}")
        return slug

    def fill(self, item, record, page):
        self.run.count(f"{page._meta.verbose_name}s")
        converter = Converter(self.run.links, item.title)
        body = converter.convert(item.content, item.id)
        for note in dict.fromkeys(converter.notes):
            self.run.report.add(item.id, note)
        fields = {"title": item.title or page.title, "body": json.dumps(body)}
        fields["summary"] = plain_text(item.excerpt, 300)
        image = self.run.links.images.get(item.thumbnail)
        fields["listing_image_id"] = image[0] if image else None
        if item.thumbnail and not image:
            self.run.report.add(item.id, f"listing image {item.thumbnail} not imported")
        if isinstance(page, NewsPage):
            fields["byline"] = item.author[:120]
        if item.date and hasattr(page, "date"):
            fields["date"] = item.date.date().isoformat()
        tags = self.tags(item) if hasattr(page, "tags") else []
        live = item.status == "publish" and not isinstance(page, StoryPage)
        checksum = hashlib.sha256(
            json.dumps([fields, tags, live], sort_keys=True).encode()
        ).hexdigest()
        self.note_status(item, page)
        if record.checksum == checksum:
            self.run.count("pages unchanged")
            return
        self.run.count("pages updated" if record.checksum else "pages new")
        for name, value in fields.items():
            setattr(page, name, value)
        if tags or hasattr(page, "tags"):
            page.tags.set(tags)
        if item.date and live and page.first_published_at is None:
            page.first_published_at = timezone.make_aware(item.date)
        revision = page.save_revision(user=self.run.user, changed=True)
        if live:
            revision.publish(user=self.run.user)
        elif page.live:
            page.unpublish(user=self.run.user)
            self.run.report.add(
                item.id, "no longer published in WordPress: unpublished"
            )
        record.checksum = checksum
        record.save(update_fields=["checksum"])
        self.run.changed.append(page)

    def tags(self, item):
        names = [name for slug, name in item.categories if slug != "uncategorized"]
        return list(dict.fromkeys(n[:100] for n in names + [n for _s, n in item.tags]))

    def note_status(self, item, page):
        if item.comments:
            self.run.report.add(item.id, f"{item.comments} comment(s) not imported")
        if isinstance(page, StoryPage):
            self.run.report.add(item.id, STORY_NOTE)
        elif item.status != "publish":
            self.run.report.add(
                item.id, f"{DRAFT_STATUSES[item.status]}: imported as a draft"
            )
