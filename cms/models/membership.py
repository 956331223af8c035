"""The roles of each site (one Django group per site, role and language) and
the site's own media collection."""

from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.models import Collection, Locale, Site


class Role(models.TextChoices):
    EDITOR = "editor", _("Editor")
    MODERATOR = "moderator", _("Moderator")
    TRANSLATOR = "translator", _("Translator")


class SiteRoleQuerySet(models.QuerySet):
    def for_user(self, user):
        return self.filter(group__user=user)


class SiteRole(models.Model):
    """Ties a permission group to the site and role it stands for."""

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="roles")
    role = models.CharField(max_length=20, choices=Role.choices)
    locale = models.ForeignKey(
        Locale, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    group = models.OneToOneField(
        Group, on_delete=models.CASCADE, related_name="site_role"
    )

    objects = SiteRoleQuerySet.as_manager()

    class Meta:
        permissions = [
            ("create_network_site", "Can create network sites"),
            ("syndicate_news", "Can syndicate network news to other sites"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["site", "role", "locale"], name="one_group_per_site_role_locale"
            ),
            models.UniqueConstraint(
                fields=["site", "role"],
                condition=models.Q(locale__isnull=True),
                name="one_group_per_site_role",
            ),
        ]

    def __str__(self):
        return self.group.name


class SiteCollection(models.Model):
    """The collection holding a site's images and documents, found by this link
    and never by name: a site keeps its media, roles and trail when renamed."""

    site = models.OneToOneField(
        Site, on_delete=models.CASCADE, related_name="media_collection"
    )
    collection = models.OneToOneField(
        Collection, on_delete=models.PROTECT, related_name="network_site"
    )

    def __str__(self):
        return f"{self.site}: {self.collection}"
