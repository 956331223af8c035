from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from cms.network.kinds import SiteKind
from cms.network.provisioning import NewSite, provision_site
from groups.models import PlaceType, Region, Stage
from streams.models import Sector


class Command(BaseCommand):
    help = "Create a group or stream microsite, with its pages, roles and workflow."

    def add_arguments(self, parser):
        parser.add_argument("--kind", required=True, help=" or ".join(SiteKind.values))
        parser.add_argument("--name", required=True)
        parser.add_argument("--hostname", default="", help="default: <slug>.<domain>")
        parser.add_argument(
            "--language",
            action="append",
            default=[],
            dest="languages",
            help="a language besides English; repeat for more",
        )
        parser.add_argument("--place-type", choices=PlaceType.values)
        parser.add_argument("--region", choices=Region.values)
        parser.add_argument("--stage", choices=Stage.values)
        parser.add_argument("--sector", choices=Sector.values)

    def handle(self, *args, kind, name, hostname, languages, **options):
        facts = {}
        if kind == SiteKind.GROUP:
            for key in ("place_type", "region", "stage"):
                if options[key]:
                    facts[key] = options[key]
        elif kind == SiteKind.STREAM:
            if not options["sector"]:
                raise CommandError("A stream needs --sector.")
            facts["sector"] = options["sector"]
        request = NewSite(
            kind=kind, name=name, hostname=hostname, languages=languages, facts=facts
        )
        try:
            site = provision_site(request)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        self.stdout.write(self.style.SUCCESS(f"Created {kind} site {site.site_name}"))
        self.stdout.write(f"  address: {site.root_url}/")
        self.stdout.write(
            f"  home page: {site.root_page.title} (id {site.root_page_id})"
        )
        languages = ", ".join(["en", *languages])
        self.stdout.write(f"  languages: {languages}")
        for role in site.roles.select_related("group"):
            self.stdout.write(f"  role: {role.group.name}")
