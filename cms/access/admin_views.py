"""Admin views of Wagtail narrowed to a person's own sites.

Wagtail has no hook for these spots (wagtail#1700 and its kin), so these
subclasses are mounted at the same addresses, ahead of Wagtail's admin URLs
(see cms/urls.py). Nothing of Wagtail is patched.
"""

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import CharField
from django.db.models.functions import Cast
from django.http import Http404
from django.shortcuts import redirect
from django.urls import path
from django.utils.functional import cached_property

from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.admin.views.chooser import BrowseView, ChosenMultipleView
from wagtail.admin.views.reports.audit_logging import (
    LogEntriesView,
    SiteHistoryReportFilterSet,
    get_users_for_filter,
)
from wagtail.admin.views.reports.locked_pages import LockedPagesView
from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView
from wagtail.admin.views.reports.workflows import WorkflowView
from wagtail.admin.viewsets.pages import page_viewset_registry
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet
from wagtail.models import WorkflowState
from wagtail.utils.urlpatterns import decorate_urlpatterns

from cms.access.sites import explorable_pages, is_national_team, objects_in_scope
from cms.access.tags import tag_urls
from cms.network.dashboard import ConfirmedWorkflowActionView


def people_filter(filterset, name, people):
    """Only offer people of the viewer's own sites in a report's filter."""
    if filterset is not None and not filterset.request.user.is_superuser:
        filterset.form.fields[name].queryset = people
    return filterset


def check_explorable(user, page_id):
    if not user.is_superuser and not explorable_pages(user).filter(pk=page_id).exists():
        raise Http404


class ScopedPageBrowseView(BrowseView):
    """The page chooser refuses to open a page outside the person's sites."""

    def get(self, request, parent_page_id=None):
        if parent_page_id:
            check_explorable(request.user, parent_page_id)
        return super().get(request, parent_page_id)


class ScopedPageChosenMultipleView(ChosenMultipleView):
    """Choosing several pages at once returns only pages of the person's sites."""

    def get(self, request):
        if not request.user.is_superuser:
            ids = [i for i in request.GET.getlist("id") if i.isdigit()]
            allowed = explorable_pages(request.user).filter(pk__in=ids)
            request.GET = request.GET.copy()
            request.GET.setlist(
                "id", [str(pk) for pk in allowed.values_list("pk", flat=True)]
            )
        return super().get(request)


def own_page(action, kwarg="page_id", elsewhere=None, view=None):
    """A page view that opens only pages of the person's sites: the explorer (a
    moderator's explorable root is the tree root when the site has several
    languages) and the workflow views (they name the page before checking).
    Another site's page is a 404, or a redirect to `elsewhere` when given."""
    view = view or page_viewset_registry.as_view(action, **{f"{kwarg}_kwarg": kwarg})

    def scoped(request, **kwargs):
        try:
            check_explorable(request.user, kwargs[kwarg])
        except Http404:
            if elsewhere is None:
                raise
            return redirect(elsewhere)
        return view(request, **kwargs)

    return scoped


class ScopedBulkAction:
    """A bulk action that leaves out, unnamed, the objects of other sites: Wagtail
    lists the objects a person may not act on by title."""

    def get_actionable_objects(self):
        objects, extra = super().get_actionable_objects()
        if self.request.user.is_superuser:
            return objects, extra
        everything = objects + extra["items_with_no_access"]
        scope = objects_in_scope(self.request.user, self.model)
        allowed = set(
            scope.filter(pk__in=[o.pk for o in everything]).values_list("pk", flat=True)
        )
        extra["items_with_no_access"] = [
            o for o in extra["items_with_no_access"] if o.pk in allowed
        ]
        return [o for o in objects if o.pk in allowed], extra


def bulk_action(request, app_label, model_name, action):
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError as error:
        raise Http404 from error
    action_class = bulk_action_registry.get_bulk_action_class(
        app_label, model_name, action
    )
    if action_class is None:
        raise Http404
    scoped = type(
        f"Scoped{action_class.__name__}", (ScopedBulkAction, action_class), {}
    )
    return scoped(request, model).dispatch(request)


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
        allowed = objects_in_scope(self.request.user, self.model)
        return super().get_queryset().filter(pk__in=allowed.values("pk"))


class ScopedImagesAPI(ScopedMedia, ImagesAdminAPIViewSet):
    pass


class ScopedDocumentsAPI(ScopedMedia, DocumentsAdminAPIViewSet):
    pass


def results(view):
    return view.as_view(results_only=True)


urlpatterns = [
    # Like Wagtail's explorer outside a person's root: back to their own pages.
    path(
        "pages/<int:parent_page_id>/",
        own_page("index", "parent_page_id", elsewhere="wagtailadmin_explore_root"),
    ),
    path(
        "pages/<int:parent_page_id>/results/",
        own_page("index_results", "parent_page_id"),
    ),
    path(
        "pages/workflow/action/<int:page_id>/<slug:action_name>/<int:task_state_id>/",
        own_page("workflow_action", view=ConfirmedWorkflowActionView.as_view()),
    ),
    path(
        "pages/workflow/collect_action_data/<int:page_id>/<slug:action_name>/"
        "<int:task_state_id>/",
        own_page("collect_workflow_action_data"),
    ),
    path(
        "pages/workflow/confirm_cancellation/<int:page_id>/",
        own_page("confirm_workflow_cancellation"),
    ),
    path(
        "pages/workflow/preview/<int:page_id>/<int:task_id>/",
        own_page("workflow_preview"),
    ),
    path("bulk/<str:app_label>/<str:model_name>/<str:action>/", bulk_action),
    *tag_urls(),
    path("choose-page/<int:parent_page_id>/", ScopedPageBrowseView.as_view()),
    path("choose-page/chosen-multiple/", ScopedPageChosenMultipleView.as_view()),
    path("reports/locked/", ScopedLockedPagesView.as_view()),
    path("reports/locked/results/", results(ScopedLockedPagesView)),
    path("reports/workflow/", ScopedWorkflowView.as_view()),
    path("reports/workflow/results/", results(ScopedWorkflowView)),
    path("reports/site-history/", ScopedSiteHistoryView.as_view()),
    path("reports/site-history/results/", results(ScopedSiteHistoryView)),
    path("reports/page-types-usage/", NationalPageTypesUsageView.as_view()),
    path("reports/page-types-usage/results/", results(NationalPageTypesUsageView)),
]
# The admin's own checks, as Wagtail applies them to its URLs: login, admin
# access, the acting user in the audit log.
urlpatterns = decorate_urlpatterns(urlpatterns, require_admin_access)
