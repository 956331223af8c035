"""A site's media collection is found by its link, never by the site's name."""

import importlib
import io

from django.apps import apps
from django.core.management import call_command

from wagtail.images import get_image_model
from wagtail.log_actions import log
from wagtail.models import Collection, GroupCollectionPermission, Workflow

from cms.access.roles import site_collection
from cms.models import Role, SiteCollection, SiteRole
from cms.stories.erasure import erase_story
from cms.stories.safeguarding import ensure_story_workflow
from tests import content
from tests.factories import make_user
from tests.test_erasure import tell_story


def rename(site, name):
    site.site_name = name
    site.save()


def test_a_renamed_site_keeps_its_grants_erasure_workflow_and_audit_trail(
    client, group_site, site_moderator
):
    collection = site_collection(group_site)
    photo = content.make_image(title="Photo of the garden", collection=collection)
    rename(group_site, "Sheffield and Rotherham")
    assert site_collection(group_site) == collection

    # A role made after the rename still reaches the site's media.
    SiteRole.objects.get(site=group_site, role=Role.TRANSLATOR).group.delete()
    translator = make_user("newcomer")
    call_command(
        "grant_site_role",
        hostname=group_site.hostname,
        role="translator",
        user="newcomer",
        language="ar",
        stdout=io.StringIO(),
    )
    group = SiteRole.objects.get(site=group_site, role=Role.TRANSLATOR).group
    assert translator.groups.filter(pk=group.pk).exists()
    assert GroupCollectionPermission.objects.filter(
        group=group, collection=collection
    ).exists()

    # Erasure still finds the story's own portrait in the site's collection.
    story = tell_story(group_site, site_moderator)
    portrait = story.portrait
    erase_story(story, by=site_moderator)
    assert not get_image_model().objects.filter(pk=portrait.pk).exists()
    assert get_image_model().objects.filter(pk=photo.pk).exists()

    # Its story sections keep their safeguarding workflow.
    workflows = Workflow.objects.count()
    assert ensure_story_workflow(group_site).name == "Story safeguarding: Sheffield"
    assert Workflow.objects.count() == workflows

    # The site's trail still lists changes to its media.
    log(photo, "wagtail.edit", user=site_moderator)
    client.force_login(site_moderator)
    response = client.get("/admin/site-audit/")
    assert response.status_code == 200
    assert "Photo of the garden" in response.content.decode()


def test_data_migration_links_each_site_to_the_collection_named_after_it(
    group_site, other_group_site
):
    migration = importlib.import_module("cms.migrations.0009_site_collection")
    sheffield = site_collection(group_site)
    bristol = site_collection(other_group_site)
    SiteCollection.objects.all().delete()
    Collection.objects.filter(pk=bristol.pk).update(name="Not Bristol")

    for _run in range(2):  # running it again changes nothing
        migration.link_collections(apps, None)

    assert site_collection(group_site) == sheffield
    assert not SiteCollection.objects.filter(site=other_group_site).exists()
