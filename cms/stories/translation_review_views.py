"""The "Submit for safeguarding review" action of translated stories: a
confirmation page, linked from the translation editor and the page's menus."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.admin.widgets.button import Button

from cms.models import StoryPage
from cms.stories.actions import StoryActionView
from cms.stories.translation_review import (
    can_submit_translation,
    story_translation,
    submission_problem,
    submit_translation,
)


class SubmitTranslationView(StoryActionView):
    template_name = "cms/admin/submit_translation.html"
    page_title = gettext_lazy("Submit for safeguarding review")
    header_icon = "tasks"
    refusal = gettext_lazy(
        "Only this site's team and its translators into this language may."
    )

    def allowed(self, user, page):
        return can_submit_translation(user, page)

    def prepare(self):
        self.translation = story_translation(self.story)
        if self.translation is None:
            raise Http404
        self.problem = submission_problem(
            self.story, self.translation, self.request.user
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        state = self.story.current_workflow_state
        context.update(
            story=self.story,
            language=self.translation.target_locale.get_display_name(),
            problem=self.problem,
            in_review=state is not None,
        )
        return context

    def post(self, request, page_id):
        if self.problem is None:
            try:
                submit_translation(self.story, self.translation, request.user)
            except ValidationError as error:
                self.problem = " ".join(error.messages)
            else:
                messages.success(
                    request,
                    _("The %(language)s translation was sent for safeguarding review.")
                    % {"language": self.translation.target_locale.get_display_name()},
                )
                return redirect("wagtailadmin_pages:edit", self.story.pk)
        return self.render_to_response(self.get_context_data(), status=400)


def submit_button(page, user, priority):
    if page.specific_class is not StoryPage:
        return []
    if page.locale.language_code == settings.LANGUAGE_CODE:
        return []
    if not can_submit_translation(user, page) or story_translation(page) is None:
        return []
    return [
        Button(
            _("Submit for safeguarding review"),
            reverse("cms_story_review:submit", args=[page.pk]),
            icon_name="tasks",
            priority=priority,
        )
    ]


urlpatterns = [
    path(
        "<int:page_id>/submit-translation/",
        SubmitTranslationView.as_view(),
        name="submit",
    )
]
