from django import template
from django.conf import settings
from django.utils.html import format_html
from django.utils.translation import get_language, gettext, gettext_noop, override

from wagtail.models import Page

from cms.cache.sites import site_data
from cms.i18n.languages import direction
from cms.i18n.public import language_versions, translation_progress

register = template.Library()
UNTRANSLATED = gettext_noop("This page has not been translated into %(language)s yet.")
PARTLY_TRANSLATED = gettext_noop(
    "Parts of this page have not been translated into %(language)s yet."
)


def _versions(context):
    request = context.get("request")
    if request is None:
        return []
    if not hasattr(request, "_language_versions"):
        site = site_data(request).site
        page = context.get("page")
        page = page if isinstance(page, Page) else None
        request._language_versions = (
            language_versions(request, site, page) if site else []
        )
    return request._language_versions


@register.inclusion_tag("components/language_switcher.html", takes_context=True)
def language_switcher(context):
    versions = _versions(context)
    request = context["request"]
    links = [(version, version.page.get_url(request)) for version in versions]
    return {"links": links if len(links) > 1 else []}


@register.inclusion_tag("components/language_alternates.html", takes_context=True)
def language_alternates(context):
    page = context.get("page")
    versions = _versions(context) if isinstance(page, Page) else []
    request = context["request"]
    links = [(v.code, v.page.get_full_url(request)) for v in versions if v.translated]
    default = [url for code, url in links if code == settings.LANGUAGE_CODE]
    return {"links": links if len(links) > 1 else [], "default": default[:1]}


@register.simple_tag(takes_context=True)
def page_translation(context, page):
    """How much of a translated page is really in its language, for the notice.
    A page still all in English marks the language of the content around its
    items (see lang_attrs)."""
    notice = _notice(context["request"], page)
    context["request"].content_language = (
        settings.LANGUAGE_CODE if notice and notice["untranslated"] else None
    )
    return notice


def _notice(request, page):
    if not isinstance(page, Page):
        return None
    data = site_data(request)
    progress = translation_progress(page, data.locale(settings.LANGUAGE_CODE))
    if progress is None or progress[0] == progress[1]:
        return None
    done, total = progress
    message = UNTRANSLATED if done == 0 else PARTLY_TRANSLATED
    text = gettext(message)
    lang = get_language() if text != message else settings.LANGUAGE_CODE
    locale = {lo.pk: lo for lo in data.locales.values()}.get(page.locale_id)
    with override(lang):
        language = str((locale or page.locale).get_display_name())
    return {
        "untranslated": done == 0,
        "text": text % {"language": language},
        "lang": lang,
        "done": done,
        "total": total,
    }


@register.simple_tag(takes_context=True)
def lang_attrs(context, page):
    """` lang=".." dir=".."` on an item in another language than the content
    around it (an English item on a translated page, a translated item on a page
    still in English), so that it is read in its own voice."""
    request = context.get("request")
    if request is None or not hasattr(page, "locale_id"):
        return ""
    if get_language() == settings.LANGUAGE_CODE:
        return ""  # English pages list English items only (cms.i18n.listings)
    around = getattr(request, "content_language", None) or get_language()
    codes = {locale.pk: code for code, locale in site_data(request).locales.items()}
    code = codes.get(page.locale_id)
    if code is None or code == around:
        return ""
    return format_html(' lang="{}" dir="{}"', code, direction(code))
