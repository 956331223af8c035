"""The volunteer's dashboard: panels about the one site a member works on."""

from django.apps import apps
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from wagtail.admin import messages
from wagtail.admin.site_summary import SummaryItem
from wagtail.admin.ui.components import Component
from wagtail.admin.views.pages.workflow import WorkflowActionView
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import PageLogEntry, TaskState, WorkflowState

from cms.access.roles import can_view_members
from cms.access.sites import is_national_team, member_sites, site_pages
from cms.models import EventIndexPage, NewsIndexPage, StoryIndexPage
from cms.network.forms import ChooseSiteForm

# Shown where the page type may be added: network news on the national site
# only, first, as the national team publishes it most.
SHORTCUTS = [
    (NewsIndexPage, "home.NetworkNewsPage", _("Add network news")),
    (NewsIndexPage, "cms.NewsPage", _("Add news")),
    (EventIndexPage, "cms.EventPage", _("Add an event")),
    (StoryIndexPage, "cms.StoryPage", _("Add a story")),
]
LIST_LENGTH = 8
FOLD_WINDOW = 5  # entries read per line shown, to fold successive changes


class SitePanel(Component):
    """The site's name and address, shortcuts to add content, the site switcher."""

    name = "cms_site"
    order = 10
    template_name = "cms/admin/panels/site.html"

    def __init__(self, request, site):
        self.request, self.site = request, site

    def shortcuts(self):
        user = self.request.user
        indexes = self.site.root_page.get_children().type(
            *(model for model, _page_type, _label in SHORTCUTS)
        )
        by_class = {page.specific_class: page for page in indexes.specific()}
        for model, page_type, label in SHORTCUTS:
            index = by_class.get(model)
            page_model = apps.get_model(page_type)
            if (
                index
                and page_model.can_create_at(index)
                and index.permissions_for_user(user).can_add_subpage()
            ):
                meta = page_model._meta
                url = reverse(
                    "wagtailadmin_pages:add",
                    args=(meta.app_label, meta.model_name, index.pk),
                )
                yield {"label": label, "url": url}

    def get_context_data(self, parent_context):
        user = self.request.user
        sites = member_sites(user)
        return {
            "site": self.site,
            "shortcuts": list(self.shortcuts()),
            "switcher": ChooseSiteForm(sites=sites, initial={"site": self.site}),
            "several_sites": len(sites[:2]) > 1,
            "can_view_members": can_view_members(user, self.site),
            "csrf_token": parent_context.get("csrf_token"),
        }


class SiteFigure(SummaryItem):
    """One figure of the site's summary, in place of Wagtail's network-wide one."""

    template_name = "cms/admin/panels/site_figure.html"

    def __init__(self, request, order, icon, text, url):
        super().__init__(request)
        self.order, self.icon, self.text, self.url = order, icon, text, url

    def get_context_data(self, parent_context):
        return {"icon": self.icon, "text": self.text, "url": self.url}


def site_figures(request, site):
    """The pages, images and documents of the site a member works on."""
    if is_national_team(request.user):
        return None
    collections = site.media_collection.collection.get_descendants(inclusive=True)
    pages = site_pages(site).count()
    images = get_image_model().objects.filter(collection__in=collections).count()
    documents = get_document_model().objects.filter(collection__in=collections)
    documents = documents.count()
    in_collection = f"?collection_id={site.media_collection.collection_id}"
    return [
        SiteFigure(
            request,
            100,
            "doc-empty",
            ngettext("%(count)s page", "%(count)s pages", pages) % {"count": pages},
            reverse("wagtailadmin_explore", args=[site.root_page_id]),
        ),
        SiteFigure(
            request,
            200,
            "image",
            ngettext("%(count)s image", "%(count)s images", images) % {"count": images},
            reverse("wagtailimages:index") + in_collection,
        ),
        SiteFigure(
            request,
            300,
            "doc-full-inverse",
            ngettext("%(count)s document", "%(count)s documents", documents)
            % {"count": documents},
            reverse("wagtaildocs:index") + in_collection,
        ),
    ]


class SiteListPanel(Component):
    template_name = "cms/admin/panels/page_list.html"

    def __init__(self, request, site):
        self.request, self.site = request, site

    def get_context_data(self, parent_context):
        return {
            "panel_name": self.name,
            "heading": self.heading,
            "empty": self.empty,
            "items": list(self.items()[:LIST_LENGTH]),
        }


class DraftsPanel(SiteListPanel):
    name = "cms_drafts"
    order = 20
    heading = _("Your drafts")
    empty = _("You have no unpublished changes.")

    def items(self):
        return (
            site_pages(self.site)
            .filter(
                has_unpublished_changes=True, latest_revision__user=self.request.user
            )
            .order_by("-latest_revision_created_at")
        )


class AwaitingApprovalPanel(SiteListPanel):
    name = "cms_awaiting_approval"
    order = 30
    heading = _("Waiting for approval")
    empty = _("Nothing is waiting for a moderator.")

    def items(self):
        return (
            site_pages(self.site)
            .filter(_workflow_states__status=WorkflowState.STATUS_IN_PROGRESS)
            .order_by("-latest_revision_created_at")
            .distinct()
        )


class TeamChangesPanel(Component):
    name = "cms_team_changes"
    order = 40
    template_name = "cms/admin/panels/team_changes.html"

    def __init__(self, request, site):
        self.request, self.site = request, site

    def get_context_data(self, parent_context):
        entries = (
            PageLogEntry.objects.filter(page_id__in=site_pages(self.site).values("pk"))
            .select_related("user")
            .order_by("-timestamp")[: LIST_LENGTH * FOLD_WINDOW]
        )
        return {"entries": fold(entries)[:LIST_LENGTH]}


def fold(entries):
    """One line for a person's successive changes to one page: autosave and
    drafts saved while writing are one piece of work."""
    lines = []
    for entry in entries:
        last = lines[-1] if lines else None
        if last and (last.page_id, last.user_id) == (entry.page_id, entry.user_id):
            last.earlier += 1
            continue
        entry.earlier = 0
        lines.append(entry)
    return lines


SITE_PANELS = [SitePanel, DraftsPanel, AwaitingApprovalPanel, TeamChangesPanel]


class ConfirmedWorkflowActionView(WorkflowActionView):
    """The dashboard's Approve and Request changes, saying what they did: Wagtail's
    own view redirects without a word."""

    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        self.task_state.refresh_from_db()
        if self.task_state.status == TaskState.STATUS_IN_PROGRESS:
            return response  # the form was refused: the modal shows why
        page = self.object.specific_deferred
        page.refresh_from_db()
        title = page.get_admin_display_title()
        if self.task_state.status == TaskState.STATUS_REJECTED:
            message = _("Changes were requested on '%(title)s'.")
        elif page.live and not page.has_unpublished_changes:
            message = _("'%(title)s' has been approved and published.")
        else:
            message = _("'%(title)s' has been approved.")
        messages.success(request, message % {"title": title})
        return response
