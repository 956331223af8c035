"""Counting English interface words on a page in another language.

An interface word is any English text of the project's catalogues (the msgids of
`locale/`, placeholders matching anything). A page's words are its visible text
nodes and the texts it gives assistive technology (aria-label, alt, title,
placeholder, button values), except inside an element marked `lang="en"`: that
is English content shown on purpose, not untranslated interface.
"""

import re
from pathlib import Path

import polib

CATALOGUE = Path(__file__).resolve().parents[2] / "locale/fr/LC_MESSAGES/django.po"
PAGE_WORDS = """() => {
  const words = [];
  const english = (el) => {
    const marked = el && el.closest("[lang]");
    return marked && marked.getAttribute("lang").startsWith("en")
      && marked !== document.documentElement;
  };
  const visible = (el) => el && el.getClientRects().length > 0
    && getComputedStyle(el).visibility !== "hidden";
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode, el = node.parentElement;
    const text = node.textContent.replace(/\\s+/g, " ").trim();
    if (!text || ["SCRIPT", "STYLE"].includes(el.tagName)) continue;
    if (!english(el) && (visible(el) || el.closest(".skip-link")))
      words.push(text);
  }
  for (const el of document.querySelectorAll(
      "[aria-label], [alt], [title], [placeholder], input[type=submit][value]")) {
    if (english(el)) continue;
    for (const name of ["aria-label", "alt", "title", "placeholder"])
      if (el.getAttribute(name)) words.push(el.getAttribute(name).trim());
    if (el.type === "submit" && el.value) words.push(el.value.trim());
  }
  return words;
}"""


def interface_patterns(catalogue=CATALOGUE):
    """One full-text pattern per English interface string."""
    patterns = []
    for entry in polib.pofile(catalogue):
        for english in filter(None, [entry.msgid, entry.msgid_plural]):
            parts = re.split(r"%\(\w+\)[sd]|%[sd]", english.strip())
            if not any(re.search(r"[A-Za-z]{2}", part) for part in parts):
                continue  # placeholders and punctuation only: nothing English
            # A placeholder stands for a few words, not for a sentence.
            body = r"[^\s.]+(?: [^\s.]+){0,3}".join(re.escape(part) for part in parts)
            patterns.append((english, re.compile(rf"{body}", re.IGNORECASE)))
    return patterns


def english_interface_words(page, patterns):
    """The interface strings the page shows in English, each found once."""
    words = page.evaluate(PAGE_WORDS)
    found = set()
    for english, pattern in patterns:
        if any(pattern.fullmatch(word) for word in words):
            found.add(english)
    return sorted(found)
