"""The "Erase story" action of the admin: a confirmation page, then erasure."""

from django.contrib import messages
from django.http import Http404, HttpResponseForbidden
from django.shortcuts import get_object_or_404, redirect
from django.urls import include, path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from wagtail import hooks
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import Button
from wagtail.models import Page

from cms.erasure import can_erase, erase_story
from cms.models import StoryPage


class EraseStoryView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "cms/admin/erase_story.html"
    page_title = gettext_lazy("Erase story")
    header_icon = "bin"

    def dispatch(self, request, page_id):
        page = get_object_or_404(Page, pk=page_id)
        if not can_erase(request.user, page):
            # A plain 403: Wagtail would turn PermissionDenied into a redirect.
            return HttpResponseForbidden(
                _("Only the moderators of this story's site may erase it.")
            )
        self.story = page.specific
        if not isinstance(self.story, StoryPage):
            raise Http404
        return super().dispatch(request, page_id)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["story"] = self.story
        context["languages"] = StoryPage.objects.filter(
            translation_key=self.story.translation_key
        ).count()
        return context

    def post(self, request, page_id):
        index_id = self.story.get_parent().pk
        erase_story(self.story, by=request.user)
        # The message names no title: it is kept in the session.
        messages.success(request, _("The story was erased, with every copy of it."))
        return redirect("wagtailadmin_explore", index_id)


def erase_button(page, user, priority):
    if page.specific_class is not StoryPage or not can_erase(user, page):
        return []
    return [
        Button(
            _("Erase story"),
            reverse("cms_erasure:erase", args=[page.pk]),
            icon_name="bin",
            priority=priority,
        )
    ]


@hooks.register("register_admin_urls")
def erasure_urls():
    urls = [path("<int:page_id>/erase/", EraseStoryView.as_view(), name="erase")]
    return [path("stories/", include((urls, "cms_erasure")))]


@hooks.register("register_page_header_buttons")
def erase_in_page_header(page, user, view_name, next_url=None):
    return erase_button(page, user, priority=55)


@hooks.register("register_page_listing_more_buttons")
def erase_in_page_listing(page, user, next_url=None):
    return erase_button(page, user, priority=35)
