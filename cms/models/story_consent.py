"""The scope of a storyteller's consent: where, under which name, with which photo,
and until when before it is reviewed."""

from datetime import timedelta

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import PagePermissionTester

SCOPE_FIELDS = [
    "consent_web",
    "consent_social",
    "consent_print",
    "use_real_name",
    "photo_permission",
    "consent_review_by",
]
REVIEW_AFTER = timedelta(days=365)


def default_review_by():
    return timezone.localdate() + REVIEW_AFTER


class StoryConsentMixin(models.Model):
    consent_web = models.BooleanField(
        _("may be published on the web"),
        default=False,
        help_text=_("The storyteller agreed that the story is shown on this website."),
    )
    consent_social = models.BooleanField(
        _("may be shared on social media"),
        default=False,
        help_text=_("Without it, the page offers no picture or summary to share."),
    )
    consent_print = models.BooleanField(
        _("may be printed"),
        default=False,
        help_text=_("For leaflets, exhibitions and reports."),
    )
    use_real_name = models.BooleanField(
        _("the storyteller asked for their real name"),
        default=False,
        help_text=_(
            "Leave unticked to show the name above as a pseudonym: the page says "
            "the name was changed."
        ),
    )
    photo_permission = models.BooleanField(
        _("a photo may be shown"),
        default=False,
        help_text=_("Without it, no portrait or listing picture can be set."),
    )
    consent_review_by = models.DateField(
        _("review consent by"),
        default=default_review_by,
        help_text=_(
            "Ask the storyteller again before this day: after it, the story is "
            "unpublished until the consent is renewed."
        ),
    )

    consent_scope_panel = MultiFieldPanel(
        [
            FieldRowPanel(
                [
                    FieldPanel("consent_web"),
                    FieldPanel("consent_social"),
                    FieldPanel("consent_print"),
                ]
            ),
            FieldRowPanel(
                [FieldPanel("use_real_name"), FieldPanel("photo_permission")]
            ),
            FieldPanel("consent_review_by"),
        ],
        _("What the storyteller agreed to"),
    )

    class Meta:
        abstract = True

    @property
    def consent_expired(self):
        return self.consent_review_by < timezone.localdate()


class StoryPermissionTester(PagePermissionTester):
    """Stories go live through the safeguarding approval, never straight away.

    Moderators approve in the workflow; only network admins publish directly.
    Unpublishing stays with everyone who may publish other pages: taking a
    story down protects the storyteller.
    """

    def can_publish(self):
        return self.user.is_active and self.user.is_superuser

    def can_publish_subpage(self):
        return self.can_publish() and super().can_publish_subpage()
