"""A site's moderators and network admins download the site as a bundle.

The bundle is made in the background; the page lists the site's exports and
offers each one's download when ready. Only network admins may include personal
data, and only they see or download such an export.
"""

from django import forms
from django.core.exceptions import PermissionDenied
from django.core.files.storage import storages
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import FormView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Site

from cms.access.roles import is_site_moderator, moderated_sites
from cms.access.sites import current_site
from cms.models import SiteExport

from .tasks import export_in_background, forget_old_exports


class ExportForm(forms.Form):
    include_personal_data = forms.BooleanField(
        required=False,
        label=gettext_lazy("Include personal data"),
        help_text=gettext_lazy(
            "Consent records, contacts, form submissions, the audit trail and "
            "members. The export is recorded in the site's audit trail."
        ),
    )


class SiteModeratorsOnly:
    def dispatch(self, request, site_id, **kwargs):
        self.site = get_object_or_404(Site, pk=site_id)
        if not is_site_moderator(request.user, self.site):
            raise PermissionDenied
        return super().dispatch(request, site_id, **kwargs)

    def exports(self):
        exports = SiteExport.objects.filter(site=self.site)
        if not self.request.user.is_superuser:
            exports = exports.filter(personal_data=False)
        return exports


class ExportView(SiteModeratorsOnly, WagtailAdminTemplateMixin, FormView):
    template_name = "cms/admin/site_export.html"
    form_class = ExportForm
    header_icon = "download"

    def get_page_title(self):
        return _("Export %(site)s") % {"site": self.site.site_name}

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        if not self.request.user.is_superuser:
            del form.fields["include_personal_data"]
        return form

    def post(self, request, *args, **kwargs):
        if "include_personal_data" in request.POST and not request.user.is_superuser:
            raise PermissionDenied
        return super().post(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        exports = list(self.exports().select_related("requested_by")[:20])
        context.update(
            site=self.site,
            exports=exports,
            waiting=any(not export.finished for export in exports),
        )
        return context

    def form_valid(self, form):
        forget_old_exports(self.site)
        record = SiteExport.objects.create(
            site=self.site,
            requested_by=self.request.user,
            personal_data=form.cleaned_data.get("include_personal_data", False),
        )
        export_in_background.enqueue(record.pk)
        return redirect("site_export:start", self.site.pk)


class DownloadView(SiteModeratorsOnly, View):
    def get(self, request, site_id, export_id):
        record = get_object_or_404(self.exports(), pk=export_id)
        if record.status != SiteExport.Status.DONE or not record.file:
            raise Http404
        name = f"{self.site.hostname}-{record.created_at:%Y-%m-%d}.zip"
        return FileResponse(
            storages["exports"].open(record.file, "rb"),
            as_attachment=True,
            filename=name,
            content_type="application/zip",
        )


def current_site_export(request):
    """The menu's entry: the export page of the site being worked on."""
    site = current_site(request)
    if site is None or not is_site_moderator(request.user, site):
        site = moderated_sites(request.user).order_by("site_name").first()
    if site is None:
        raise PermissionDenied
    return redirect("site_export:start", site.pk)


urlpatterns = [
    path("", ExportView.as_view(), name="start"),
    path("<int:export_id>/download/", DownloadView.as_view(), name="download"),
]
