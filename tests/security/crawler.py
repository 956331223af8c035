"""The admin crawler: every admin URL pattern, filled with another site's ids.

`admin_patterns()` walks Django's URL resolver; `fillers` says which of site
B's objects each URL parameter takes; `crawl_addresses()` turns both into the
addresses to request. tests/security/test_admin_crawler.py runs it as each role of A.
"""

import itertools
import re
from dataclasses import dataclass
from types import SimpleNamespace

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone

from wagtail.admin.models import EditingSession
from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.contrib.forms.models import FormSubmission
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import (
    Locale,
    Page,
    PageViewRestriction,
    UploadedFile,
    Workflow,
)
from wagtail_localize.models import OverridableSegment, StringSegment

from cms.access.roles import site_collection
from cms.models import (
    CharterStatement,
    FormField,
    FormPage,
    SiteExport,
    SiteIdentity,
    StandardPage,
    StoryIndexPage,
    StoryPage,
    WordPressImport,
)
from groups.models import SupportingOrganisation
from search.models import SitePromotion
from streams.models import AwardScheme
from tests.content import CONSENT
from tests.factories import make_member
from tests.translating import start_translation

SENTINEL = "Zq7Sentinel"
WORD = "marmalade"  # in A's and B's titles: searches match both sites
MISSING = 999_999  # an id no object has, for models site B cannot own

PARAM = re.compile(r"<(?:\w+:)?(\w+)>|\(\?P<(\w+)>[^)]*\)")

# Admin patterns with parameters that are not crawled, and why.
SKIPPED = {
    "admin/password_reset/confirm/<uidb64>/<token>/": "a signed token, not an id",
    "admin/failwhale/": "Wagtail's deliberate 500, to test error reporting",
    "admin/^.*/$": "Wagtail's catch-all 404",
    "admin/logout/": "ends the crawling session",
}


@dataclass(frozen=True)
class AdminPattern:
    route: str
    name: str | None
    params: tuple

    def address(self, values):
        def fill(match):
            return str(values[match.group(1) or match.group(2)])

        path = PARAM.sub(fill, self.route)
        return "/" + path.replace("^", "").replace("$", "").replace("\\.", ".")


def admin_patterns(resolver=None, prefix="", namespace=None):
    """Every URL pattern under admin/, with its full route and namespaced name."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            inner = namespace
            if entry.namespace:
                inner = (
                    f"{namespace}:{entry.namespace}" if namespace else entry.namespace
                )
            yield from admin_patterns(entry, route, inner)
        elif isinstance(entry, URLPattern) and route.startswith("admin/"):
            name = entry.name and (
                f"{namespace}:{entry.name}" if namespace else entry.name
            )
            params = tuple(a or b for a, b in PARAM.findall(route))
            yield AdminPattern(route, name, params)


# Site B: one object of each kind an admin URL can point at, sentinel in it.


def build_site_b(a, b):
    b_editor = make_member(b, "editor", username=f"{SENTINEL}-editor")
    b_moderator = make_member(b, "moderator", username=f"{SENTINEL}-moderator")
    home = b.root_page
    draft = home.add_child(
        instance=StandardPage(title=f"Draft {SENTINEL} {WORD}", slug="d", live=False)
    )
    first = draft.save_revision(user=b_editor)
    draft.title = f"Draft two {SENTINEL} {WORD}"
    second = draft.save_revision(user=b_editor)
    workflow_state = home.get_workflow().start(draft, b_editor)
    Page.objects.filter(pk=draft.pk).update(
        locked=True, locked_by=b_moderator, locked_at=timezone.now()
    )
    published = home.add_child(
        instance=StandardPage(title=f"Published {SENTINEL} {WORD}", slug="published")
    )
    published.save_revision(user=b_moderator).publish(user=b_moderator)
    private = home.add_child(
        instance=StandardPage(title=f"Private {SENTINEL} {WORD}", slug="private")
    )
    private.save_revision(user=b_moderator).publish(user=b_moderator)
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.LOGIN
    )
    story = (
        StoryIndexPage.objects.child_of(home)
        .get()
        .add_child(
            instance=StoryPage(
                title=f"Story {SENTINEL} {WORD}",
                slug="story",
                storyteller=f"{SENTINEL} teller",
                live=False,
                **CONSENT,
            )
        )
    )
    story.save_revision(user=b_editor)
    story.get_workflow().start(story, b_editor)
    form = home.get_children().type(FormPage).get().specific
    FormField.objects.create(page=form, label="Message", field_type="multiline")
    submission = FormSubmission.objects.create(
        page=form, form_data={"message": f"{SENTINEL} {WORD}"}
    )
    translation = start_translation(published, "cy", user=b_editor)
    collection = site_collection(b)
    image = Image.objects.create(
        title=f"Photo {SENTINEL} {WORD}",
        file=get_test_image_file(),
        collection=collection,
    )
    document = Document.objects.create(
        title=f"Leaflet {SENTINEL} {WORD}",
        file=ContentFile(b"leaflet", name="leaflet.txt"),
        collection=collection,
    )
    identity = SiteIdentity.for_site(b)
    identity.charity_number = SENTINEL
    identity.save()
    return SimpleNamespace(
        a=a,
        b=b,
        b_editor=b_editor,
        b_group=b.roles.get(role="editor").group,
        pages=[draft, published, private, story, home.specific],
        draft=draft,
        form=form,
        revisions=[first, second],
        workflow_state=workflow_state,
        task_state=workflow_state.current_task_state,
        workflow=Workflow.objects.get(pk=workflow_state.workflow_id),
        submission=submission,
        translation=translation,
        image=image,
        document=document,
        collection=collection,
        supporter=SupportingOrganisation.objects.create(
            site=b,
            name=f"Cafe {SENTINEL} {WORD}",
            contact_name=SENTINEL,
            contact_email="cafe@example.org",
        ),
        scheme=AwardScheme.objects.create(site=b, name=f"Award {SENTINEL} {WORD}"),
        promotion=SitePromotion.objects.create(
            site=b, query_string=WORD, page=published, description=SENTINEL
        ),
        charter=CharterStatement.objects.create(
            title="Welcome", part="value", locale=Locale.get_default()
        ),
        redirect=Redirect.objects.create(
            site=b, old_path="/old", redirect_link=f"https://example.org/{SENTINEL}"
        ),
        editing_session=EditingSession.objects.create(
            user=b_editor,
            content_type=ContentType.objects.get_for_model(Page),
            object_id=str(draft.pk),
            last_seen_at=timezone.now(),
            is_editing=True,
        ),
        wordpress_run=WordPressImport.objects.create(
            site=b, report={"counts": {}, "lines": [[7, SENTINEL]]}
        ),
        upload=UploadedFile.objects.create(
            file=ContentFile(b"x", name=f"{SENTINEL}.txt"), uploaded_by_user=b_editor
        ),
        export=site_export(b, b_editor),
    )


def site_export(site, user):
    """A ready bundle of B whose file holds the sentinel."""
    name = storages["exports"].save(f"{SENTINEL}.zip", ContentFile(SENTINEL.encode()))
    return SiteExport.objects.create(
        site=site, requested_by=user, status=SiteExport.Status.DONE, file=name
    )


# Which of B's objects fill each parameter.


def page_ids(b):
    return [p.pk for p in b.pages]


def segment_ids(b, model):
    ids = model.objects.filter(source=b.translation.source).values_list("pk", flat=True)
    return list(ids[:1]) or [MISSING]


BY_NAME = {
    "page_id": page_ids,
    "parent_page_id": page_ids,
    "page_to_move_id": page_ids,
    "page_pk": page_ids,
    "destination_id": lambda b: [b.a.root_page_id, b.pages[0].pk],
    "revision_id": lambda b: [r.pk for r in b.revisions],
    "revision_id_a": lambda b: [b.revisions[0].pk, "earliest"],
    "revision_id_b": lambda b: [b.revisions[1].pk, "latest"],
    "task_state_id": lambda b: [b.task_state.pk],
    "task_id": lambda b: [b.task_state.task_id],
    "workflow_state_id": lambda b: [b.workflow_state.pk],
    "workflow_pk": lambda b: [b.workflow.pk],
    "action_name": lambda b: ["approve", "reject", "copy"],
    "image_id": lambda b: [b.image.pk],
    "document_id": lambda b: [b.document.pk],
    "doc_id": lambda b: [b.document.pk],
    "uploaded_file_id": lambda b: [b.upload.pk],
    "filter_spec": lambda b: ["original", "fill-100x100"],
    "collection_id": lambda b: [b.collection.pk],
    "session_id": lambda b: [b.editing_session.pk],
    "translation_source_id": lambda b: [b.translation.source_id],
    "translation_id": lambda b: [b.translation.pk],
    "string_segment_id": lambda b: segment_ids(b, StringSegment),
    "overridable_segment_id": lambda b: segment_ids(b, OverridableSegment),
    "mode": lambda b: ["", "default"],
    "site_id": lambda b: [b.b.pk],
    "news_id": page_ids,
    "redirect_id": lambda b: [b.redirect.pk],
    "run_id": lambda b: [b.wordpress_run.pk],
    "export_id": lambda b: [b.export.pk],
}

# The object a bare `pk` means, by the URL's namespace.
PK_BY_NAMESPACE = {
    "wagtailadmin_api:pages": page_ids,
    "wagtailadmin_pages": page_ids,
    "wagtailadmin_api:images": lambda b: [b.image.pk],
    "wagtailimages_chooser": lambda b: [b.image.pk],
    "wagtailadmin_api:documents": lambda b: [b.document.pk],
    "wagtaildocs_chooser": lambda b: [b.document.pk],
    "wagtailadmin_collections": lambda b: [b.collection.pk],
    "wagtailadmin_workflows": lambda b: [b.workflow.pk, b.task_state.task_id],
    "supporters": lambda b: [b.supporter.pk],
    "award_schemes": lambda b: [b.scheme.pk],
    "site_promotions": lambda b: [b.promotion.pk],
    "wagtailsnippets_cms_charterstatement": lambda b: [b.charter.pk],
    "wagtailsnippetchoosers_cms_charterstatement": lambda b: [b.charter.pk],
    "wagtailsnippets_cms_declarationprinciple": lambda b: [MISSING],
    "wagtailsnippetchoosers_cms_declarationprinciple": lambda b: [MISSING],
    "wagtailsnippets_home_endorsement": lambda b: [MISSING],  # national site only
    "wagtailsnippetchoosers_home_endorsement": lambda b: [MISSING],
    "wagtaillocales": lambda b: [Locale.objects.get(language_code="cy").pk],
    "wagtailsites": lambda b: [b.b.pk],
    "wagtailsettings": lambda b: [b.b.pk],
    "wagtailusers_users": lambda b: [b.b_editor.pk],
    "wagtailusers_groups": lambda b: [b.b_group.pk],
}

# Model parameter pairs: (app label, model name, the pk or object id they take).
SNIPPET_MODELS = [
    ("cms", "charterstatement", lambda b: b.charter.pk),
    ("groups", "supportingorganisation", lambda b: b.supporter.pk),
    ("wagtailcore", "page", lambda b: b.draft.pk),
]
MODELS_BY_ROUTE = [
    ("admin/settings/", [("cms", "siteidentity", None)]),
    ("admin/pages/", [("cms", "standardpage", None), ("cms", "formpage", None)]),
    ("admin/tag-autocomplete/", [("cms", "newspagetag", None)]),
    ("admin/workflows/tasks/add/", [("wagtailcore", "groupapprovaltask", None)]),
    ("admin/", SNIPPET_MODELS),
]
MODEL_PARAMS = [
    ("app_label", "model_name"),
    ("app_name", "model_name"),
    ("content_type_app_name", "content_type_model_name"),
]


def model_choices(pattern, b):
    """[{param: value}] for the app label and model name of a pattern, if any."""
    pair = next((p for p in MODEL_PARAMS if p[0] in pattern.params), None)
    if pair is None:
        return [{}]
    app_param, model_param = pair
    if "action" in pattern.params:
        return bulk_choices(b)
    models = next(
        m for prefix, m in MODELS_BY_ROUTE if pattern.route.startswith(prefix)
    )
    choices = []
    for app_label, model_name, pk in models:
        values = {app_param: app_label, model_param: model_name}
        if pk is not None:
            values["object_id" if "object_id" in pattern.params else "pk"] = pk(b)
        choices.append(values)
    return choices


def bulk_choices(b):
    bulk_action_registry._scan_for_bulk_actions()
    return [
        {"app_label": app, "model_name": model, "action": action}
        for app, models in bulk_action_registry.actions.items()
        for model, actions in models.items()
        for action in actions
    ]


def namespace_of(pattern):
    return (
        pattern.name.rsplit(":", 1)[0] if pattern.name and ":" in pattern.name else ""
    )


def fillers(pattern):
    """{param: function(b) -> values} for the params not set by model_choices."""
    found = {}
    for param in pattern.params:
        if param in BY_NAME:
            found[param] = BY_NAME[param]
        elif param == "pk" and namespace_of(pattern) in PK_BY_NAMESPACE:
            found[param] = PK_BY_NAMESPACE[namespace_of(pattern)]
    return found


def unfilled(pattern):
    """Params no rule fills (model pairs count as filled by model_choices)."""
    paired = {p for pair in MODEL_PARAMS for p in pair if pair[0] in pattern.params}
    if paired and "action" in pattern.params:
        paired.add("action")
    if paired and "pk" in pattern.params:
        paired.add("pk")
    if paired and "object_id" in pattern.params:
        paired.add("object_id")
    return set(pattern.params) - set(fillers(pattern)) - paired


def addresses(pattern, b, limit=16):
    """The addresses of one pattern filled with B's objects."""
    rules = fillers(pattern)
    names = list(rules)
    found = []
    for models in model_choices(pattern, b):
        for combo in itertools.product(*(rules[n](b) for n in names)):
            values = {**models, **dict(zip(names, combo, strict=True))}
            if set(values) >= set(pattern.params):
                found.append(pattern.address(values))
    return list(dict.fromkeys(found))[:limit]


def query_variants(pattern, address, b):
    """The cheap query-string variants of an address: a search, chosen ids."""
    ids = {
        "image": b.image.pk,
        "doc": b.document.pk,
        "page": b.draft.pk,
        "snippet": b.charter.pk,
    }
    variants = [address]
    if not pattern.params or "results" in address:
        variants.append(f"{address}?q={WORD}")
    if "chosen-multiple" in address:
        key = next((k for k in ids if k in address), "snippet")
        other = b.pages[1].pk if key == "page" else ids[key]
        variants.append(f"{address}?id={ids[key]}&id={other}")
    if address.startswith("/admin/bulk/"):
        chosen = "&".join(f"id={i}" for i in bulk_ids(address, b))
        variants = [
            f"{address}?{chosen}&next=/admin/",
            f"{address}?id=all",
            f"{address}?id=all&childOf=1&q={WORD}",
            f"{address}?id=all&childOf={b.b.root_page_id}",
        ]
    return variants


def bulk_ids(address, b):
    if "/wagtailimages/" in address:
        return [b.image.pk]
    if "/wagtaildocs/" in address:
        return [b.document.pk]
    if "/wagtailcore/page/" in address:
        return page_ids(b)
    if "/auth/" in address or "/custom_user/" in address:
        return [b.b_editor.pk]
    return [MISSING]


def crawl_plan(b):
    """({pattern route: [addresses]}, [skipped routes]) for every admin pattern."""
    plan, skipped = {}, []
    for pattern in admin_patterns():
        if pattern.route in SKIPPED:
            skipped.append(pattern.route)
            continue
        if unfilled(pattern):
            continue
        found = addresses(pattern, b) if pattern.params else [pattern.address({})]
        plan[pattern.route] = [v for a in found for v in query_variants(pattern, a, b)]
    return plan, skipped
