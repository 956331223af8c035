"""The network's languages: names in their own script and writing direction."""

from django.conf import settings
from django.utils.translation import get_language_info

# Django has no entry for Tigrinya; the others are spelled as their speakers do.
LOCAL_NAMES = {
    "en": "English",
    "cy": "Cymraeg",
    "ar": "العربية",
    "fa": "فارسی",
    "uk": "Українська",
    "fr": "Français",
    "ckb": "کوردی",
    "ti": "ትግርኛ",
}


def local_name(code):
    if code in LOCAL_NAMES:
        return LOCAL_NAMES[code]
    try:
        return get_language_info(code)["name_local"]
    except KeyError:
        return code


def is_rtl(code):
    return code.split("-")[0] in settings.LANGUAGES_BIDI


def direction(code):
    return "rtl" if is_rtl(code) else "ltr"


def language_order(code):
    codes = [code for code, _name in settings.LANGUAGES]
    return codes.index(code) if code in codes else len(codes)
