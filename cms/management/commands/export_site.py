import os

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from wagtail.models import Site

from cms.transfer.bundle.export import export_site


class Command(BaseCommand):
    help = "Write one site, its pages, media and records, to a zip bundle."

    def add_arguments(self, parser):
        parser.add_argument("--hostname", required=True)
        parser.add_argument("--output", required=True, help="the .zip file to write")
        parser.add_argument(
            "--include-personal-data",
            action="store_true",
            help="consent records, contacts, submissions, trail and members too",
        )
        parser.add_argument(
            "--user", help="username of who exports (required with personal data)"
        )

    def handle(self, *args, hostname, output, include_personal_data, user, **options):
        site = Site.objects.filter(hostname=hostname).first()
        if site is None:
            raise CommandError(f"No site has the hostname {hostname}.")
        person = None
        if user:
            person = get_user_model().objects.filter(username=user).first()
            if person is None:
                raise CommandError(f"No user is called {user}.")
        if include_personal_data and person is None:
            raise CommandError("Say who exports personal data with --user.")
        partial = f"{output}.part"
        try:
            counts = export_site(site, partial, include_personal_data, person)
            os.replace(partial, output)
        except OSError as error:
            raise CommandError(f"Cannot write {output}: {error.strerror}.") from None
        finally:
            if os.path.exists(partial):
                os.remove(partial)
        if include_personal_data:
            self.stdout.write(
                self.style.WARNING(
                    "This bundle includes personal data: keep it safe and delete "
                    "it when done. The export is in the site's audit trail."
                )
            )
        figures = ", ".join(f"{count} {kind}" for kind, count in counts.items())
        self.stdout.write(self.style.SUCCESS(f"Exported {site.site_name} to {output}"))
        self.stdout.write(f"  {figures}")
