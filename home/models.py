from cms.models import SiteHomePage


class HomePage(SiteHomePage):
    """The national site's home page."""

    max_count = 1
    template = "home/home_page.html"
