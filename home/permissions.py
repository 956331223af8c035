"""Who may do what with the national team's own data."""

from django.contrib.auth import get_user_model
from django.db.models import Q

from wagtail.models import Site
from wagtail.permission_policies.base import BasePermissionPolicy

from cms.models import Role

NATIONAL_PERMISSION = ("cms", "syndicate_news")


def is_national_editor(user):
    return user.is_active and user.has_perm(".".join(NATIONAL_PERMISSION))


class NationalTeamPolicy(BasePermissionPolicy):
    """Every action for national editors and network admins; nothing for others."""

    def user_has_permission(self, user, action):
        return is_national_editor(user)

    def user_has_any_permission(self, user, actions):
        return is_national_editor(user)

    def users_with_any_permission(self, actions):
        app_label, codename = NATIONAL_PERMISSION
        granted = Q(
            groups__permissions__codename=codename,
            groups__permissions__content_type__app_label=app_label,
        ) | Q(
            user_permissions__codename=codename,
            user_permissions__content_type__app_label=app_label,
        )
        users = get_user_model().objects.filter(is_active=True)
        return users.filter(granted | Q(is_superuser=True)).distinct()

    def users_with_permission(self, action):
        return self.users_with_any_permission([action])


def moderated_sites(user):
    """Sites whose network news this user may hide or pin: their moderator sites."""
    if not user.is_active:
        return Site.objects.none()
    if user.is_superuser:
        return Site.objects.all()
    return Site.objects.filter(
        roles__role=Role.MODERATOR, roles__group__user=user
    ).distinct()
