"""The admin for search promotions, scoped to the sites a person moderates.

Every view reads promotions through `SitePromotion.objects.for_user`, so a
promotion of another site is a 404, never a page to look at or change.
"""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.views import generic
from wagtail.admin.views.generic import history, usage
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import BasePermissionPolicy

from .models import SitePromotion, moderated_sites


class SitePromotionPermissionPolicy(BasePermissionPolicy):
    """Site moderators manage their own sites' promotions; admins every site's."""

    def user_has_permission(self, user, action):
        if not (user.is_authenticated and user.is_active):
            return False
        return user.is_superuser or moderated_sites(user).exists()

    def user_has_permission_for_instance(self, user, action, instance):
        return self.instances_user_has_permission_for(user, action).contains(instance)

    def instances_user_has_any_permission_for(self, user, actions):
        if not (user.is_authenticated and user.is_active):
            return SitePromotion.objects.none()
        return SitePromotion.objects.for_user(user)


class SitePromotionForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.for_user is not None and not self.for_user.is_superuser:
            self.fields["site"].queryset = moderated_sites(self.for_user)


class ScopedObject:
    """Finds the object among the user's own promotions only."""

    def get_queryset(self):
        return SitePromotion.objects.for_user(self.request.user)


class ScopedListing:
    """For listing views about one promotion (history, usage)."""

    def get_base_object_queryset(self):
        return SitePromotion.objects.for_user(self.request.user)


class IndexView(generic.IndexView):
    def get_base_queryset(self):
        scoped = SitePromotion.objects.for_user(self.request.user)
        return super().get_base_queryset().filter(pk__in=scoped.values("pk"))


class EditView(ScopedObject, generic.EditView):
    pass


class DeleteView(ScopedObject, generic.DeleteView):
    pass


class HistoryView(ScopedListing, history.HistoryView):
    pass


class UsageView(ScopedListing, usage.UsageView):
    pass


class SitePromotionViewSet(ModelViewSet):
    model = SitePromotion
    icon = "pick"
    menu_label = _("Search promotions")
    add_to_admin_menu = True
    copy_view_enabled = False
    list_display = ["query_string", "page", "site", "sort_order"]
    search_fields = ["query_string"]
    index_view_class = IndexView
    edit_view_class = EditView
    delete_view_class = DeleteView
    history_view_class = HistoryView
    usage_view_class = UsageView
    edit_handler = ObjectList(
        [
            FieldPanel("site"),
            FieldPanel("query_string"),
            FieldPanel("page"),
            FieldPanel("description"),
            FieldPanel("sort_order"),
        ],
        base_form_class=SitePromotionForm,
    )
