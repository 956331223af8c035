"""An invitation to work on a site: one role, sent by email, used once, for a week."""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale, Site

from .membership import Role

VALID_FOR = timedelta(days=7)


def token_hash(token):
    return hashlib.sha256(token.encode()).hexdigest()


class InvitationQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(
            accepted_at__isnull=True, created_at__gt=timezone.now() - VALID_FOR
        )

    def for_token(self, token):
        """The pending invitation this link's token opens, if any."""
        return self.pending().filter(token_hash=token_hash(token)).first()


class Invitation(models.Model):
    """Only the token's hash is kept: the link in the email is the only key."""

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="+")
    email = models.EmailField(_("email address"))
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    locale = models.ForeignKey(
        Locale, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now)
    accepted_at = models.DateTimeField(null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.email} ({self.role}, {self.site})"

    def new_token(self):
        """Sets a fresh token and returns it, for the email only."""
        token = secrets.token_urlsafe(32)
        self.token_hash = token_hash(token)
        return token

    @property
    def expires_at(self):
        return self.created_at + VALID_FOR

    @property
    def language(self):
        return self.locale.language_code if self.locale else None
