"""Search result excerpts: plain text from a page, query terms in <mark>.

Editors' text is escaped piece by piece; only our own <mark> tags are markup.
"""

import re

from django.utils.html import escape, format_html

from wagtail import blocks
from wagtail.fields import StreamField
from wagtail.search import index

MAX_QUERY_LENGTH = 200
MAX_TERMS = 10
EXCERPT_LENGTH = 240


def query_terms(query):
    """The words of a query, without any search syntax: quotes, operators, HTML."""
    return re.findall(r"\w+", (query or "")[:MAX_QUERY_LENGTH])[:MAX_TERMS]


def page_text(page):
    """The summary and body text of a specific page, as one plain string."""
    texts = []
    for field in page.get_searchable_search_fields():
        if not isinstance(field, index.SearchField) or field.field_name == "title":
            continue
        model_field = page._meta.get_field(field.field_name)
        value = getattr(page, field.field_name)
        if isinstance(model_field, StreamField):
            texts += block_text(model_field.stream_block, value)
        elif value:
            texts.append(str(value))
    return " ".join(" ".join(texts).split())


def block_text(block, value):
    if value is None or isinstance(block, blocks.ChoiceBlock):
        return []
    if isinstance(block, blocks.StreamBlock):
        return [text for item in value for text in block_text(item.block, item.value)]
    if isinstance(block, blocks.StructBlock):
        return [
            text
            for name, child in block.child_blocks.items()
            for text in block_text(child, value.get(name))
        ]
    if isinstance(block, blocks.ListBlock):
        return [text for item in value for text in block_text(block.child_block, item)]
    return block.get_searchable_content(value)


def excerpt(text, terms, length=EXCERPT_LENGTH):
    """About `length` characters of text around the first term, terms marked."""
    pattern = term_pattern(terms)
    found = pattern.search(text) if pattern else None
    start = 0
    if found and found.start() > length // 3:
        start = text.find(" ", found.start() - length // 3) + 1
    end = len(text)
    if end - start > length:
        end = text.rfind(" ", start, start + length)
        end = end if end > start else start + length
    html = escape("… " if start else "")
    position = start
    for match in pattern.finditer(text, start, end) if pattern else ():
        html += escape(text[position : match.start()])
        html += format_html("<mark>{}</mark>", match.group())
        position = match.end()
    return html + escape(text[position:end]) + escape(" …" if end < len(text) else "")


def term_pattern(terms):
    if not terms:
        return None
    words = sorted({re.escape(term) for term in terms}, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(words) + ")", re.IGNORECASE)
