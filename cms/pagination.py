"""One pagination for every listing.

`page_of` gives the page of items a request asks for (a number out of range
gives the last page, anything else the first). Public listings show it with
`templates/components/pagination.html` (`?page=`), admin listings with Wagtail's
`wagtailadmin/shared/pagination_nav.html` (`?p=`, `admin_page_of`).
"""

from django.core.paginator import Paginator

PUBLIC_PARAMETER = "page"
ADMIN_PARAMETER = "p"


def page_of(request, items, per_page, parameter=PUBLIC_PARAMETER):
    return Paginator(items, per_page).get_page(request.GET.get(parameter))


def admin_page_of(request, items, per_page):
    """The page, and the context Wagtail's pagination_nav include reads."""
    page = page_of(request, items, per_page, ADMIN_PARAMETER)
    pages = page.paginator.get_elided_page_range(page.number)
    return page, {"elided_page_range": pages}
