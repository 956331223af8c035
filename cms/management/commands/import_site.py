from django.core.management.base import BaseCommand, CommandError

from cms.transfer.bundle.format import BundleError
from cms.transfer.bundle.importer import import_site


class Command(BaseCommand):
    help = "Create a new site from a bundle written by export_site."

    def add_arguments(self, parser):
        parser.add_argument("bundle", help="the .zip file")
        parser.add_argument("--hostname", required=True, help="the new site's")
        parser.add_argument("--name", help="default: the name in the bundle")

    def handle(self, *args, bundle, hostname, name, **options):
        try:
            result = import_site(bundle, hostname, name)
        except BundleError as error:
            raise CommandError(str(error)) from None
        site = result.site
        self.stdout.write(self.style.SUCCESS(f"Imported {site.site_name}"))
        self.stdout.write(f"  address: {site.root_url}/")
        figures = ", ".join(f"{count} {kind}" for kind, count in result.counts.items())
        self.stdout.write(f"  {figures}")
        for note in result.notes:
            self.stdout.write(self.style.WARNING(f"  {note}"))
