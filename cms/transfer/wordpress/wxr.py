"""Reading a WordPress export (WXR 1.0 to 1.2) into plain records.

defusedxml refuses entity declarations and external references, so a hostile
file can neither expand nor reach the network.
"""

import re
from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import urlsplit
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import parse

WP_NAMESPACE = re.compile(r"^http://wordpress\.org/export/1\.\d/$")
CONTENT = "{http://purl.org/rss/1.0/modules/content/}"
DC = "{http://purl.org/dc/elements/1.1/}"
UPLOADED = re.compile(r"/uploads/(?:sites/(\d+)/)?(\d{4}/\d{2}/[^/?#]+)$")


class NotAnExport(ValueError):
    """The file cannot be read as a WordPress export; the message says why."""


@dataclass
class Item:
    id: int
    type: str
    status: str
    title: str
    slug: str
    link: str
    date: datetime | None
    author: str
    content: str
    excerpt: str
    parent: int
    menu_order: int = 0
    categories: list = field(default_factory=list)  # [(slug, name)]
    tags: list = field(default_factory=list)
    meta: dict = field(default_factory=dict)
    attachment_url: str = ""
    comments: int = 0

    @property
    def upload_path(self):
        """The file's path in the uploads tree, such as 2019/03/cafe.jpg."""
        attached = self.meta.get("_wp_attached_file", "")
        if re.fullmatch(r"\d{4}/\d{2}/[^/]+", attached):
            return attached
        match = UPLOADED.search(urlsplit(self.attachment_url).path)
        return match.group(2) if match else attached.rsplit("/", 1)[-1]

    @property
    def upload_site(self):
        """N of uploads/sites/N/ in the file's address, if it has one."""
        match = UPLOADED.search(urlsplit(self.attachment_url).path)
        return match.group(1) if match else None

    @property
    def thumbnail(self):
        value = self.meta.get("_thumbnail_id", "")
        return int(value) if value.isdigit() else None


@dataclass
class Export:
    title: str
    link: str
    base_site_url: str
    items: list

    @property
    def host(self):
        return urlsplit(self.link).hostname or ""


def read_export(path_or_file):
    """The Export in a file; raises NotAnExport with a one-line reason."""
    try:
        tree = parse(path_or_file, forbid_dtd=True)
    except DefusedXmlException:
        raise NotAnExport(
            "it declares a DTD or entities, which exports never do"
        ) from None
    except ParseError as error:
        raise NotAnExport(f"it is not well-formed XML ({error})") from None
    root = tree.getroot()
    channel = root.find("channel")
    wp = namespace(channel) if root.tag == "rss" and channel is not None else None
    if wp is None:
        raise NotAnExport("it is not a WordPress export (WXR): no wp:wxr_version")
    authors = {
        text(a, f"{wp}author_login"): text(a, f"{wp}author_display_name")
        for a in channel.iter(f"{wp}author")
    }
    link = text(channel, f"{wp}base_blog_url") or text(channel, "link")
    if not urlsplit(link).hostname:
        raise NotAnExport("it names no site address (channel link)")
    items = [read_item(node, wp, authors) for node in channel.iter("item")]
    return Export(
        title=text(channel, "title"),
        link=link.rstrip("/"),
        base_site_url=text(channel, f"{wp}base_site_url").rstrip("/"),
        items=[item for item in items if item is not None],
    )


def namespace(channel):
    for child in channel:
        uri = child.tag[1:].split("}", 1)[0] if child.tag.startswith("{") else ""
        if WP_NAMESPACE.match(uri) and child.tag.endswith("}wxr_version"):
            return "{" + uri + "}"
    return None


def text(node, tag):
    found = node.find(tag)
    return (found.text or "").strip() if found is not None else ""


def number(node, tag):
    value = text(node, tag)
    return int(value) if value.isdigit() else 0


def read_item(node, wp, authors):
    item_id = number(node, f"{wp}post_id")
    if not item_id:
        return None
    login = text(node, f"{DC}creator")
    item = Item(
        id=item_id,
        type=text(node, f"{wp}post_type") or "post",
        status=text(node, f"{wp}status") or "publish",
        title=text(node, "title"),
        slug=text(node, f"{wp}post_name"),
        link=text(node, "link"),
        date=parse_date(text(node, f"{wp}post_date")),
        author=authors.get(login) or login,
        content=(node.findtext(f"{CONTENT}encoded") or ""),
        excerpt=text(node, "{http://wordpress.org/export/1.2/excerpt/}encoded")
        or text(node, "{http://wordpress.org/export/1.1/excerpt/}encoded"),
        parent=number(node, f"{wp}post_parent"),
        menu_order=number(node, f"{wp}menu_order"),
        attachment_url=text(node, f"{wp}attachment_url"),
        comments=len(node.findall(f"{wp}comment")),
    )
    for term in node.findall("category"):
        pair = (term.get("nicename", ""), (term.text or "").strip())
        if term.get("domain") == "category":
            item.categories.append(pair)
        elif term.get("domain") == "post_tag":
            item.tags.append(pair)
    for meta in node.findall(f"{wp}postmeta"):
        item.meta[text(meta, f"{wp}meta_key")] = text(meta, f"{wp}meta_value")
    return item


def parse_date(value):
    try:
        return datetime.strptime(value, "%Y-%m-%d %H:%M:%S")
    except ValueError:
        return None
