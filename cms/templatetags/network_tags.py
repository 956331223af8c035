from django import template

from cms.cache.sites import site_data

register = template.Library()


@register.inclusion_tag("components/main_menu.html", takes_context=True)
def main_menu(context):
    """The site's sections, from the site bundle: no query per request."""
    request = context["request"]
    data = site_data(request)
    home = data.home()
    if home is None:
        return {"items": []}
    return {
        "home": home,
        "items": data.menu(),
        "current": context.get("page"),
        "request": request,
    }


@register.simple_tag(takes_context=True)
def home_url(context):
    """The site's home in the reader's language (the English home until then)."""
    request = context["request"]
    home = site_data(request).home()
    return home.get_url(request) if home is not None else "/"
