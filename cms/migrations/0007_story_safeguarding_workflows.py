"""Existing sites get their story safeguarding workflow; existing stories whose
consent was recorded were published on the web with it, so keep that scope.

Stories already have a review date a year after migration 0006 (its default).
"""

from django.db import migrations


def story_indexes(apps, site):
    Page = apps.get_model("wagtailcore", "Page")
    StoryIndexPage = apps.get_model("cms", "StoryIndexPage")
    home = Page.objects.get(pk=site.root_page_id)
    index = StoryIndexPage.objects.filter(
        path__startswith=home.path, depth=home.depth + 1
    ).first()
    if index is None:
        return StoryIndexPage.objects.none()
    return StoryIndexPage.objects.filter(translation_key=index.translation_key)


def create_workflows(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Site = apps.get_model("wagtailcore", "Site")
    SiteRole = apps.get_model("cms", "SiteRole")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    task_type, _created = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    for site in Site.objects.all():
        role = SiteRole.objects.filter(
            site=site, role="moderator", locale__isnull=True
        ).first()
        if role is None:
            continue
        workflow, created = Workflow.objects.get_or_create(
            name=f"Story safeguarding: {site.site_name}"
        )
        if created:
            task = GroupApprovalTask.objects.create(
                name=f"Safeguarding review: {site.site_name}",
                content_type=task_type,
                active=True,
            )
            task.groups.set([role.group_id])
            WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
        for index in story_indexes(apps, site):
            WorkflowPage.objects.update_or_create(
                page_id=index.pk, defaults={"workflow": workflow}
            )


def keep_web_consent(apps, schema_editor):
    StoryPage = apps.get_model("cms", "StoryPage")
    StoryPage.objects.filter(consent_given_on__isnull=False).exclude(
        consent_method=""
    ).exclude(consent_recorded_by="").update(consent_web=True)


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0006_story_privacy"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunPython(create_workflows, migrations.RunPython.noop),
        migrations.RunPython(keep_web_consent, migrations.RunPython.noop),
    ]
