from .base import BasePage, IndexPage, ListingMixin, SiteHomePage
from .charter import CharterPart, CharterStatement, DeclarationPrinciple
from .events import EventIndexPage, EventPage
from .inspirations import InspirationIndexPage, InspirationPage, InspirationPageTag
from .membership import Role, SiteCollection, SiteRole
from .news import NewsIndexPage, NewsPage, NewsPageTag
from .pages import CharterPage, FormField, FormPage, StandardPage
from .resources import (
    ResourceDocument,
    ResourceIndexPage,
    ResourcePage,
    ResourcePageTag,
)
from .site_settings import SiteIdentity
from .stories import StoryIndexPage, StoryPage, withdraw_consent
from .transfer import SiteExport, WordPressImport, WordPressItem

__all__ = [
    "BasePage",
    "CharterPage",
    "CharterPart",
    "CharterStatement",
    "DeclarationPrinciple",
    "EventIndexPage",
    "EventPage",
    "FormField",
    "FormPage",
    "IndexPage",
    "InspirationIndexPage",
    "InspirationPage",
    "InspirationPageTag",
    "ListingMixin",
    "NewsIndexPage",
    "NewsPage",
    "NewsPageTag",
    "ResourceDocument",
    "ResourceIndexPage",
    "ResourcePage",
    "ResourcePageTag",
    "Role",
    "SiteCollection",
    "SiteHomePage",
    "SiteIdentity",
    "SiteRole",
    "StandardPage",
    "StoryIndexPage",
    "StoryPage",
    "SiteExport",
    "WordPressImport",
    "WordPressItem",
    "withdraw_consent",
]
from .erasure import ErasureRecord  # noqa: F401
