"""Demo translations: Wales in Welsh, Sheffield in Arabic, made with
wagtail-localize the way a translator's work is saved and published."""

from wagtail.models import Locale, Site
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

# {hostname: {language: {page slug ("" for the home): {English: translated}}}}
PAGES = {
    "wales.localhost": {
        "cy": {
            "": {
                "Wales Nation of Sanctuary": "Cymru, Cenedl Noddfa",
                "wales-localhost": "cymru",
                "Wales is working to become a Nation of Sanctuary, in Welsh and "
                "English.": "Mae Cymru'n gweithio i fod yn Genedl Noddfa, yn "
                "Gymraeg ac yn Saesneg.",
            },
            "about": {
                "About us": "Amdanom ni",
                "about": "amdanom-ni",
                "Wales works as a Nation of Sanctuary, in Welsh and English.": (
                    "Mae Cymru'n gweithio fel Cenedl Noddfa, yn Gymraeg ac yn Saesneg."
                ),
                "Croeso: welcome.": "Croeso: mae croeso i bawb.",
            },
            "charter": {"Our charter": "Ein siarter", "charter": "siarter"},
            "news": {"News": "Newyddion", "news": "newyddion"},
            "events": {"Events": "Digwyddiadau", "events": "digwyddiadau"},
            "get-involved": {"Get involved": "Cymryd rhan", "get-involved": "ymuno"},
        },
    },
    "sheffield.localhost": {
        "ar": {
            "": {
                "Sheffield": "شيفيلد",
                "The first City of Sanctuary: since 2005 Sheffield people have "
                "been making their city a place of welcome.": "أول مدينة ملاذ: "
                "منذ عام 2005 يعمل أهل شيفيلد على جعل مدينتهم مكانًا للترحيب.",
            },
            "about": {"About us": "من نحن"},
            "news": {"News": "الأخبار"},
        },
    },
}


def seed():
    """Translate and publish the demo pages; pages already translated are kept."""
    made = 0
    for hostname, languages in PAGES.items():
        site = Site.objects.filter(hostname=hostname).first()
        if site is None:
            continue
        for language, pages in languages.items():
            locale = Locale.objects.get(language_code=language)
            for slug, strings in pages.items():
                page = site.root_page
                if slug:
                    page = page.get_children().get(slug=slug)
                made += translate(page.specific, locale, strings)
    return made


def translate(page, locale, strings):
    """Give a page these translated strings and publish it; 0 if already done."""
    existing = page.get_translation_or_none(locale)
    if (
        existing is not None
        and existing.live
        and existing.title == strings.get(page.title)
    ):
        return 0
    source, _created = TranslationSource.get_or_create_from_instance(page)
    translation, _created = Translation.objects.update_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    for segment in StringSegment.objects.filter(source=source).select_related("string"):
        if segment.string.data in strings:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={
                    "data": strings[segment.string.data],
                    "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                },
            )
    translation.save_target(publish=False)
    page.get_translation(locale).get_latest_revision().publish()
    return 1
