from django.core.management.base import BaseCommand

from wagtail.models import Site

from cms.demo import network


class Command(BaseCommand):
    help = "Print the demo network's addresses and logins."

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=8000)

    def handle(self, *args, port, **options):
        def url(hostname, path="/"):
            return f"http://{hostname}:{port}{path}"

        sites = Site.objects.order_by("-is_default_site", "hostname")
        self.stdout.write(self.style.SUCCESS("The demo network is ready. Open:"))
        self.stdout.write(f"  national site        {url(network.NATIONAL['hostname'])}")
        for hostname in ("sheffield.localhost", "wales.localhost", "schools.localhost"):
            if sites.filter(hostname=hostname).exists():
                self.stdout.write(f"  {hostname:<20} {url(hostname)}")
        self.stdout.write(f"  ({sites.count()} sites in all)")
        self.stdout.write(
            f"  admin                {url(network.NATIONAL['hostname'], '/admin/')}"
        )
        self.stdout.write(f"Logins (password: {network.DEMO_PASSWORD}):")
        self.stdout.write("  admin (network admin)")
        for username, hostname, role, language in network.USERS:
            extra = f" ({language})" if language else ""
            self.stdout.write(f"  {username:<22} {role}{extra} of {hostname}")
