"""A site's media collection linked by a foreign key, filled from the name match."""

import django.db.models.deletion
from django.db import migrations, models


def link_collections(apps, schema_editor):
    """Each site's collection was the top-level one named as the site."""
    Site = apps.get_model("wagtailcore", "Site")
    Collection = apps.get_model("wagtailcore", "Collection")
    SiteCollection = apps.get_model("cms", "SiteCollection")
    linked = set(SiteCollection.objects.values_list("collection_id", flat=True))
    for site in Site.objects.filter(media_collection__isnull=True).order_by("pk"):
        collection = (
            Collection.objects.filter(depth=2, name=site.site_name)
            .exclude(pk__in=linked)
            .order_by("path")
            .first()
        )
        if collection is not None:
            SiteCollection.objects.create(site=site, collection=collection)
            linked.add(collection.pk)


class Migration(migrations.Migration):

    dependencies = [
        ('cms', '0008_erasure_and_form_retention'),
        ('wagtailcore', '0098_apitoken'),
    ]

    operations = [
        migrations.CreateModel(
            name='SiteCollection',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('collection', models.OneToOneField(on_delete=django.db.models.deletion.PROTECT, related_name='network_site', to='wagtailcore.collection')),
                ('site', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='media_collection', to='wagtailcore.site')),
            ],
        ),
        migrations.RunPython(link_collections, migrations.RunPython.noop),
    ]
