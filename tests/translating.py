"""Translating pages in tests through wagtail-localize's own operations."""

from wagtail.models import Locale
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)


def start_translation(page, language, user=None):
    """Submit a page for translation, as "Translate this page" does."""
    locale = Locale.objects.get(language_code=language)
    source, _created = TranslationSource.get_or_create_from_instance(page.specific)
    translation, _created = Translation.objects.update_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    translation.save_target(user=user, publish=False)
    return translation


def fill_strings(translation, strings):
    """strings: {English text: translated text}."""
    segments = StringSegment.objects.filter(source=translation.source).select_related(
        "string"
    )
    for segment in segments:
        if segment.string.data in strings:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=translation.target_locale,
                context=segment.context,
                defaults={
                    "data": strings[segment.string.data],
                    "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                },
            )


def publish_translation(page, language, strings, user=None):
    """Translate a page, fill its strings and publish it; returns the page."""
    translation = start_translation(page, language, user)
    fill_strings(translation, strings)
    translation.save_target(user=user, publish=False)
    translated = page.get_translation(translation.target_locale)
    translated.get_latest_revision().publish(user=user)
    translated.refresh_from_db()
    return translated
