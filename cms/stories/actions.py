"""What the admin's actions on a story share ("Erase story", "Submit for
safeguarding review"): a confirmation page for stories only, refused with a
403 in the admin's look. Their buttons, in the page header and in the
listing's menu, are registered in cms/wagtail_hooks.py."""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Page

from cms.access.refusals import refuse
from cms.models import StoryPage


class StoryActionView(WagtailAdminTemplateMixin, TemplateView):
    refusal = None  # the 403's text

    def allowed(self, user, page):
        raise NotImplementedError

    def prepare(self):
        """What the view needs of `self.story` before it answers."""

    def dispatch(self, request, page_id):
        page = get_object_or_404(Page, pk=page_id)
        if not self.allowed(request.user, page):
            return refuse(request, self.refusal)
        if page.specific_class is not StoryPage:
            raise Http404
        self.story = page.specific
        self.prepare()
        return super().dispatch(request, page_id)
