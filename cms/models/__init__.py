from .base import BasePage, ListingMixin, SiteHomePage
from .events import EventIndexPage, EventPage
from .inspirations import InspirationIndexPage, InspirationPage
from .membership import Role, SiteRole
from .news import NewsIndexPage, NewsPage
from .pages import CharterPage, FormField, FormPage, StandardPage
from .site_settings import SiteIdentity
from .stories import StoryIndexPage, StoryPage

__all__ = [
    "BasePage",
    "CharterPage",
    "EventIndexPage",
    "EventPage",
    "FormField",
    "FormPage",
    "InspirationIndexPage",
    "InspirationPage",
    "ListingMixin",
    "NewsIndexPage",
    "NewsPage",
    "Role",
    "SiteHomePage",
    "SiteIdentity",
    "SiteRole",
    "StandardPage",
    "StoryIndexPage",
    "StoryPage",
]
