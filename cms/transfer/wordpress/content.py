"""Post HTML into the raw data of our BodyBlock (cms/blocks.py), never raw HTML.

Paragraphs and lists become rich text (bold, italic, links, lists only),
headings, quotes, images, galleries and YouTube or Vimeo videos their own
blocks. Scripts, forms, other iframes and unknown shortcodes are dropped and
named in `notes` for the report. Nothing of the source is kept as markup: every
tag is rebuilt, every text escaped.
"""

import re
from html import escape
from urllib.parse import parse_qs, urlsplit

from bs4 import BeautifulSoup, Comment, NavigableString

from .shortcodes import expand, is_video

DROPPED = {
    "script": "a script",
    "style": "a style sheet",
    "form": "a form",
    "noscript": "a script fallback",
    "object": "an embedded object",
    "embed": "an embedded object",
    "applet": "an embedded object",
    "video": "a self-hosted video",
    "audio": "a self-hosted audio file",
    "canvas": "a drawing area",
    "svg": "an SVG drawing",
    "input": "a form field",
    "button": "a button",
    "select": "a form field",
    "textarea": "a form field",
    "link": "a style sheet",
    "meta": "a meta tag",
}
HEADINGS = {"h1": "h2", "h2": "h2", "h3": "h3", "h4": "h3", "h5": "h3", "h6": "h3"}
MEDIA = ["img", "iframe", "wp-embed", "wp-gallery", *DROPPED]
CONTAINERS = {
    "p",
    "div",
    "section",
    "article",
    "header",
    "footer",
    "main",
    "aside",
    "figure",
    "pre",
    "table",
    "thead",
    "tbody",
    "tr",
    "td",
    "th",
    "dl",
    "dt",
    "dd",
    "center",
    "address",
    "details",
    "summary",
    "nav",
}
SPACES = re.compile(r"\s+")


def plain(node):
    return SPACES.sub(" ", node.get_text(" ")).strip()


def video_url(src):
    """The watch address of a YouTube or Vimeo player address, or None."""
    parts = urlsplit(src if "//" not in src[:2] else "https:" + src)
    host = (parts.hostname or "").removeprefix("www.")
    if host in {"youtube.com", "youtube-nocookie.com"} and parts.path.startswith(
        "/embed/"
    ):
        return f"https://www.youtube.com/watch?v={parts.path.split('/')[2]}"
    if host == "player.vimeo.com" and parts.path.startswith("/video/"):
        return f"https://vimeo.com/{parts.path.split('/')[2]}"
    if host == "youtube.com" and "v" in parse_qs(parts.query):
        return src
    if host in {"youtu.be", "vimeo.com"}:
        return src
    return None


class Converter:
    """One post's content into blocks; `links` resolves images and addresses."""

    def __init__(self, links, title):
        self.links, self.title, self.classic = links, title, True
        self.blocks, self.rich, self.line, self.notes = [], [], [], []

    def convert(self, content, item_id=None):
        self.item_id = item_id
        self.classic = "<!-- wp:" not in content
        dropped = []
        soup = BeautifulSoup(expand(content, dropped), "html.parser")
        self.notes += [f"shortcode {name} dropped" for name in dropped]
        self.walk(soup.children)
        self.flush()
        return self.blocks

    # Paragraphs

    def break_paragraph(self):
        text = "".join(self.line).strip()
        while text.startswith("<br/>") or text.endswith("<br/>"):
            text = text.removeprefix("<br/>").removesuffix("<br/>").strip()
        if text:
            self.rich.append(f"<p>{text}</p>")
        self.line = []

    def flush(self):
        self.break_paragraph()
        if self.rich:
            self.add("paragraph", "".join(self.rich))
        self.rich = []

    def add(self, kind, value):
        if kind != "paragraph":
            self.flush()
        self.blocks.append({"type": kind, "value": value})

    def add_text(self, text):
        parts = re.split(r"\n[ \t\r]*\n", text) if self.classic else [text]
        for index, part in enumerate(parts):
            if index:
                self.break_paragraph()
            lines = part.split("\n") if self.classic else [part]
            for number, line in enumerate(lines):
                if number and line.strip() and "".join(self.line).strip():
                    self.line.append("<br/>")
                self.line.append(escape(SPACES.sub(" ", line), quote=False))

    # The tree

    def walk(self, nodes):
        for node in list(nodes):
            if isinstance(node, Comment):
                continue
            if isinstance(node, NavigableString):
                if type(node) is NavigableString:
                    self.add_text(str(node))
                continue
            self.element(node)

    def element(self, node):
        name = node.name
        if name in DROPPED:
            self.notes.append(f"{DROPPED[name]} dropped")
        elif name in HEADINGS:
            text = plain(node)[:120]
            if text:
                self.add("heading", {"text": text, "level": HEADINGS[name]})
        elif name in {"ul", "ol"}:
            self.break_paragraph()
            items = [self.inline_children(li) for li in node.find_all("li")]
            items = "".join(f"<li>{i.strip()}</li>" for i in items if i.strip())
            if items:
                self.rich.append(f"<{name}>{items}</{name}>")
        elif name == "blockquote":
            self.quote(node)
        elif name == "img":
            self.image(node)
        elif name == "figure":
            self.figure(node)
        elif name == "iframe":
            self.iframe(node, "")
        elif name == "wp-embed":
            self.embed(node.get("data-url", ""), "")
        elif name == "wp-gallery":
            self.gallery(node.get("data-ids", ""))
        elif name == "hr":
            self.flush()
        elif name in CONTAINERS:
            if name == "table":
                self.notes.append("a table flattened to paragraphs")
            self.break_paragraph()
            self.walk(node.children)
            self.break_paragraph()
        elif node.find(MEDIA):
            self.walk(node.children)
        else:
            self.line.append(self.inline(node))

    def inline_children(self, node):
        return "".join(self.inline(child) for child in node.children)

    def inline(self, node):
        if isinstance(node, NavigableString):
            if type(node) is not NavigableString:
                return ""
            return escape(SPACES.sub(" ", str(node)), quote=False)
        if node.name in DROPPED or node.name in {"img", "iframe"}:
            self.element(node)
            return ""
        inner = self.inline_children(node)
        if node.name in {"strong", "b"} and inner.strip():
            return f"<b>{inner}</b>"
        if node.name in {"em", "i"} and inner.strip():
            return f"<i>{inner}</i>"
        if node.name == "br":
            return "<br/>"
        if node.name == "a":
            return self.link(node.get("href", ""), inner)
        return inner

    def link(self, href, inner):
        if not inner.strip():
            return inner
        target = self.links.link(href, self.notes)
        if target is None:
            return inner
        kind, value = target
        if kind == "url":
            return f'<a href="{escape(value)}">{inner}</a>'
        return f'<a id="{value}" linktype="{kind}">{inner}</a>'

    # Blocks of their own

    def quote(self, node):
        cite = node.find("cite")
        attribution = plain(cite)[:120] if cite else ""
        if cite:
            cite.extract()
        paragraphs = [plain(p) for p in node.find_all("p")] or [plain(node)]
        text = "\n\n".join(p for p in paragraphs if p)
        if text:
            self.add("quote", {"quote": text, "attribution": attribution})

    def image(self, node, caption=""):
        found = self.links.image(node.get("class") or [], node.get("src", ""))
        if found is None:
            self.notes.append(f"image {node.get('src', '')} not in the uploads dropped")
            return
        pk, alt, _caption, title = found
        alt = (node.get("alt") or "").strip() or alt or caption or title
        caption = caption or ""
        self.add(
            "image",
            {"image": pk, "alt_text": alt[:250], "caption": caption[:250]},
        )

    def figure(self, node):
        caption_node = node.find("figcaption")
        caption = plain(caption_node) if caption_node else ""
        if caption_node:
            caption_node.extract()
        img, embed, frame = node.find("img"), node.find("wp-embed"), node.find("iframe")
        if img is not None:
            self.image(img, caption)
        elif embed is not None:
            self.embed(embed.get("data-url", ""), caption)
        elif frame is not None:
            self.iframe(frame, caption)
        else:
            self.break_paragraph()
            self.walk(node.children)
            if caption:
                self.add_text("\n\n" + caption + "\n\n")
            self.break_paragraph()

    def iframe(self, node, caption):
        src = node.get("src", "")
        url = video_url(src) if src else None
        if url is None:
            host = urlsplit(src).hostname or "an unknown address"
            self.notes.append(f"an iframe from {host} dropped")
            return
        self.embed(url, caption or node.get("title", ""))

    def embed(self, url, caption):
        if not is_video(url):
            self.notes.append(f"an embed of {urlsplit(url).hostname} kept as a link")
            self.line.append(self.link(url, escape(url)))
            self.break_paragraph()
            return
        title = (caption or self.title)[:200]
        self.add("video", {"video": url.strip(), "title": title, "transcript": ""})

    def gallery(self, ids):
        numbers = [int(i) for i in ids.split(",") if i.isdigit()]
        numbers = numbers or self.links.attached_images(self.item_id)
        for number in numbers:
            found = self.links.image([f"wp-image-{number}"], "")
            if found is None:
                self.notes.append(f"gallery image {number} not imported, dropped")
                continue
            pk, alt, caption, title = found
            self.add(
                "image",
                {"image": pk, "alt_text": (alt or title)[:250], "caption": caption},
            )
