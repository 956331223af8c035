"""Network admins import a WordPress subsite into a site, and follow the run.

Only network admins (superusers): an import writes pages, media and redirects
across a whole site and reads files no site role may upload.
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Site

from cms.models import WordPressImport

from .forms import ImportForm
from .report import Report
from .tasks import import_wordpress, progress_of


class NetworkAdminOnly:
    def dispatch(self, request, site_id, **kwargs):
        if not request.user.is_superuser:
            raise PermissionDenied
        self.site = get_object_or_404(Site, pk=site_id)
        return super().dispatch(request, site_id, **kwargs)


class ImportView(NetworkAdminOnly, WagtailAdminTemplateMixin, FormView):
    template_name = "cms/admin/wordpress_import.html"
    form_class = ImportForm
    header_icon = "download"

    def get_page_title(self):
        return _("Import from WordPress into %(site)s") % {"site": self.site.site_name}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["site"] = self.site
        context["runs"] = self.site.wordpress_imports.select_related("requested_by")[
            :20
        ]
        return context

    def form_valid(self, form):
        export_name, uploads_name = form.store()
        record = WordPressImport.objects.create(
            site=self.site,
            requested_by=self.request.user,
            dry_run=form.cleaned_data["dry_run"],
            export_file=export_name,
            uploads_file=uploads_name,
        )
        import_wordpress.enqueue(record.pk, form.cleaned_data["mapping"])
        return redirect("wordpress_import:run", self.site.pk, record.pk)

    def form_invalid(self, form):
        response = super().form_invalid(form)
        response.status_code = 400
        return response


class RunView(NetworkAdminOnly, WagtailAdminTemplateMixin, TemplateView):
    template_name = "cms/admin/wordpress_run.html"
    header_icon = "download"

    def get_page_title(self):
        return _("WordPress import into %(site)s") % {"site": self.site.site_name}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        record = get_object_or_404(
            WordPressImport, pk=self.kwargs["run_id"], site=self.site
        )
        context["site"] = self.site
        context["run"] = record
        context["percent"], context["stage"] = progress_of(record)
        context["report"] = Report.from_dict(record.report) if record.report else None
        return context


urlpatterns = [
    path("", ImportView.as_view(), name="start"),
    path("<int:run_id>/", RunView.as_view(), name="run"),
]
