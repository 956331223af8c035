from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from wagtail.models import Locale, Site

from cms.access.roles import grant_role
from cms.i18n.access import site_locales
from cms.models import Role


class Command(BaseCommand):
    help = "Give a person a role on one site."
    message = "Granted {role} on {hostname} to {user}."

    def add_arguments(self, parser):
        parser.add_argument("--hostname", required=True)
        parser.add_argument("--role", required=True, choices=Role.values)
        parser.add_argument("--user", required=True, help="username")
        parser.add_argument("--language", default=None, help="for translators")
        parser.add_argument(
            "--by", default=None, help="username of who decided it, for the audit trail"
        )

    def handle(self, *args, hostname, role, user, language, by, **options):
        site = Site.objects.filter(hostname=hostname.lower()).first()
        if site is None:
            raise CommandError(f"No site has the hostname {hostname}.")
        person = get_user_model().objects.filter(username=user).first()
        if person is None:
            raise CommandError(f"No user is called {user}.")
        actor = get_user_model().objects.filter(username=by).first() if by else None
        if by and actor is None:
            raise CommandError(f"No user is called {by}.")
        if role == Role.TRANSLATOR and not language:
            raise CommandError("A translator needs --language.")
        if language and role != Role.TRANSLATOR:
            raise CommandError("Only translators have a language.")
        if language and not Locale.objects.filter(language_code=language).exists():
            raise CommandError(f"Unknown language {language}.")
        if role == Role.TRANSLATOR and not self.publishes_in(site, language):
            raise CommandError(
                f"{hostname} does not publish in {language}: a moderator can add "
                "it in the site's settings first."
            )
        self.apply(person, site, role, language, actor)
        if language:
            role = f"{role} ({language})"
        self.stdout.write(
            self.style.SUCCESS(
                self.message.format(role=role, hostname=hostname, user=user)
            )
        )

    def publishes_in(self, site, language):
        return site_locales(site).filter(language_code=language).exists()

    def apply(self, person, site, role, language, by):
        grant_role(person, site, role, language, by=by)
