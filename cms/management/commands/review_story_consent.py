from django.core.management.base import BaseCommand

from cms.stories.safeguarding import unpublish_due_stories


class Command(BaseCommand):
    help = (
        "Unpublish, in every language, the stories whose consent review date has "
        "passed; they return once an editor renews the consent and safeguarding "
        "approves. Run it daily, for example from cron: "
        "15 2 * * * cd /srv/sanctuary && .venv/bin/python manage.py "
        "review_story_consent"
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="List the stories that would be unpublished and change nothing.",
        )

    def handle(self, *args, dry_run=False, **options):
        copies = unpublish_due_stories(dry_run=dry_run)
        verb = "Would unpublish" if dry_run else "Unpublished"
        for story in copies:
            self.stdout.write(
                f"{verb} {story.title} ({story.locale.language_code}, "
                f"review was due {story.consent_review_by:%Y-%m-%d})"
            )
        self.stdout.write(
            self.style.SUCCESS(f"{verb} {len(copies)} stories due for consent review.")
        )
