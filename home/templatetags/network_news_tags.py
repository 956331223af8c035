from django import template
from django.core.paginator import Paginator

from wagtail.models import Site

from cms.models import NewsIndexPage
from home.news import site_news

register = template.Library()
HOME_PAGE_NEWS = 5


@register.inclusion_tag("home/includes/news_list.html", takes_context=True)
def news_list(context):
    """A site's news beside its network news: all on the index, a few on the home."""
    request = context["request"]
    page = context.get("page")
    site = Site.find_for_request(request)
    if isinstance(page, NewsIndexPage):
        entries = site_news(site, request, index=page)
        items = Paginator(entries, page.per_page).get_page(request.GET.get("page"))
        return {"entries": items, "items": items, "on_home": False, "request": request}
    entries = site_news(site, request, limit=HOME_PAGE_NEWS, pinned_first=True)
    return {"entries": entries, "on_home": True}
