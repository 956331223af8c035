"""wagtail-localize sources of the site's pages: which page is translated into
which language, and the translated strings, so translators carry on where they
were. The source content itself is rebuilt from the imported page."""

from wagtail_localize.models import (
    String,
    StringTranslation,
    TranslationContext,
    TranslationSource,
)

from cms.models import StoryPage

from .privacy import STORY_CONSENT

STORY_PRIVATE = {"storyteller", "location", *STORY_CONSENT}


def translation_rows(pages, personal):
    keys = {page.translation_key: page for page in pages}
    sources = TranslationSource.objects.filter(object_id__in=keys).select_related(
        "locale"
    )
    strings = (
        StringTranslation.objects.filter(context__object_id__in=keys)
        .select_related("translation_of", "context", "locale")
        .order_by("pk")
    )
    by_key = {}
    for string in strings:
        page = keys[string.context.object_id]
        field = string.context.path.split(".")[0]
        if isinstance(page, StoryPage) and field in STORY_PRIVATE and not personal:
            continue
        by_key.setdefault(string.context.object_id, []).append(
            {
                "locale": string.locale.language_code,
                "context": string.context.path,
                "source": string.translation_of.data,
                "translation": string.data,
                "type": string.translation_type,
            }
        )
    rows = []
    for source in sources:
        rows.append(
            {
                "translation_key": source.object_id,
                "locale": source.locale.language_code,
                "translations": [
                    {"locale": t.target_locale.language_code, "enabled": t.enabled}
                    for t in source.translations.select_related("target_locale")
                ],
                "strings": by_key.get(source.object_id, []),
            }
        )
    return rows


def import_translations(rows, keys, locales):
    """keys: bundle translation key -> new key; locales: code -> Locale."""
    from wagtail.models import Page

    count = 0
    for row in rows:
        key, locale = keys.get(row["translation_key"]), locales[row["locale"]]
        page = Page.objects.filter(translation_key=key, locale=locale).first()
        if page is None:
            continue
        source, _created = TranslationSource.update_or_create_from_instance(
            page.specific
        )
        for target in row["translations"]:
            source.translations.update_or_create(
                target_locale=locales[target["locale"]],
                defaults={"enabled": target["enabled"]},
            )
        for string in row["strings"]:
            count += _import_string(source, string, locales)
    return count


def _import_string(source, string, locales):
    context = TranslationContext.objects.filter(
        object_id=source.object_id, path=string["context"]
    ).first()
    original = String.objects.filter(
        locale=source.locale, data_hash=String._get_data_hash(string["source"])
    ).first()
    if context is None or original is None:
        return 0
    StringTranslation.objects.update_or_create(
        translation_of=original,
        locale=locales[string["locale"]],
        context=context,
        defaults={"data": string["translation"], "translation_type": string["type"]},
    )
    return 1
