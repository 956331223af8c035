from django.conf import settings
from django.db import migrations


def create_locales_and_drop_welcome_page(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    for code, _name in settings.LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    Page = apps.get_model("wagtailcore", "Page")
    Site = apps.get_model("wagtailcore", "Site")
    welcome = Page.objects.filter(depth=2, content_type__app_label="wagtailcore")
    Site.objects.filter(root_page__in=welcome).delete()
    welcome.delete()
    remaining = Page.objects.filter(depth=2).count()
    Page.objects.filter(depth=1).update(numchild=remaining)


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunPython(create_locales_and_drop_welcome_page, migrations.RunPython.noop)
    ]
