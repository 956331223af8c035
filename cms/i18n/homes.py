"""A site's home page in each of its languages, made as soon as it is enabled."""

from django.db import transaction

from wagtail.models import Locale, Site
from wagtail_localize.models import Translation, TranslationSource

from cms.access.roles import grant_language_home


@transaction.atomic
def open_languages(site, locales, user=None):
    """Translate the home page into each locale: a synced wagtail-localize
    translation, published at once (not on commit) with the English text as
    fallback until translators fill it in."""
    home = site.root_page.specific
    locales = [locale for locale in locales if locale.pk != home.locale_id]
    missing = [locale for locale in locales if not home.has_translation(locale)]
    if missing:
        source, _created = TranslationSource.get_or_create_from_instance(home)
        for locale in missing:
            translation, _created = Translation.objects.update_or_create(
                source=source, target_locale=locale, defaults={"enabled": True}
            )
            translation.save_target(user=user, publish=False)
            home.get_translation(locale).get_latest_revision().publish(user=user)
        Site.clear_site_root_paths_cache()
    for translated in home.get_translations().filter(locale__in=locales):
        grant_language_home(site, translated)


def open_ticked_languages(sender, instance, action, pk_set, reverse, **kwargs):
    if action == "post_add" and pk_set and not reverse:
        open_languages(instance.site, Locale.objects.filter(pk__in=pk_set))


def forget_root_paths(sender, instance, **kwargs):
    """A translated home's slug is part of its site's root paths: when a
    translator changes it, Wagtail's cached root paths must go."""
    if instance.depth == 2:
        Site.clear_site_root_paths_cache()
