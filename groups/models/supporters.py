"""Supporting organisations: local organisations that pledge their welcome."""

from django import forms
from django.db import models
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Site
from wagtail.search import index

from cms.models import BasePage


class PledgeStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for approval")
    APPROVED = "approved", _("Approved")
    DECLINED = "declined", _("Declined")


class SupporterQuerySet(models.QuerySet):
    def on_site(self, site):
        return self.filter(site=site)

    def approved(self):
        return self.filter(status=PledgeStatus.APPROVED)

    def listed(self):
        """Approved supporters that agreed to appear in public lists."""
        return self.approved().filter(listed=True)


class SupportingOrganisation(index.Indexed, models.Model):
    """One pledge, recorded once: counted by its group and by the network."""

    site = models.ForeignKey(
        Site,
        verbose_name=_("group site"),
        on_delete=models.CASCADE,
        related_name="supporters",
    )
    name = models.CharField(_("organisation"), max_length=200)
    place = models.CharField(_("town or area"), max_length=120, blank=True)
    website = models.URLField(_("website"), blank=True)
    pledge = models.TextField(
        _("how you welcome people"),
        blank=True,
        max_length=1000,
        help_text=_("What your organisation does, or will do, to welcome people."),
    )
    contact_name = models.CharField(_("contact person"), max_length=120)
    contact_email = models.EmailField(_("contact email"))
    listed = models.BooleanField(
        _("list us publicly"),
        default=True,
        help_text=_("Show the organisation's name on the group's supporters page."),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=PledgeStatus.choices,
        default=PledgeStatus.PENDING,
    )
    pledged_at = models.DateTimeField(_("pledged at"), default=timezone.now)

    objects = SupporterQuerySet.as_manager()

    search_fields = [index.SearchField("name"), index.FilterField("site")]
    panels = [
        FieldPanel("site"),
        FieldRowPanel([FieldPanel("name"), FieldPanel("place")]),
        FieldPanel("website"),
        FieldPanel("pledge"),
        MultiFieldPanel(
            [FieldPanel("contact_name"), FieldPanel("contact_email")],
            _("Contact (never shown in public)"),
        ),
        FieldRowPanel([FieldPanel("listed"), FieldPanel("status")]),
    ]

    class Meta:
        verbose_name = _("supporting organisation")
        verbose_name_plural = _("supporting organisations")
        ordering = ["name", "pk"]

    def __str__(self):
        return self.name


class PledgeForm(forms.ModelForm):
    """The public pledge form: it never lets the public choose site or status."""

    website = forms.URLField(
        label=_("website"), required=False, max_length=200, assume_scheme="https"
    )

    class Meta:
        model = SupportingOrganisation
        fields = [
            "name",
            "place",
            "website",
            "pledge",
            "contact_name",
            "contact_email",
            "listed",
        ]
        help_texts = {"contact_email": _("Only the group's coordinators see this.")}

    def __init__(self, *args, site, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.site = site


class SupportersPage(BasePage):
    """Lists the group's supporting organisations and takes new pledges."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "link"])
    thank_you_text = models.TextField(
        _("thank-you message"),
        blank=True,
        default=_("Thank you! We will add you to the list once we have checked it."),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        FieldPanel("thank_you_text"),
    ]
    parent_page_types = ["groups.GroupHomePage"]
    subpage_types = []
    max_count_per_parent = 1

    def supporters(self, site):
        return SupportingOrganisation.objects.on_site(site).listed()

    def serve(self, request, *args, **kwargs):
        site = self.get_site()
        form = PledgeForm(request.POST or None, site=site)
        if request.method == "POST" and form.is_valid():
            form.save()
            return redirect(self.get_url(request) + "?pledged=1")
        context = self.get_context(request, *args, **kwargs)
        context["form"] = form
        context["pledged"] = "pledged" in request.GET
        context["supporters"] = self.supporters(site)
        return TemplateResponse(request, self.get_template(request), context)
