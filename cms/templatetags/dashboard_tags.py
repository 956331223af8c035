from django import template

from cms.access.sites import current_site, is_national_team

register = template.Library()


@register.simple_tag(takes_context=True)
def dashboard_heading(context, network_name):
    """The dashboard's heading: the member's site, or the network for the
    national team."""
    request = context["request"]
    site = current_site(request)
    if site is None or is_national_team(request.user):
        return network_name
    return site.site_name
