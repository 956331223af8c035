"""Every interface word of the project's templates and Python has a translation in
every language a site can enable, and the compiled catalogues match their sources."""

import ast
import re
from pathlib import Path

import polib
import pytest

from django.conf import settings
from django.utils.translation.template import templatize

ROOT = Path(settings.BASE_DIR)
PACKAGES = ("cms", "home", "groups", "streams", "search")
LANGUAGES = [
    code
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES
    if code != settings.LANGUAGE_CODE
]
GETTEXT = {
    "_": (None, 0, None),
    "gettext": (None, 0, None),
    "gettext_lazy": (None, 0, None),
    "gettext_noop": (None, 0, None),
    "ngettext": (None, 0, 1),
    "ngettext_lazy": (None, 0, 1),
    "pgettext": (0, 1, None),
    "pgettext_lazy": (0, 1, None),
    "npgettext": (0, 1, 2),
    "npgettext_lazy": (0, 1, 2),
}
CALL = re.compile(
    r"\b(n?p?gettext)\((u'(?:[^'\\]|\\.)*'(?:\s*,\s*u'(?:[^'\\]|\\.)*')*)"
)
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]")


def template_strings():
    """(context, msgid) of every {% translate %} and {% blocktranslate %}."""
    found = set()
    for path in (ROOT / "templates").rglob("*.html"):
        for name, arguments in CALL.findall(templatize(path.read_text())):
            values = ast.literal_eval(f"({arguments},)")
            context = values[0] if name.startswith(("pgettext", "npgettext")) else None
            found.add((context, values[1] if context is not None else values[0]))
    return found


def python_strings():
    """(context, msgid) of every gettext call with literal text in our packages."""
    found = set()
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            for node in ast.walk(ast.parse(path.read_text())):
                if not isinstance(node, ast.Call):
                    continue
                name = getattr(node.func, "id", getattr(node.func, "attr", None))
                if name not in GETTEXT:
                    continue
                context_at, message_at, _plural_at = GETTEXT[name]
                literals = [
                    arg.value if isinstance(arg, ast.Constant) else None
                    for arg in node.args
                ]
                if len(literals) <= message_at or not isinstance(
                    literals[message_at], str
                ):
                    continue
                context = literals[context_at] if context_at is not None else None
                found.add((context, literals[message_at]))
    return found


def catalogue(language):
    return polib.pofile(ROOT / "locale" / language / "LC_MESSAGES" / "django.po")


@pytest.fixture(scope="module")
def interface_strings():
    strings = template_strings() | python_strings()
    assert (None, "Skip to main content") in strings
    assert (None, "No events coming up. Please check again soon.") in strings
    assert len(strings) > 400
    return strings


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_interface_string_is_translated(interface_strings, language):
    translated = {
        (entry.msgctxt, entry.msgid): entry
        for entry in catalogue(language)
        if entry.translated() and "fuzzy" not in entry.flags
    }
    missing = sorted(
        msgid for key, msgid in interface_strings if (key, msgid) not in translated
    )
    assert not missing, f"{language}: {len(missing)} untranslated: {missing[:10]}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_the_placeholders_and_the_compiled_file_matches(language):
    source = catalogue(language)
    for entry in source.translated_entries():
        allowed = set(PLACEHOLDER.findall(entry.msgid + (entry.msgid_plural or "")))
        texts = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
        for text in texts:
            assert set(PLACEHOLDER.findall(text)) <= allowed, (language, entry.msgid)
    compiled = polib.mofile(ROOT / "locale" / language / "LC_MESSAGES" / "django.mo")

    def pairs(entries):
        return {
            (e.msgctxt, e.msgid): e.msgstr or dict(e.msgstr_plural) for e in entries
        }

    assert pairs(compiled) == pairs(source.translated_entries())
