"""T7: payloads with a unique marker, the record of where they went, and the check.

`injected_markup(html)` lists what a payload managed to turn into markup.
"""

import json
from dataclasses import dataclass, field

from bs4 import BeautifulSoup

from django.core.exceptions import ValidationError

RAW_MARKUP = ("<script>alert(", "<img src=x onerror", "<svg onload=")


def payloads(marker):
    return {
        "script": f'<script>alert("{marker}")</script>',
        "attribute": f'"\'><img src=x onerror=alert("{marker}")>',
        "svg": f"<svg onload=alert({marker!r})>",
        "template": "{{ 7*7 }}{% debug %}",
    }


PAYLOAD_KINDS = tuple(payloads("x"))


def combined(marker):
    return marker + "".join(payloads(marker).values())


def url_payloads(marker):
    return {
        "javascript-url": f'javascript:alert("{marker}")',
        "attribute-url": f"https://example.org/{marker}\"'><svg onload=alert(1)>",
    }


@dataclass
class Entry:
    """One filled field: where, which marker, what was stored, what was refused."""

    page_type: str
    path: str
    marker: str
    stored: str = ""
    refused: list = field(default_factory=list)
    kinds: list = field(default_factory=list)
    typed: str = ""


@dataclass(repr=False)
class Corpus:
    pages: list = field(default_factory=list)
    records: list = field(default_factory=list)
    entries: list = field(default_factory=list)
    blocks: set = field(default_factory=set)
    counter: int = 0

    def marker(self):
        self.counter += 1
        return f"x{self.counter}"

    def fill(self, entry, candidates, validate, fallbacks):
        """Store the first candidate validation accepts; record the refused ones."""
        self.entries.append(entry)
        for kind, value in candidates.items():
            if valid(validate, value):
                entry.stored = value
                entry.kinds = list(PAYLOAD_KINDS) if kind == "combined" else [kind]
                return value
            entry.refused.append(kind)
        entry.stored = next((v for v in fallbacks if valid(validate, v)), None)
        return entry.stored

    def text(self, label, path, validate):
        marker = self.marker()
        candidates = {"combined": combined(marker), **payloads(marker)}
        fallbacks = [marker, f"{marker}@example.org"]
        return self.fill(Entry(label, path, marker), candidates, validate, fallbacks)

    def url(self, label, path, validate):
        marker = self.marker()
        safe = f"https://video.example.org/{marker}"
        entry = Entry(label, path, marker)
        return self.fill(entry, url_payloads(marker), validate, [safe]) or safe

    def rich_text(self, label, path, widget):
        """What the editor's widget stores for typed payloads and a script link."""
        marker = self.marker()
        text, link = combined(marker), f'javascript:alert("{marker}")'
        html = widget.value_from_datadict({"v": contentstate(text, link)}, {}, "v")
        refused = [] if link in html else ["javascript-url"]
        entry = Entry(label, path, marker, html, refused, list(PAYLOAD_KINDS), text)
        self.entries.append(entry)
        return html

    @property
    def payload_count(self):
        return sum(len(entry.refused) + len(entry.kinds) for entry in self.entries)

    def __repr__(self):
        return (
            f"<Corpus: {len(self.pages)} pages, {len(self.entries)} fields, "
            f"{len(self.blocks)} blocks, {self.payload_count} payloads>"
        )


def valid(validate, value):
    try:
        validate(value)
    except ValidationError:
        return False
    return True


def contentstate(text, url):
    """The editor's own format: a paragraph of typed text, then a link."""
    block = {
        "key": "xss01",
        "type": "unstyled",
        "depth": 0,
        "text": f"{text} link",
        "inlineStyleRanges": [],
        "entityRanges": [{"offset": len(text) + 1, "length": 4, "key": 0}],
        "data": {},
    }
    link = {"type": "LINK", "mutability": "MUTABLE", "data": {"url": url}}
    return json.dumps({"blocks": [block], "entityMap": {"0": link}})


def injected_markup(html):
    """What a payload turned into markup: raw tags, event handlers, script links."""
    text = html.decode() if isinstance(html, bytes) else html
    found = [raw for raw in RAW_MARKUP if raw in text]
    soup = BeautifulSoup(text, "html.parser")
    for tag in soup.find_all(True):
        for name, value in tag.attrs.items():
            value = " ".join(value) if isinstance(value, list) else value
            if name.startswith("on") and "alert(" in value:
                found.append(f"<{tag.name} {name}={value}>")
            if name in {"href", "src", "action"} and value.strip().lower().startswith(
                "javascript:"
            ):
                found.append(f"<{tag.name} {name}={value}>")
        if tag.name == "script" and "alert(" in tag.get_text():
            found.append(f"<script>{tag.get_text()[:80]}")
    return found
