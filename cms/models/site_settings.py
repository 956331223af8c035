"""Per-site settings: facts about a site, edited by its moderators."""

from django import forms
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from cms.access.media import SiteModelForm

colour_validator = RegexValidator(
    r"^#[0-9a-fA-F]{6}$", _("Use a colour code like #1d5c63.")
)


@register_setting(icon="site")
class SiteIdentity(BaseSiteSetting):
    display_name = models.CharField(
        _("site name"),
        max_length=120,
        help_text=_("The name people see at the top of every page of your site."),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Optional. A small picture shown beside your site name."),
    )
    accent_colour = models.CharField(
        _("accent colour"),
        max_length=7,
        default="#1d5c63",
        validators=[colour_validator],
        help_text=_("Colour of the header and buttons, as a code like #1d5c63."),
    )
    contact_email = models.EmailField(
        _("contact email"),
        blank=True,
        help_text=_("Where the public can write to you."),
    )
    charity_number = models.CharField(
        _("charity number"),
        max_length=20,
        blank=True,
        help_text=_("Leave empty if your group is not a registered charity."),
    )
    facebook_url = models.URLField(_("Facebook page"), blank=True)
    instagram_url = models.URLField(_("Instagram page"), blank=True)
    x_url = models.URLField(_("X (Twitter) page"), blank=True)
    languages = models.ManyToManyField(
        "wagtailcore.Locale",
        blank=True,
        related_name="+",
        verbose_name=_("languages"),
        help_text=_("The languages your site is published in, besides English."),
    )

    base_form_class = SiteModelForm
    panels = [
        FieldPanel("display_name"),
        FieldPanel("logo"),
        FieldPanel("accent_colour"),
        MultiFieldPanel(
            [
                FieldPanel("contact_email"),
                FieldPanel("charity_number"),
                FieldPanel("facebook_url"),
                FieldPanel("instagram_url"),
                FieldPanel("x_url"),
            ],
            _("Contact"),
        ),
        FieldPanel("languages", widget=forms.CheckboxSelectMultiple),
    ]

    class Meta:
        verbose_name = _("site identity")
