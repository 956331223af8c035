"""/search/: a site's own pages, or the whole network on the national site."""

from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from wagtail.models import Page, Site

from cms.pagination import page_of
from home.models import HomePage

from .excerpts import excerpt, page_text, query_terms
from .forms import NetworkSearchForm, SearchForm
from .models import SitePromotion
from .visibility import active_locale, network_pages, site_pages

RESULTS_PER_PAGE = 10


@require_GET
def search(request):
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    national = site.root_page.specific_class is HomePage
    data = request.GET.copy()
    if national:
        data.setdefault("language", get_language())
    form = (NetworkSearchForm if national else SearchForm)(data)
    terms = query_terms(form.cleaned_data["q"]) if form.is_valid() else []
    context = {"form": form, "national": national, "query": " ".join(terms)}
    if terms:
        own_pages = site_pages(site, active_locale(get_language()))
        pages = network_filtered(form) if national else own_pages
        results = pages.specific().search(" ".join(terms), operator="and")
        page_obj = page_of(request, results, RESULTS_PER_PAGE)
        context.update(
            page_obj=page_obj,
            results=describe(request, page_obj, terms, national),
            promotions=promotions(site, terms, page_obj, own_pages),
        )
    return TemplateResponse(request, "search/search.html", context)


def network_filtered(form):
    data = form.cleaned_data
    language = data["language"]
    locale = active_locale(language) if language else None
    if language and locale is None:
        return Page.objects.none()
    return network_pages(
        sites=Site.objects.filter(pk=data["site"].pk) if data["site"] else None,
        kind=data["kind"],
        locale=locale,
        page_type=data["page_type"],
    )


def describe(request, page_obj, terms, national):
    """What each result shows: link, type, date, excerpt and (nationally) site."""
    results = []
    for page in page_obj:
        site_id = (page.get_url_parts(request) or (None,))[0]
        results.append(
            {
                "page": page,
                "url": page.get_url(request),
                "site_id": site_id,
                "type": page.specific_class._meta.verbose_name,
                "date": getattr(page, "date", None)
                or getattr(page, "start", None)
                or page.first_published_at,
                "excerpt": excerpt(page_text(page), terms),
            }
        )
    if national:
        names = dict(
            Site.objects.filter(
                pk__in={result["site_id"] for result in results}
            ).values_list("pk", "site_name")
        )
        for result in results:
            result["site_name"] = names.get(result["site_id"], "")
    return results


def promotions(site, terms, page_obj, own_pages):
    """The site's own promoted pages for this query, above the first results."""
    if page_obj.number != 1:
        return []
    return list(
        SitePromotion.objects.for_query(site, " ".join(terms))
        .filter(page__in=own_pages)
        .select_related("page")
    )
