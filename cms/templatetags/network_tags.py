from django import template

from wagtail.models import Site

register = template.Library()


@register.inclusion_tag("components/main_menu.html", takes_context=True)
def main_menu(context):
    request = context["request"]
    site = Site.find_for_request(request)
    if site is None:
        return {"items": []}
    home = site.root_page.localized
    items = _menu_pages(site.root_page)
    if home.pk != site.root_page_id:
        # Sections not translated yet stay in the menu, in English.
        translated = {p.translation_key: p for p in _menu_pages(home)}
        items = [translated.get(item.translation_key, item) for item in items]
    return {
        "home": home,
        "items": items,
        "current": context.get("page"),
        "request": request,
    }


def _menu_pages(home):
    return list(home.get_children().live().in_menu().specific(defer=True))


@register.simple_tag(takes_context=True)
def home_url(context):
    """The site's home in the reader's language (the English home until then)."""
    request = context["request"]
    site = Site.find_for_request(request)
    if site is None:
        return "/"
    return site.root_page.localized.get_url(request)
