"""Deleting form submissions: every selected id must belong to the form, or none go.

Wagtail's view quietly drops the ids of other forms' submissions and fails on
ids that are not numbers; this one, mounted at the same address ahead of
Wagtail's, refuses such a request whole.
"""

from django.core.exceptions import BadRequest
from django.urls import path
from django.utils.translation import gettext as _

from wagtail.contrib.forms.utils import get_forms_for_user
from wagtail.contrib.forms.views import DeleteSubmissionsView

from cms.access.refusals import refuse


class WholeSelectionDeleteView(DeleteSubmissionsView):
    def selected_ids(self):
        values = self.request.GET.getlist("selected-submissions")
        if not all(value.isascii() and value.isdigit() for value in values):
            raise BadRequest(_("Submission ids are whole numbers."))
        return {int(value) for value in values}

    def get_queryset(self):
        return self.page.get_submissions().filter(id__in=self.selected_ids())

    def dispatch(self, request, *args, **kwargs):
        form = get_forms_for_user(request.user).filter(id=kwargs["page_id"]).first()
        if form is None:
            return refuse(request, _("You may not manage this form."))
        wanted = self.selected_ids()
        if form.specific.get_submissions().filter(id__in=wanted).count() != len(wanted):
            return refuse(
                request,
                _("Some selected submissions are not this form's: none was deleted."),
            )
        return super().dispatch(request, *args, **kwargs)


# Mounted ahead of Wagtail's own forms patterns (cms/wagtail_hooks.py).
urlpatterns = [
    path(
        "forms/submissions/<int:page_id>/delete/",
        WholeSelectionDeleteView.as_view(),
    )
]
