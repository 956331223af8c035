"""A site's pages in every language: the tree, live content and latest draft."""

import copy
import uuid

from django.apps import apps
from django.core.exceptions import ValidationError

from modelcluster.models import get_all_child_relations
from wagtail.models import Page

from cms.access.sites import site_pages
from cms.models import StoryPage

from .format import BundleError
from .privacy import shown_story
from .references import rewrite

# Fields that place a page in one installation's tree and history: a bundle
# says the same in its own words (id, parent, locale, live...).
INTERNAL = [
    "pk",
    "path",
    "depth",
    "numchild",
    "url_path",
    "content_type",
    "owner",
    "locked",
    "locked_at",
    "locked_by",
    "live_revision",
    "latest_revision",
    "latest_revision_created_at",
    "draft_title",
    "has_unpublished_changes",
    "first_published_at",
    "last_published_at",
    "live",
    "expired",
    "locale",
    "translation_key",
    "alias_of",
    "wagtail_admin_comments",
]


def exported_pages(site):
    """The site's pages, parents first; a story whose consent was withdrawn
    never leaves."""
    pages = site_pages(site).order_by("path").select_related("locale")
    withdrawn = StoryPage.objects.filter(consent_withdrawn_on__isnull=False)
    return pages.exclude(pk__in=withdrawn.values("pk")).specific()


def versions(page):
    """(content, draft): the live version, or the latest of a page never
    published; the latest revision when it differs from the live one."""
    changed = page.has_unpublished_changes or not page.live
    revision = page.latest_revision if changed else None
    if revision is None:
        return page.serializable_data(), None
    if not page.live:
        return revision.content, None
    return page.serializable_data(), revision.content


def page_rows(pages, contents, resolve, personal):
    ids = {page.path: page.pk for page in pages}
    rows = []
    for page in pages:
        content, draft = contents[page.pk]
        rows.append(
            {
                "id": page.pk,
                "parent": ids.get(page.path[: -Page.steplen]),
                "type": page._meta.label_lower,
                "locale": page.locale.language_code,
                "translation_key": page.translation_key,
                "live": page.live,
                "first_published_at": page.first_published_at,
                "last_published_at": page.last_published_at,
                "content": outward(type(page), content, resolve, personal),
                "draft": draft and outward(type(page), draft, resolve, personal),
            }
        )
    return rows


def outward(model, data, resolve, personal):
    data = copy.deepcopy(data)
    for name in INTERNAL:
        data.pop(name, None)
    if issubclass(model, StoryPage) and not personal:
        shown_story(data)
    rewrite(model, data, resolve)
    for relation in get_all_child_relations(model):
        for child in data.get(relation.get_accessor_name(), []):
            child.pop("pk", None)
    return data


class PageImport:
    """Builds the bundle's pages under the new site's home, in two passes: the
    tree first, then every page's content once all new ids are known."""

    def __init__(self, site, resolver, locales):
        self.site = site
        self.resolver = resolver
        self.locales = locales
        self.keys = {}
        self.pages = resolver.maps.setdefault("page", {})
        self.created = []

    def run(self, rows):
        home = self.site.root_page
        for child in home.get_children():
            child.delete()  # the starter pages: the bundle brings its own
        homes = {page.locale.language_code: page for page in home.get_translations()}
        homes[home.locale.language_code] = home
        for row in rows:
            if row["parent"] is None:
                self.keys.setdefault(row["translation_key"], home.translation_key)
            self._place(row, homes)
        self.resolver.unresolved.clear()  # forward links: resolved in the next pass
        for row, page in self.created:
            self._fill(row, page)
        return self.created

    def _model(self, row):
        try:
            model = apps.get_model(row["type"])
        except (LookupError, ValueError):
            raise BundleError(f"Unknown page type {row['type']}.") from None
        if not issubclass(model, Page):
            raise BundleError(f"{row['type']} is not a page type.")
        return model

    def _build(self, model, row, data):
        data = rewrite(model, copy.deepcopy(data), self.resolver)
        data["pk"] = None
        page = model.from_serializable_data(data)
        page.id = None
        page.locale = self.locales[row["locale"]]
        page.translation_key = self.keys.setdefault(
            row["translation_key"], uuid.uuid4()
        )
        page.live = False
        return page

    def _place(self, row, homes):
        model = self._model(row)
        page = self._build(model, row, row["content"])
        if row["parent"] is None:
            existing = homes.get(row["locale"])
            if existing is not None and existing.specific_class is model:
                self.pages[row["id"]] = existing.pk
                self.created.append((row, existing))
                return
            parent = Page.get_first_root_node()
        else:
            parent_id = self.pages.get(row["parent"])
            if parent_id is None:
                raise BundleError(f"Page {row['id']} has no parent in the bundle.")
            parent = Page.objects.get(pk=parent_id)
        try:
            parent.add_child(instance=page)
        except ValidationError as error:
            raise BundleError(f"Page {row['id']} ({page.title}): {error}") from None
        self.pages[row["id"]] = page.pk
        self.created.append((row, page))

    def _fill(self, row, placed):
        model = self._model(row)
        page = self._build(model, row, row["content"])
        _take_place(page, Page.objects.get(pk=placed.pk))  # numchild grew since
        page.save(clean=False)
        revision = page.save_revision(clean=False, log_action=False)
        if row["live"] and may_go_live(page):
            revision.publish(skip_permission_checks=True)
            Page.objects.filter(pk=page.pk).update(
                first_published_at=row["first_published_at"],
                last_published_at=row["last_published_at"],
            )
        if row["draft"]:
            draft = self._build(model, row, row["draft"])
            _take_place(draft, Page.objects.get(pk=page.pk))
            draft.save_revision(clean=False, log_action=False)


def _take_place(page, placed):
    for name in ("id", "pk", "path", "depth", "numchild", "url_path", "slug"):
        setattr(page, name, getattr(placed, name))
    page.translation_key = placed.translation_key
    page.locale_id = placed.locale_id
    page.content_type_id = placed.content_type_id
    page.live = placed.live
    page.live_revision_id = placed.live_revision_id
    page.first_published_at = placed.first_published_at


def may_go_live(page):
    """A story arrives live only with its consent record (personal data)."""
    return page.has_consent if isinstance(page, StoryPage) else True
