from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.text import slugify

from wagtail.models import Site

from cms.access.roles import grant_role
from cms.demo import network, translations
from cms.demo.seeding import seed_content
from cms.network.provisioning import NewSite, provision_site
from cms.stories.safeguarding import ensure_story_workflow
from home.demo import seed_demo_national


class Command(BaseCommand):
    help = "Build the demo network (idempotent: existing sites and users are kept)."

    @transaction.atomic
    def handle(self, *args, **options):
        made = 0
        for request in self.site_requests():
            if Site.objects.filter(hostname=request.hostname).exists():
                continue
            provision_site(request)
            made += 1
        for site in Site.objects.filter(roles__role="moderator").distinct():
            ensure_story_workflow(site)  # sites made before story safeguarding
        self.stdout.write(f"Sites: {made} created, {Site.objects.count()} in all.")
        seed_content()
        self.stdout.write("Content: every page type filled on the demo sites.")
        self.create_users()
        seed_demo_national()
        self.stdout.write(f"Translated pages: {translations.seed()} published.")

    def site_requests(self):
        national = network.NATIONAL
        yield NewSite(
            kind="national",
            name=national["name"],
            hostname=national["hostname"],
            facts={"intro": national["intro"]},
        )
        for site in (network.SHEFFIELD, network.WALES):
            yield NewSite(kind="group", **site)
        for name, place_type, region, lat, lon in network.GROUPS_2009:
            yield NewSite(
                kind="group",
                name=name,
                hostname=f"{slugify(name)}.localhost",
                facts={
                    "place_type": place_type,
                    "region": region,
                    "stage": "working-towards",
                    "latitude": lat,
                    "longitude": lon,
                    "intro": f"People in {name} working for a culture of welcome.",
                },
            )
        for name, sector, intro in network.STREAMS:
            hostname = f"{sector}.localhost"
            yield NewSite(
                kind="stream",
                name=name,
                hostname=hostname,
                facts={"sector": sector, "intro": intro},
            )

    def create_users(self):
        User = get_user_model()
        admin, created = User.objects.get_or_create(
            username="admin",
            defaults={
                "is_superuser": True,
                "is_staff": True,
                "email": "admin@example.org",
            },
        )
        if created:
            admin.set_password(network.DEMO_PASSWORD)
            admin.save()
        for username, hostname, role, language in network.USERS:
            user, created = User.objects.get_or_create(
                username=username, defaults={"email": f"{username}@example.org"}
            )
            if created:
                user.set_password(network.DEMO_PASSWORD)
                user.save()
            grant_role(user, Site.objects.get(hostname=hostname), role, language)
        self.stdout.write(f"Users: admin and {len(network.USERS)} demo members.")
