from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def absolute_page_url(context, page):
    """The page's address on the host the reader used: canonical and og:url."""
    request = context["request"]
    return request.build_absolute_uri(page.get_url(request))
