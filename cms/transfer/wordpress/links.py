"""Where the old site's addresses lead now: pages, media and other sites.

Filled while the import makes things; content.py asks it for each link and
picture. Paths are compared without their trailing slash.
"""

import re
from collections import defaultdict
from urllib.parse import parse_qs, urlsplit

from django.conf import settings

from wagtail.models import Site

from .wxr import UPLOADED

SIZED = re.compile(r"-\d+x\d+(?=\.\w+$)")
IMAGE_CLASS = re.compile(r"^wp-image-(\d+)$")


def old_path(url):
    """The path (and WordPress query) an old address is asked for, or ''."""
    parts = urlsplit(url)
    query = parse_qs(parts.query)
    for key in ("p", "page_id"):
        if query.get(key, [""])[0].isdigit():
            return f"/?{key}={query[key][0]}"
    return "/" + parts.path.strip("/") + ("/" if parts.path.strip("/") else "")


def upload_path(url):
    match = UPLOADED.search(urlsplit(url).path)
    return SIZED.sub("", match.group(2)) if match else None


class Links:
    def __init__(self, export, origins):
        host = export.host.removeprefix("www.")
        self.hosts = {host, f"www.{host}"}
        self.network = urlsplit(export.base_site_url).hostname or ""
        self.origins = origins
        self.sites = None
        self.by_path, self.by_upload = {}, {}
        self.pages, self.images, self.documents = {}, {}, {}
        self.image_urls = {}
        self.children = defaultdict(list)
        for item in export.items:
            if item.type == "attachment":
                self.by_upload[item.upload_path] = item.id
                self.children[item.parent].append(item.id)
            elif item.link:
                self.by_path.setdefault(old_path(item.link).rstrip("/"), item.id)

    def target_id(self, parts):
        query = parse_qs(parts.query)
        for key in ("p", "page_id", "attachment_id"):
            if query.get(key, [""])[0].isdigit():
                return int(query[key][0])
        return self.by_path.get("/" + parts.path.strip("/") if parts.path else "")

    def link(self, href, notes):
        href = (href or "").strip()
        parts = urlsplit(href)
        if parts.scheme in {"mailto", "tel"}:
            return ("url", href)
        if parts.scheme not in {"", "http", "https"}:
            notes.append(f"a {parts.scheme}: link removed")
            return None
        if not parts.path and not parts.query and not parts.netloc:
            return None
        host = parts.hostname
        if host is None or host in self.hosts:
            return self.local(parts, notes)
        root = self.origins.get(host) or self.network_site(host)
        if root:
            address = parts.path + (f"?{parts.query}" if parts.query else "")
            return ("url", root + address)
        if self.network and host.endswith(f".{self.network}"):
            notes.append(f"a link to {host}, not on the network yet, kept")
        return ("url", href)

    def network_site(self, host):
        """The root URL of the network site named like an old subsite host:
        leeds.<WordPress network> is leeds.<NETWORK_DOMAIN>, if it exists."""
        if not self.network or not host.endswith(f".{self.network}"):
            return None
        label = host.removesuffix(f".{self.network}")
        if "." in label:
            return None
        if self.sites is None:
            suffix = f".{settings.NETWORK_DOMAIN}"
            self.sites = {
                site.hostname.removesuffix(suffix): site.root_url
                for site in Site.objects.filter(hostname__endswith=suffix)
            }
        return self.sites.get(label)

    def local(self, parts, notes):
        uploaded = upload_path(parts.path)
        if uploaded:
            wp_id = self.by_upload.get(uploaded)
            if wp_id in self.documents:
                return ("document", self.documents[wp_id])
            if wp_id in self.image_urls:
                return ("url", self.image_urls[wp_id]())
            notes.append(f"a link to the missing file {uploaded} removed")
            return None
        wp_id = self.target_id(parts)
        if wp_id in self.pages:
            return ("page", self.pages[wp_id])
        if wp_id is not None:
            notes.append(f"a link to WordPress item {wp_id}, not imported, removed")
            return None
        path = "/" + parts.path.lstrip("/")
        return ("url", path + (f"?{parts.query}" if parts.query else ""))

    def image(self, classes, src):
        """(image pk, alt, caption, title) of a picture in the content, or None."""
        for name in classes:
            match = IMAGE_CLASS.match(name)
            if match and int(match.group(1)) in self.images:
                return self.images[int(match.group(1))]
        uploaded = upload_path(src) if src else None
        return self.images.get(self.by_upload.get(uploaded)) if uploaded else None

    def attached_images(self, item_id):
        return [i for i in self.children.get(item_id, []) if i in self.images]
