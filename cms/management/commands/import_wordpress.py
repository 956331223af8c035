from django.core.management.base import BaseCommand, CommandError

from wagtail.models import Site

from cms.transfer.wordpress.importer import ImportFailed, Run, run_import, save_run
from cms.transfer.wordpress.pages import POST_TYPES


def mapping(pairs):
    found = {}
    for pair in pairs:
        category, _, kind = pair.partition("=")
        if not category.strip() or kind.strip() not in POST_TYPES:
            raise CommandError(
                f"--map {pair}: write CATEGORY=TYPE, TYPE one of "
                + ", ".join(POST_TYPES)
            )
        found[category.strip().lower()] = kind.strip()
    return found


class Command(BaseCommand):
    help = (
        "Import one WordPress subsite's export (WXR) and uploads into a network "
        "site. Re-runnable: what was imported before is updated, never duplicated."
    )

    def add_arguments(self, parser):
        parser.add_argument("--hostname", required=True, help="the network site")
        parser.add_argument("--file", required=True, help="the WXR export (.xml)")
        parser.add_argument(
            "--uploads", default="", help="the uploads folder or .zip (YYYY/MM/...)"
        )
        parser.add_argument(
            "--map",
            action="append",
            default=[],
            metavar="CATEGORY=TYPE",
            help="posts of a category become pages of a type: " + ", ".join(POST_TYPES),
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="report only, change nothing"
        )

    def handle(self, *args, hostname, file, uploads, map, dry_run, **options):
        site = Site.objects.filter(hostname=hostname.lower()).first()
        if site is None:
            raise CommandError(f"No site has the hostname {hostname}.")
        run = Run(
            site=site,
            export_path=file,
            uploads_path=uploads,
            dry_run=dry_run,
            mapping=mapping(map),
        )
        try:
            report = run_import(run)
        except ImportFailed as error:
            raise CommandError(str(error)) from None
        if not dry_run:
            save_run(run)
        for line in report.text_lines():
            self.stdout.write(line)
