from django import template

from wagtail.models import Site

from cms.models import NewsIndexPage
from home.news import index_news, site_news

register = template.Library()
HOME_PAGE_NEWS = 5


@register.inclusion_tag("home/includes/news_list.html", takes_context=True)
def news_list(context):
    """A site's news beside its network news: all on the index, a few on the home."""
    request = context["request"]
    page = context.get("page")
    site = Site.find_for_request(request)
    if isinstance(page, NewsIndexPage):
        entries = index_news(site, request, context["items"], context["current_tag"])
    else:
        entries = site_news(
            site, request, home=page, limit=HOME_PAGE_NEWS, pinned_first=True
        )
    return {
        "entries": entries,
        "on_home": not isinstance(page, NewsIndexPage),
        "request": request,
    }
