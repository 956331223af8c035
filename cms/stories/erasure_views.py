"""The "Erase story" action of the admin: a confirmation page, then erasure."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.admin.widgets.button import Button

from cms.models import StoryPage
from cms.stories.actions import StoryActionView
from cms.stories.erasure import can_erase, erase_story


class EraseStoryView(StoryActionView):
    template_name = "cms/admin/erase_story.html"
    page_title = gettext_lazy("Erase story")
    header_icon = "bin"
    refusal = gettext_lazy("Only the moderators of this story's site may erase it.")

    def allowed(self, user, page):
        return can_erase(user, page)

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


urlpatterns = [path("<int:page_id>/erase/", EraseStoryView.as_view(), name="erase")]
