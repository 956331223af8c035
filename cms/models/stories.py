"""Stories of sanctuary: people telling their experience in their own voice."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import PageManager
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.access.media import SitePageForm
from cms.audit.log import consent_before, log_consent_changes
from cms.blocks import BodyBlock
from cms.i18n.listings import children_in_language

from .base import BasePage, IndexPage, NetworkPageQuerySet
from .story_consent import SCOPE_FIELDS, StoryConsentMixin, StoryPermissionTester

CONSENT_FIELDS = ["consent_given_on", "consent_method", "consent_recorded_by"]
PUBLISHING_ACTIONS = ("action-publish", "action-submit")
LOGGED_CONSENT_FIELDS = [
    *CONSENT_FIELDS,
    "consent_withdrawn_on",
    "network_display",
    *SCOPE_FIELDS,
]


class StoryQuerySet(NetworkPageQuerySet):
    def consented(self):
        """Stories whose storyteller's consent to the web is recorded, not withdrawn
        and not due for review."""
        return (
            self.filter(
                consent_given_on__isnull=False,
                consent_withdrawn_on__isnull=True,
                consent_web=True,
                consent_review_by__gte=timezone.localdate(),
            )
            .exclude(consent_method="")
            .exclude(consent_recorded_by="")
        )

    def network_visible(self):
        """Live, consented stories that may appear beyond their own site."""
        return self.live().public().consented().filter(network_display=True)

    def on_site(self, site):
        return self.descendant_of(site.root_page, inclusive=True)


class StoryPageForm(SitePageForm):
    """Refuses to publish, or send for approval, a story without consent."""

    def clean(self):
        cleaned = super().clean()
        if not any(action in self.data for action in PUBLISHING_ACTIONS):
            return cleaned
        for name in CONSENT_FIELDS:
            if name in self.fields and not cleaned.get(name):
                self.add_error(
                    name, _("Record the storyteller's consent before publishing.")
                )
        if "consent_web" in self.fields and not cleaned.get("consent_web"):
            self.add_error(
                "consent_web",
                _("The storyteller has not agreed to publication on the web."),
            )
        if cleaned.get("consent_withdrawn_on"):
            self.add_error(
                "consent_withdrawn_on",
                _("The storyteller withdrew consent: this story cannot be published."),
            )
        return cleaned

    def clean_consent_review_by(self):
        review_by = self.cleaned_data.get("consent_review_by")
        withdrawing = self.data.get("consent_withdrawn_on")
        if review_by and review_by <= timezone.localdate() and not withdrawing:
            raise ValidationError(
                _(
                    "Choose a day in the future: ask the storyteller again and "
                    "renew their consent before it."
                )
            )
        return review_by


class StoryIndexPage(IndexPage):
    subpage_types = ["cms.StoryPage"]
    image_fields = ("listing_image", "portrait")

    def permissions_for_user(self, user):
        # New stories are created as drafts and go through safeguarding.
        return StoryPermissionTester(user, self)

    def listing(self, language=None):
        return (
            children_in_language(StoryPage, self, language)
            .consented()
            .order_by("-first_published_at")
        )

    def stories(self):
        return self.listing()


class StoryPage(StoryConsentMixin, BasePage):
    storyteller = models.CharField(
        _("storyteller's name or pseudonym"),
        max_length=120,
        help_text=_("Use a made-up name unless the storyteller asked for their own."),
    )
    hide_surname = models.BooleanField(
        _("show the first name only"),
        default=True,
        help_text=_("Only the first word of the name is shown."),
    )
    location = models.CharField(
        _("where the storyteller lives"), max_length=120, blank=True
    )
    hide_location = models.BooleanField(_("hide the location"), default=True)
    portrait = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("portrait"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hide_face = models.BooleanField(
        _("hide the storyteller's face"),
        default=True,
        help_text=_("When ticked, no portrait or listing picture is shown."),
    )
    body = StreamField(BodyBlock(), blank=True)
    consent_given_on = models.DateField(
        _("consent given on"),
        null=True,
        blank=True,
        help_text=_("The day the storyteller agreed to share this story."),
    )
    consent_method = models.CharField(
        _("how consent was given"),
        max_length=200,
        blank=True,
        help_text=_("For example: signed form, recorded voice message, email."),
    )
    consent_recorded_by = models.CharField(
        _("consent recorded by"),
        max_length=120,
        blank=True,
        help_text=_("The name of the volunteer who recorded the consent."),
    )
    consent_withdrawn_on = models.DateField(
        _("consent withdrawn on"),
        null=True,
        blank=True,
        help_text=_(
            "Set this if the storyteller takes their consent back: saving "
            "unpublishes the story at once, in every language."
        ),
    )
    network_display = models.BooleanField(
        _("may appear beyond this site"),
        default=False,
        help_text=_(
            "Tick only if the storyteller agreed that the story may appear on "
            "network pages and in search engines."
        ),
    )

    objects = PageManager.from_queryset(StoryQuerySet)()
    base_form_class = StoryPageForm

    override_translatable_fields = [
        TranslatableField("storyteller"),
        TranslatableField("location"),
        *(
            SynchronizedField(name)
            for name in (
                "hide_surname",
                "hide_location",
                "portrait",
                "hide_face",
                *CONSENT_FIELDS,
                "consent_withdrawn_on",
                "network_display",
                *SCOPE_FIELDS,
            )
        ),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("body"),
        index.FilterField("network_display"),
        index.FilterField("consent_given_on"),
        index.FilterField("consent_withdrawn_on"),
    ]
    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("storyteller"), FieldPanel("hide_surname")]),
                FieldRowPanel([FieldPanel("location"), FieldPanel("hide_location")]),
                FieldRowPanel([FieldPanel("portrait"), FieldPanel("hide_face")]),
            ],
            _("Storyteller"),
        ),
        FieldPanel("summary"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("consent_given_on"), FieldPanel("consent_withdrawn_on")]
                ),
                FieldPanel("consent_method"),
                FieldPanel("consent_recorded_by"),
                FieldPanel("network_display"),
            ],
            _("Consent"),
        ),
        StoryConsentMixin.consent_scope_panel,
    ]
    parent_page_types = ["cms.StoryIndexPage"]
    subpage_types = []

    @property
    def has_consent(self):
        recorded = all(getattr(self, name) for name in CONSENT_FIELDS)
        return (
            recorded
            and self.consent_web
            and not self.consent_withdrawn_on
            and not self.consent_expired
        )

    @property
    def shown_name(self):
        if self.hide_surname:
            return self.storyteller.split(" ", 1)[0]
        return self.storyteller

    @property
    def shown_location(self):
        return "" if self.hide_location else self.location

    @property
    def shown_image(self):
        if self.hide_face or not self.photo_permission:
            return None
        return self.portrait or self.listing_image

    @property
    def social_image(self):
        return self.shown_image if self.consent_social else None

    def permissions_for_user(self, user):
        return StoryPermissionTester(user, self)

    def clean(self):
        super().clean()
        errors = {}
        given, withdrawn = self.consent_given_on, self.consent_withdrawn_on
        if given and withdrawn and withdrawn < given:
            errors["consent_withdrawn_on"] = _(
                "Consent cannot end before it was given."
            )
        if not self.photo_permission:
            message = _("The storyteller has not given permission for a photo.")
            for name in ("portrait", "listing_image"):
                if getattr(self, f"{name}_id"):
                    errors[name] = message
        if errors:
            raise ValidationError(errors)

    def save_revision(self, *args, **kwargs):
        before = consent_before(self)
        revision = super().save_revision(*args, **kwargs)
        log_consent_changes(
            self, before, LOGGED_CONSENT_FIELDS, revision, kwargs.get("user")
        )
        if self.consent_withdrawn_on:
            withdraw_consent(self, kwargs.get("user"))
        return revision

    def get_sitemap_urls(self, request=None):
        if not (self.network_display and self.has_consent):
            return []
        return super().get_sitemap_urls(request)


def take_down_unconsented(sender, instance, **kwargs):
    """Publishing outside the editor (approval, schedule) still needs consent."""
    if not instance.has_consent:
        UnpublishPageAction(instance).execute(skip_permission_checks=True)


def withdraw_consent(story, user=None):
    """Record the withdrawal on every translation and unpublish them all now."""
    copies = StoryPage.objects.filter(translation_key=story.translation_key)
    unrecorded = list(copies.filter(consent_withdrawn_on__isnull=True))
    copies.filter(pk__in=[copy.pk for copy in unrecorded]).update(
        consent_withdrawn_on=story.consent_withdrawn_on
    )
    for copy in unrecorded:
        if copy.pk == story.pk:
            continue  # logged with its revision
        before = StoryPage(consent_withdrawn_on=None)
        copy.consent_withdrawn_on = story.consent_withdrawn_on
        log_consent_changes(copy, before, ["consent_withdrawn_on"], user=user)
    for copy in copies.live():
        # Anyone who may edit the story may take it down: withdrawal is protective.
        UnpublishPageAction(copy, user=user).execute(skip_permission_checks=True)
    state = story.current_workflow_state
    if state:
        state.cancel(user=user)
