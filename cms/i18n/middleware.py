"""Language prefixes per site: a site answers only in the languages it enabled,
an English address under a language prefix leads to the page's translation, and
an untranslated page answers 404 with a link to the English page."""

from django.conf import settings
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.translation import get_language_from_path

from wagtail.models import Locale

from cms.cache.sites import site_data

from .public import source_page_for_path


class SiteLanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        code = get_language_from_path(request.path_info)
        data = site_data(request) if code else None
        site = data and data.site
        if site is None or code == settings.LANGUAGE_CODE:
            return self.get_response(request)
        locale = data.locales.get(code) if code in data.languages else None
        if locale is None:
            raise Http404
        response = self.get_response(request)
        if response.status_code != 404:
            return response
        return self.not_translated(request, site, locale) or response

    def not_translated(self, request, site, locale):
        slugs = [s for s in request.path_info.split("/")[2:] if s]
        source = source_page_for_path(site, locale, slugs)
        if source is None:
            return None
        translation = source.get_translation_or_none(locale)
        if translation is not None and translation.live:
            return HttpResponseRedirect(translation.get_url(request))
        home = site.root_page.get_translation(locale)
        context = {
            "source_page": source,
            "home": home,
            "language_name": locale.get_display_name(),
            "source_language": Locale.get_default(),
        }
        response = TemplateResponse(
            request, "cms/page_not_translated.html", context, status=404
        )
        return response.render()
