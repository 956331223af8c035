from django import template

from wagtail.models import Site

register = template.Library()


@register.inclusion_tag("components/main_menu.html", takes_context=True)
def main_menu(context):
    request = context["request"]
    site = Site.find_for_request(request)
    home = site.root_page.localized if site else None
    items = home.get_children().live().in_menu().specific(defer=True) if home else []
    return {"home": home, "items": items, "current": context.get("page")}
