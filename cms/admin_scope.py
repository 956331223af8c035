"""Admin views of Wagtail narrowed to a person's own sites.

Wagtail has no hook for these spots (wagtail#1700 and its kin), so these
subclasses are mounted at the same addresses, ahead of Wagtail's admin URLs
(see cms/urls.py). Nothing of Wagtail is patched.
"""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import CharField
from django.db.models.functions import Cast
from django.http import Http404
from django.urls import path
from django.utils.functional import cached_property

from wagtail.admin.views.chooser import BrowseView
from wagtail.admin.views.reports.audit_logging import (
    LogEntriesView,
    SiteHistoryReportFilterSet,
    get_users_for_filter,
)
from wagtail.admin.views.reports.locked_pages import LockedPagesView
from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView
from wagtail.admin.views.reports.workflows import WorkflowView
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet
from wagtail.models import WorkflowState
from wagtail.permissions import policy_registry

from cms.member_sites import explorable_pages, is_national_team


def people_filter(filterset, name, people):
    """Only offer people of the viewer's own sites in a report's filter."""
    if filterset is not None and not filterset.request.user.is_superuser:
        filterset.form.fields[name].queryset = people
    return filterset


class ScopedPageBrowseView(BrowseView):
    """The page chooser refuses to open a page outside the person's sites."""

    def get(self, request, parent_page_id=None):
        if parent_page_id and not request.user.is_superuser:
            allowed = explorable_pages(request.user).filter(pk=parent_page_id)
            if not allowed.exists():
                raise Http404
        return super().get(request, parent_page_id)


class ScopedLockedPagesView(LockedPagesView):
    @cached_property
    def filters(self):
        pages = explorable_pages(self.request.user).filter(locked=True)
        people = get_user_model().objects.filter(pk__in=pages.values("locked_by"))
        return people_filter(super().filters, "locked_by", people)


def workflow_requesters(user):
    page_ids = explorable_pages(user).annotate(key=Cast("pk", CharField()))
    states = WorkflowState.objects.filter(object_id__in=page_ids.values("key"))
    return get_user_model().objects.filter(pk__in=states.values("requested_by"))


class ScopedWorkflowView(WorkflowView):
    @cached_property
    def filters(self):
        people = workflow_requesters(self.request.user)
        return people_filter(super().filters, "requested_by", people)


class ScopedSiteHistoryFilterSet(SiteHistoryReportFilterSet):
    def get_users_queryset(self):
        # Wagtail offers everyone who ever edited a page; keep to viewable entries.
        return get_users_for_filter(self.request.user)


class ScopedSiteHistoryView(LogEntriesView):
    filterset_class = ScopedSiteHistoryFilterSet


class NationalPageTypesUsageView(PageTypesUsageReportView):
    """Shows the latest page of each type across the network: national team only."""

    def dispatch(self, request, *args, **kwargs):
        if not is_national_team(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class ScopedMedia:
    """Admin API endpoints for images and documents list the person's collections."""

    def get_queryset(self):
        policy = policy_registry.get_by_type(self.model)
        allowed = policy.instances_user_has_any_permission_for(
            self.request.user, ["choose", "change", "delete"]
        )
        return super().get_queryset().filter(pk__in=allowed.values("pk"))


class ScopedImagesAPI(ScopedMedia, ImagesAdminAPIViewSet):
    pass


class ScopedDocumentsAPI(ScopedMedia, DocumentsAdminAPIViewSet):
    pass


def results(view):
    return view.as_view(results_only=True)


urlpatterns = [
    path("choose-page/<int:parent_page_id>/", ScopedPageBrowseView.as_view()),
    path("reports/locked/", ScopedLockedPagesView.as_view()),
    path("reports/locked/results/", results(ScopedLockedPagesView)),
    path("reports/workflow/", ScopedWorkflowView.as_view()),
    path("reports/workflow/results/", results(ScopedWorkflowView)),
    path("reports/site-history/", ScopedSiteHistoryView.as_view()),
    path("reports/site-history/results/", results(ScopedSiteHistoryView)),
    path("reports/page-types-usage/", NationalPageTypesUsageView.as_view()),
    path("reports/page-types-usage/results/", results(NationalPageTypesUsageView)),
]
