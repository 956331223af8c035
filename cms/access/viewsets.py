"""Admin views for data owned by one site: supporters, award schemes, search
promotions.

Wagtail's SitePermissionPolicy grants a role rights on its own site through
GroupSitePermission, and the national team rights everywhere through model
permissions; these views apply it to every listing, form and object they show.
"""

from django.http import Http404

from wagtail.admin.panels import ObjectList
from wagtail.admin.views import generic
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.views.generic.usage import UsageView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.sites import SitePermissionPolicy
from wagtail.permissions import policy_registry, register_permission_policy

from cms.access.media import SiteModelForm

ACTIONS = ["add", "change", "delete"]


def register_site_scoped(model):
    register_permission_policy(model, SitePermissionPolicy(model))


class SiteScopedForm(SiteModelForm):
    """Offers only the sites the user may manage; preselects the only one."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        policy = policy_registry.get_by_type(self._meta.model)
        sites = policy.sites_user_has_any_permission_for(self.for_user, ACTIONS)
        field = self.fields["site"]
        field.queryset = sites.order_by("site_name")
        if self.instance.site_id is None and len(field.queryset) == 1:
            field.initial = field.queryset[0].pk


class SiteScopedObjectMixin:
    """Another site's object is a 404: its address tells nothing of it."""

    def get_object(self, *args, **kwargs):
        obj = super().get_object(*args, **kwargs)
        policy = policy_registry.get_by_type(type(obj))
        if not policy.user_has_any_permission_for_instance(
            self.request.user, ACTIONS, obj
        ):
            raise Http404
        return obj


class SiteScopedIndexView(generic.IndexView):
    def get_base_queryset(self):
        policy = policy_registry.get_by_type(self.model)
        allowed = policy.instances_user_has_any_permission_for(
            self.request.user, ACTIONS
        )
        return super().get_base_queryset().filter(pk__in=allowed.values("pk"))


class SiteScopedEditView(SiteScopedObjectMixin, generic.EditView):
    pass


class SiteScopedDeleteView(SiteScopedObjectMixin, generic.DeleteView):
    pass


class SiteScopedCopyView(SiteScopedObjectMixin, generic.CopyView):
    pass


class SiteScopedHistoryView(SiteScopedObjectMixin, HistoryView):
    pass


class SiteScopedUsageView(SiteScopedObjectMixin, UsageView):
    pass


class SiteScopedInspectView(SiteScopedObjectMixin, generic.InspectView):
    pass


class SiteScopedViewSet(ModelViewSet):
    """A model viewset whose every view is limited to the user's sites."""

    index_view_class = SiteScopedIndexView
    edit_view_class = SiteScopedEditView
    delete_view_class = SiteScopedDeleteView
    copy_view_class = SiteScopedCopyView
    history_view_class = SiteScopedHistoryView
    usage_view_class = SiteScopedUsageView
    inspect_view_class = SiteScopedInspectView
    copy_view_enabled = False
    # Database search: the index cannot filter by the allowed ids of a site.
    search_backend_name = None

    def get_edit_handler(self):
        panels = ObjectList(self.model.panels, base_form_class=SiteScopedForm)
        return panels.bind_to_model(self.model)
