"""Who may translate what: translators are limited to one site and language.

wagtail-localize only knows one global "submit translation" permission
(wagtail-localize#108); these rules narrow it to the user's site roles.
"""

from django.conf import settings

from wagtail.models import Locale

from cms.access.roles import is_site_moderator
from cms.models import Role, SiteIdentity, SiteRole


def site_locales(site):
    """The locales a site publishes in besides English."""
    identity = SiteIdentity.for_site(site)
    return Locale.objects.filter(pk__in=identity.languages.values("pk")).exclude(
        language_code=settings.LANGUAGE_CODE
    )


def translatable_locales(user, site):
    """The locales this user may translate the site's pages into."""
    if site is None:
        return Locale.objects.all() if user.is_superuser else Locale.objects.none()
    enabled = site_locales(site)
    if user.is_superuser or is_site_moderator(user, site):
        return enabled
    own = SiteRole.objects.for_user(user).filter(site=site, role=Role.TRANSLATOR)
    return enabled.filter(pk__in=own.values("locale"))


def machine_translation_allowed(model):
    label = model._meta.label_lower
    return label not in {name.lower() for name in settings.MACHINE_TRANSLATION_NEVER}
