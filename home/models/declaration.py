"""The Birmingham Declaration: its principles and the organisations endorsing it."""

from django import forms
from django.db import models
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable

from cms.models import BasePage


class DeclarationPage(BasePage):
    intro = models.TextField(_("introduction"), blank=True)

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1
    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        InlinePanel("principles", label=_("Principles"), min_num=1),
    ]

    class Meta:
        verbose_name = _("declaration")

    def serve(self, request, *args, **kwargs):
        form = EndorsementForm(request.POST if request.method == "POST" else None)
        if form.is_valid():
            form.instance.declaration = self
            form.save()
            return redirect(f"{self.get_url(request)}?thanks=1#endorse")
        self.endorsement_form = form
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        endorsements = self.endorsements.filter(approved=True).order_by("organisation")
        context.update(
            endorsements=endorsements,
            endorsement_count=endorsements.count(),
            form=getattr(self, "endorsement_form", None) or EndorsementForm(),
            thanks=request.GET.get("thanks") == "1",
        )
        return context


class DeclarationPrinciple(Orderable):
    page = ParentalKey(DeclarationPage, related_name="principles")
    title = models.CharField(_("principle"), max_length=200)
    text = models.TextField(_("what it means"), blank=True)

    panels = [FieldPanel("title"), FieldPanel("text")]


class Endorsement(models.Model):
    """An organisation's endorsement; shown publicly once the national team approves."""

    declaration = models.ForeignKey(
        DeclarationPage, on_delete=models.CASCADE, related_name="endorsements"
    )
    organisation = models.CharField(_("organisation"), max_length=200)
    place = models.CharField(_("town or city"), max_length=120, blank=True)
    website = models.URLField(_("website"), blank=True)
    contact_name = models.CharField(_("your name"), max_length=120)
    contact_email = models.EmailField(
        _("your email"), help_text=_("Only the national team sees this.")
    )
    approved = models.BooleanField(_("approved"), default=False)
    submitted_at = models.DateTimeField(_("submitted"), auto_now_add=True)

    panels = [
        FieldPanel("organisation"),
        FieldPanel("place"),
        FieldPanel("website"),
        FieldPanel("contact_name"),
        FieldPanel("contact_email"),
        FieldPanel("approved"),
    ]

    class Meta:
        verbose_name = _("endorsement")
        ordering = ["-submitted_at"]

    def __str__(self):
        return self.organisation


class EndorsementForm(forms.ModelForm):
    website = forms.URLField(label=_("website"), required=False, assume_scheme="https")

    class Meta:
        model = Endorsement
        fields = ["organisation", "place", "website", "contact_name", "contact_email"]
