"""A site's news list: its own news and the network news chosen for it, by date."""

from dataclasses import dataclass
from datetime import date

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


def network_entries(site, request):
    """Network news syndicated to `site`, minus the items its moderators hid."""
    choices = {
        choice.news_id: choice for choice in SyndicationChoice.objects.filter(site=site)
    }
    entries = []
    for news in NetworkNewsPage.objects.syndicated_to(site).newest_first():
        choice = choices.get(news.pk)
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
            )
        )
    return entries


def site_news(site, request, index=None, limit=None, pinned_first=False):
    """Local and network news of `site`, newest first (pinned items on top)."""
    if index is None:
        index = NewsIndexPage.objects.child_of(site.root_page).live().first()
    local = []
    if index is not None:
        news = index.news()
        local = [
            NewsEntry(
                title=news.title,
                url=news.get_url(request),
                date=news.date,
                summary=news.summary,
                network=news.specific_class is NetworkNewsPage,
            )
            for news in (news[:limit] if limit else news)
        ]
    entries = sorted(
        local + network_entries(site, request), key=lambda e: e.date, reverse=True
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
