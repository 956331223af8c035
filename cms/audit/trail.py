"""The audit trail: who published, unpublished, restricted or granted what.

Wagtail logs page actions (publish, unpublish, privacy) itself; cms.access.roles logs
role grants, cms.audit.log consent changes and deleted pages' sites. The
"Audit trail" view lists the entries of the sites a person moderates (every
site for network admins), with their story erasures, and a CSV export.
"""

import csv
import heapq
from itertools import islice

from django.core.exceptions import FieldDoesNotExist
from django.db.models import CharField, Q
from django.db.models.functions import Cast
from django.http import Http404, StreamingHttpResponse
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.admin.utils import get_user_display_name
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.log_actions import LogFormatter
from wagtail.models import Collection, ModelLogEntry, PageLogEntry, Site

from cms.access.refusals import refuse
from cms.access.roles import moderated_sites
from cms.access.sites import pages_under_homes
from cms.audit.log import CONSENT_CHANGED, CONSENT_REVIEW_DUE
from cms.models import ErasureRecord, SiteIdentity, StoryPage
from cms.pagination import admin_page_of
from groups.models import SupportingOrganisation
from search.models import SitePromotion
from streams.models import AwardScheme

PER_PAGE = 50


class RoleChangeFormatter(LogFormatter):
    def format_message(self, log_entry):
        data = log_entry.data
        role = data.get("role", "")
        if data.get("language"):
            role = f"{role} ({data['language']})"
        return self.message % {"person": data.get("person", "?"), "role": role}


class InvitationFormatter(LogFormatter):
    def format_message(self, log_entry):
        data = log_entry.data
        return self.message % {"email": data.get("email", "?"), "role": data["role"]}


def register_role_actions(actions):
    @actions.register_action("cms.role_granted")
    class RoleGranted(RoleChangeFormatter):
        label = gettext_lazy("Grant a site role")
        message = gettext_lazy("Gave %(person)s the %(role)s role")

    @actions.register_action("cms.role_revoked")
    class RoleRevoked(RoleChangeFormatter):
        label = gettext_lazy("Revoke a site role")
        message = gettext_lazy("Took the %(role)s role from %(person)s")

    @actions.register_action("cms.invitation_sent")
    class InvitationSent(InvitationFormatter):
        label = gettext_lazy("Invite a person")
        message = gettext_lazy("Invited %(email)s as %(role)s")

    @actions.register_action("cms.invitation_accepted")
    class InvitationAccepted(InvitationFormatter):
        label = gettext_lazy("Accept an invitation")
        message = gettext_lazy("%(email)s accepted the invitation as %(role)s")


class ConsentChangeFormatter(LogFormatter):
    label = gettext_lazy("Change a storyteller's consent")

    def format_message(self, log_entry):
        names = []
        for name in log_entry.data.get("fields", []):
            try:
                names.append(str(StoryPage._meta.get_field(name).verbose_name))
            except FieldDoesNotExist:
                names.append(name)
        if not names:
            return _("Changed the storyteller's consent")
        return _("Changed the storyteller's consent: %(fields)s") % {
            "fields": ", ".join(names)
        }


def register_consent_actions(actions):
    actions.register_action(CONSENT_CHANGED)(ConsentChangeFormatter)

    @actions.register_action(CONSENT_REVIEW_DUE)
    class ConsentReviewDue(LogFormatter):
        label = gettext_lazy("Unpublish a story due for consent review")
        message = gettext_lazy(
            "Unpublished: the storyteller's consent was due for review"
        )


# Which entries belong to a set of sites.


def keys(queryset):
    return queryset.annotate(key=Cast("pk", CharField())).values("key")


def site_media(model, sites):
    homes = Collection.objects.filter(network_site__site__in=sites)
    within = Q(pk__in=[])
    for collection_path in homes.values_list("path", flat=True):
        within |= Q(collection__path__startswith=collection_path)
    return model.objects.filter(within)


SITE_OBJECTS = [
    (Site, lambda sites: sites),
    (SiteIdentity, lambda sites: SiteIdentity.objects.filter(site__in=sites)),
    (
        SupportingOrganisation,
        lambda s: SupportingOrganisation.objects.filter(site__in=s),
    ),
    (AwardScheme, lambda sites: AwardScheme.objects.filter(site__in=sites)),
    (SitePromotion, lambda sites: SitePromotion.objects.filter(site__in=sites)),
    (Image, lambda sites: site_media(Image, sites)),
    (Document, lambda sites: site_media(Document, sites)),
]


def deleted_pages_of(sites):
    """Ids of the sites' deleted pages: their delete entries name the site."""
    site_ids = list(Site.objects.filter(pk__in=sites).values_list("pk", flat=True))
    return PageLogEntry.objects.filter(
        action="wagtail.delete", data__site__in=site_ids
    ).values("page_id")


def site_entries(sites):
    """(page entries, model entries, erasures) of the sites, newest first."""
    home_keys = Site.objects.filter(pk__in=sites).values("root_page__translation_key")
    pages = PageLogEntry.objects.filter(
        Q(page__in=pages_under_homes(home_keys).values("pk"))
        | Q(page_id__in=deleted_pages_of(sites))
    )
    models = Q(pk__in=[])
    for model, objects in SITE_OBJECTS:
        models |= Q(
            content_type__app_label=model._meta.app_label,
            content_type__model=model._meta.model_name,
            object_id__in=keys(objects(sites)),
        )
    return (
        pages.select_related("user", "content_type").order_by("-timestamp", "-pk"),
        ModelLogEntry.objects.filter(models)
        .select_related("user", "content_type")
        .order_by("-timestamp", "-pk"),
        Erasures(ErasureRecord.objects.filter(site__in=sites)),
    )


class ErasureEntry:
    """A story erasure as a line of the trail: who, when, and counts only."""

    object_verbose_name = ErasureRecord._meta.verbose_name

    def __init__(self, record):
        self.record = record
        self.timestamp = record.erased_at
        self.object_id = record.pk
        self.label = record.site.site_name if record.site else ""

    @property
    def user_display_name(self):
        if self.record.erased_by is None:
            return _("system")
        return get_user_display_name(self.record.erased_by)

    @property
    def message(self):
        counts = ", ".join(
            f"{kind.replace('_', ' ')}: {count}"
            for kind, count in sorted(self.record.removed.items())
        )
        return _("Erased a story of sanctuary (removed %(counts)s)") % {
            "counts": counts
        }


class Erasures:
    """Erasure records, read like a log entry queryset."""

    def __init__(self, records):
        self.records = records.select_related("erased_by", "site").order_by(
            "-erased_at", "-pk"
        )

    def count(self):
        return self.records.count()

    def __getitem__(self, window):
        return [ErasureEntry(record) for record in self.records[window]]

    def iterator(self):
        return (ErasureEntry(record) for record in self.records.iterator())


def merged(querysets, limit=None):
    """The entries of several querysets, newest first."""
    sources = [qs[:limit] if limit else qs.iterator() for qs in querysets]
    return heapq.merge(*sources, key=lambda entry: entry.timestamp, reverse=True)


class MergedEntries:
    """A sequence over both log models that the paginator can slice."""

    def __init__(self, querysets):
        self.querysets = querysets

    def count(self):
        return sum(qs.count() for qs in self.querysets)

    def __len__(self):
        return self.count()

    def __getitem__(self, window):
        return list(islice(merged(self.querysets, window.stop), window.start, None))


# The view.


def audit_sites(user):
    """The sites whose trail a person may read: the sites they moderate."""
    return moderated_sites(user).order_by("site_name")


def chosen_sites(request):
    sites = audit_sites(request.user)
    chosen = request.GET.get("site", "")
    if not chosen:
        return sites, None
    site = sites.filter(pk=chosen).first() if chosen.isdigit() else None
    if site is None:
        raise Http404
    return sites.filter(pk=site.pk), site


def entries_for(request):
    sites, site = chosen_sites(request)
    if request.user.is_superuser and site is None:
        everything = [
            PageLogEntry.objects.select_related("user", "content_type"),
            ModelLogEntry.objects.select_related("user", "content_type"),
        ]
        querysets = [qs.order_by("-timestamp", "-pk") for qs in everything]
        return [*querysets, Erasures(ErasureRecord.objects.all())], site
    return list(site_entries(sites)), site


def site_audit(request):
    if not audit_sites(request.user).exists():
        return refuse(request, _("Only a site's moderators read its trail."))
    querysets, site = entries_for(request)
    if request.GET.get("export") == "csv":
        return csv_export(querysets)
    entries, pagination = admin_page_of(request, MergedEntries(querysets), PER_PAGE)
    return TemplateResponse(
        request,
        "cms/admin/site_audit.html",
        {
            "entries": entries,
            **pagination,
            "sites": audit_sites(request.user),
            "site": site,
            "page_title": _("Audit trail"),
            "header_icon": "history",
        },
    )


def cell(value):
    """Spreadsheet-safe text: a leading =, +, - or @ would run as a formula."""
    text = str(value)
    return f"'{text}" if text[:1] in ("=", "+", "-", "@") else text


class Echo:
    def write(self, value):
        return value


def csv_rows(querysets):
    yield [_("Time"), _("User"), _("Action"), _("Type"), _("Object"), _("Object id")]
    for entry in merged(querysets):
        yield [
            entry.timestamp.isoformat(),
            entry.user_display_name,
            entry.message,
            entry.object_verbose_name,
            entry.label,
            entry.object_id,
        ]


def csv_export(querysets):
    writer = csv.writer(Echo())
    rows = (writer.writerow([cell(v) for v in row]) for row in csv_rows(querysets))
    response = StreamingHttpResponse(rows, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="audit-trail.csv"'
    return response


urlpatterns = [path("site-audit/", site_audit, name="cms_site_audit")]
