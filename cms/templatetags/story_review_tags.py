from django import template
from django.urls import reverse

from cms.models import StoryPage
from cms.stories.translation_review import can_submit_translation

register = template.Library()


@register.inclusion_tag("cms/admin/includes/story_review_link.html", takes_context=True)
def story_review_link(context, page):
    """In the translation editor: the way to send a translated story for review."""
    user = context["request"].user
    if not isinstance(page, StoryPage) or not can_submit_translation(user, page):
        return {"url": None}
    return {"url": reverse("cms_story_review:submit", args=[page.pk])}
