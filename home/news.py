"""A site's news list: its own news and the network news chosen for it, by date."""

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.db.models import Q
from django.utils.translation import get_language

from cms.i18n.listings import below, in_language
from cms.models import NewsIndexPage
from home.models import NetworkNewsPage, SyndicationChoice


@dataclass
class NewsEntry:
    title: str
    url: str
    date: date
    summary: str
    network: bool = False
    pinned: bool = False
    page: object = None


def syndicated_in_language(site, language=None):
    """Network news chosen for `site`, each in the reader's language where the
    national site has a live translation of it (cms.i18n.listings)."""
    chosen = NetworkNewsPage.objects.syndicated_to(site)
    translations = Q(
        locale__language_code=language or get_language(),
        translation_key__in=chosen.values("translation_key"),
    )
    candidates = NetworkNewsPage.objects.live().public()
    candidates = candidates.filter(Q(pk__in=chosen.values("pk")) | translations)
    return in_language(candidates, language).newest_first()


def network_entries(site, request, language=None):
    """Network news syndicated to `site`, minus the items its moderators hid."""
    choices = {
        choice.news.translation_key: choice
        for choice in SyndicationChoice.objects.filter(site=site).select_related("news")
    }
    entries = []
    for news in syndicated_in_language(site, language):
        choice = choices.get(news.translation_key)
        if choice and choice.hidden:
            continue
        entries.append(
            NewsEntry(
                title=news.title,
                url=news.get_full_url(request),
                date=news.date,
                summary=news.summary,
                network=True,
                pinned=bool(choice and choice.pinned),
                page=news,
            )
        )
    return entries


def news_section(home, language):
    """The news section of a site home, in `language` where it is translated."""
    sections = NewsIndexPage.objects.live().filter(below(home, children_only=True))
    return in_language(sections, language).first()


def site_news(site, request, home=None, limit=None, pinned_first=False):
    """Local and network news of `site` (below `home`, a version of its home
    page) in the reader's language, newest first (pinned items on top)."""
    language = get_language() or settings.LANGUAGE_CODE
    index = news_section(home or site.root_page, language)
    local = []
    if index is not None:
        news = index.listing(language)
        local = [
            NewsEntry(
                title=news.title,
                url=news.get_url(request),
                date=news.date,
                summary=news.summary,
                network=news.specific_class is NetworkNewsPage,
                page=news,
            )
            for news in (news[:limit] if limit else news)
        ]
    entries = sorted(
        local + network_entries(site, request, language),
        key=lambda e: e.date,
        reverse=True,
    )
    if pinned_first:
        entries.sort(key=lambda e: not e.pinned)
    return entries[:limit] if limit else entries


def index_news(site, request, items, tag=""):
    """One page of the index: its local items with the network news of their dates.

    The index paginates local news; each page takes the network news dated
    between the previous page's last item and its own last item.
    """
    local = [
        NewsEntry(
            title=news.title,
            url=news.get_url(request),
            date=news.date,
            summary=news.summary,
            network=news.specific_class is NetworkNewsPage,
            page=news,
        )
        for news in items
    ]
    network = [] if tag else network_entries(site, request)
    if items.has_previous():
        newer = items.paginator.page(items.previous_page_number()).object_list
        network = [e for e in network if e.date <= list(newer)[-1].date]
    if items.has_next() and local:
        network = [e for e in network if e.date > local[-1].date]
    return sorted(local + network, key=lambda e: e.date, reverse=True)
