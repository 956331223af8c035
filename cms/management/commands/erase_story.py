from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from wagtail.models import Page

from cms.models import StoryPage
from cms.stories.erasure import can_erase, erase_story


class Command(BaseCommand):
    help = (
        "Erase a story of sanctuary and every copy of it: translations, "
        "revisions, history titles, search entries, its own pictures and the "
        "site's form submissions that name the storyteller."
    )

    def add_arguments(self, parser):
        parser.add_argument("page_id", type=int, help="the story's page id")
        parser.add_argument(
            "--user", required=True, help="username of the moderator who erases it"
        )

    def handle(self, *args, page_id, user, **options):
        page = Page.objects.filter(pk=page_id).first()
        if page is None:
            raise CommandError(f"No story has the id {page_id}.")
        if page.specific_class is not StoryPage:
            raise CommandError(f"Page {page_id} is not a story of sanctuary.")
        person = get_user_model().objects.filter(username=user).first()
        if person is None:
            raise CommandError(f"No user is called {user}.")
        if not can_erase(person, page):
            raise CommandError(
                f"{user} may not erase this story: only the site's moderators "
                "and network admins may."
            )
        record = erase_story(page, by=person)
        self.stdout.write(self.style.SUCCESS(f"Story {page_id} erased."))
        for kind, count in sorted(record.removed.items()):
            self.stdout.write(f"  {kind}: {count}")
