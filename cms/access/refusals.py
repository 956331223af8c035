"""An admin page that says no: the admin's own look, a heading, the reason,
a way back, and status 403. Wagtail turns PermissionDenied into a redirect to
the dashboard; where a view must answer 403 itself, it answers with this."""

from django.template.response import TemplateResponse


def refuse(request, reason):
    return TemplateResponse(
        request, "cms/admin/refused.html", {"reason": reason}, status=403
    )
