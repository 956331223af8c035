"""Loading a bundle as a new site: provisioning first, then the bundle's pages,
media, translations and records, in one transaction."""

from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction

from taggit.models import Tag
from wagtail.models import Locale, Site

from cms.network.provisioning import NewSite, provision_site
from cms.stories.safeguarding import ensure_story_workflow

from .format import BundleError, BundleReader
from .localize import import_translations
from .media import StoredFiles, import_media
from .network import resolve_network
from .pages import PageImport
from .records import import_records
from .references import Resolver


@dataclass
class ImportResult:
    site: Site
    counts: dict = field(default_factory=dict)
    notes: list = field(default_factory=list)


def import_site(path, hostname, name=None):
    """Create a new site at `hostname` from the bundle at `path`. Raises
    BundleError, leaving nothing behind: no rows, no stored files."""
    reader = BundleReader(path)
    stored = StoredFiles()
    try:
        with transaction.atomic():
            return _load(reader, hostname, name, stored)
    except BaseException:
        stored.remove()
        raise
    finally:
        reader.close()


def _load(reader, hostname, name, stored):
    facts = reader.json("site.json")
    rows = reader.json("pages.json")
    locales = _locales({facts["language"], *facts["languages"]})
    request = NewSite(
        kind=facts["kind"],
        name=name or facts["name"],
        hostname=hostname,
        languages=[code for code in facts["languages"] if code != facts["language"]],
    )
    try:
        site = provision_site(request)
    except ValidationError as error:
        raise BundleError(" ".join(error.messages)) from None
    result = ImportResult(site=site)
    maps = {
        "locale": {code: locale.pk for code, locale in locales.items()},
        "image": import_media(reader, "image", site, stored),
        "document": import_media(reader, "document", site, stored),
        "tag": _tags(reader.json("tags.json", default=[])),
    }
    resolver = Resolver(maps)
    pages = PageImport(site, resolver, locales)
    pages.run(rows)
    result.counts["translated strings"] = import_translations(
        reader.json("translations.json", default=[]), pages.keys, locales
    )
    result.counts.update(import_records(reader, site, resolver))
    ensure_story_workflow(site)
    Site.clear_site_root_paths_cache()
    result.counts.update(
        pages=len(rows), images=len(maps["image"]), documents=len(maps["document"])
    )
    result.notes += resolve_network(reader.json("network.json", default={}))
    members = reader.json("members.json", default=[])
    if members:
        result.notes.append(
            f"{len(members)} member accounts are listed in the bundle and were not "
            "created: invite them with grant_site_role."
        )
    for kind, count in resolver.unresolved.items():
        result.notes.append(
            f"{count} {kind} references had no target and were left out."
        )
    return result


def _locales(codes):
    known = {code for code, _name in settings.LANGUAGES}
    unknown = sorted(codes - known)
    if unknown:
        raise BundleError(f"This installation has no language {', '.join(unknown)}.")
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code in codes}


def _tags(rows):
    return {
        row["id"]: Tag.objects.get_or_create(name=row["name"])[0].pk for row in rows
    }
