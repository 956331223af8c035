"""WordPress's own text conventions turned into plain HTML before parsing.

[caption] becomes a <figure>, [gallery] a <wp-gallery>, [embed] and a video
address alone on its line a <wp-embed>; every other shortcode is dropped (its
enclosed text kept) and named in the report. `[sic]`-like brackets with no
attributes and no closing tag are ordinary text and stay.
"""

import re
from html import escape

VIDEO = re.compile(
    r"^https?://(?:www\.|m\.)?(?:youtube\.com/(?:watch\?v=|shorts/|embed/)|"
    r"youtu\.be/|vimeo\.com/|player\.vimeo\.com/video/)[\w\-?=&;/.%#]+$"
)
VIDEO_LINE = re.compile(r"^[ \t]*(https?://\S+?)[ \t]*$", re.MULTILINE)
CAPTION = re.compile(r"\[caption([^\]]*)\](.*?)\[/caption\]", re.DOTALL | re.I)
EMBED = re.compile(r"\[embed[^\]]*\](.*?)\[/embed\]", re.DOTALL | re.I)
GALLERY = re.compile(r"\[gallery([^\]]*)\]", re.I)
SHORTCODE = re.compile(r"\[(/?)([A-Za-z][\w-]*)([^\[\]]*)\]")
LEADING_MEDIA = re.compile(
    r"^\s*((?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*</a>)?)(.*)$", re.S
)
ATTRIBUTE = re.compile(r"""(\w+)\s*=\s*(?:"([^"]*)"|'([^']*)'|(\S+))""")


def attributes(text):
    return {
        m.group(1).lower(): next(g for g in m.groups()[1:] if g is not None)
        for m in ATTRIBUTE.finditer(text)
    }


def is_video(url):
    return bool(VIDEO.match(url.strip()))


def embed_tag(url):
    return f'\n\n<wp-embed data-url="{escape(url.strip())}"></wp-embed>\n\n'


def caption_figure(match):
    attrs = attributes(match.group(1))
    inner = LEADING_MEDIA.match(match.group(2))
    media, text = (inner.group(1), inner.group(2)) if inner else ("", match.group(2))
    text = text.strip() or escape(attrs.get("caption", ""))
    return f"\n\n<figure>{media}<figcaption>{text}</figcaption></figure>\n\n"


def gallery_tag(match):
    ids = attributes(match.group(1)).get("ids", "")
    ids = ",".join(part for part in re.split(r"[\s,]+", ids) if part.isdigit())
    return f'\n\n<wp-gallery data-ids="{ids}"></wp-gallery>\n\n'


def video_line(match):
    url = match.group(1)
    return embed_tag(url) if is_video(url) else match.group(0)


def expand(content, dropped):
    """content with the known shortcodes as tags; dropped collects the others."""
    content = CAPTION.sub(caption_figure, content)
    content = EMBED.sub(lambda m: embed_tag(m.group(1)), content)
    content = GALLERY.sub(gallery_tag, content)
    content = VIDEO_LINE.sub(video_line, content)
    closers = {m.group(2).lower() for m in SHORTCODE.finditer(content) if m.group(1)}

    def drop(match):
        closing, name, rest = match.group(1), match.group(2).lower(), match.group(3)
        marked = "_" in name or "-" in name or "=" in rest or rest.strip()
        if not (closing or name in closers or marked):
            return match.group(0)
        if not closing:
            dropped.append(f"[{name}]")
        return ""

    return SHORTCODE.sub(drop, content)
