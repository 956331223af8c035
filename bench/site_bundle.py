"""export_site on the largest demo site and on a generated 1,000-page site,
then import_site of the large bundle, on PostgreSQL.

Builds the demo network (seed_demo) and a group site with 1,000 published news
pages in its own database (DATABASE_URL, default
postgres://postgres@127.0.0.1:5432/sanctuary_bench_bundle), times each export
and the import of the large one, and prints the figures.
`make bench-bundle` runs it.
"""

import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault(
    "DATABASE_URL", "postgres://postgres@127.0.0.1:5432/sanctuary_bench_bundle"
)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")

PAGES = 1000


def largest_demo_site():
    from wagtail.models import Site

    from cms.access.sites import site_pages

    return max(Site.objects.all(), key=lambda site: site_pages(site).count())


def generated_site():
    """A group site with PAGES published news pages (and the starter pages)."""
    from wagtail.models import Site

    from cms.models import NewsIndexPage, NewsPage
    from cms.network.provisioning import NewSite, provision_site

    hostname = "bench-bundle.localhost"
    site = Site.objects.filter(hostname=hostname).first()
    if site is None:
        site = provision_site(
            NewSite(kind="group", name="Bench bundle", hostname=hostname)
        )
    news = NewsIndexPage.objects.child_of(site.root_page).get()
    for number in range(NewsPage.objects.child_of(news).count(), PAGES):
        body = [
            {"type": "paragraph", "value": f"<p>News {number}: a welcome meal.</p>"}
        ] * 3
        page = news.add_child(
            instance=NewsPage(
                title=f"News {number}", slug=f"news-{number}", body=json.dumps(body)
            )
        )
        page.save_revision().publish()
    return site


def timed(label, action):
    started = time.monotonic()
    result = action()
    seconds = time.monotonic() - started
    print(f"{label}: {seconds:.1f} s")
    return result


def main():
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    from cms.access.sites import site_pages
    from cms.transfer.bundle.export import export_site
    from cms.transfer.bundle.importer import import_site

    with tempfile.TemporaryDirectory(prefix="bundle-bench-") as tmp:
        folder = Path(tmp)
        settings.MEDIA_ROOT = folder / "media"
        call_command("migrate", verbosity=0)
        timed("seed_demo", lambda: call_command("seed_demo", verbosity=0))
        demo = largest_demo_site()
        large = timed(f"generate {PAGES} pages", generated_site)
        for site in (demo, large):
            path = folder / f"{site.hostname}.zip"
            pages = site_pages(site).count()
            timed(
                f"export {site.hostname} ({pages} pages)",
                lambda site=site, path=path: export_site(site, path),
            )
            print(f"  bundle: {path.stat().st_size / 1e6:.1f} MB")
        stamp = int(time.time())
        timed(
            f"import {large.hostname} as a new site",
            lambda: import_site(
                folder / f"{large.hostname}.zip",
                f"copy-{stamp}.localhost",
                f"Bench copy {stamp}",
            ),
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
