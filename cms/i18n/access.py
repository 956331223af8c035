"""Who may translate what: translators are limited to one site and language.

wagtail-localize only knows one global "submit translation" permission
(wagtail-localize#108); these rules narrow it to the user's site roles.
"""

from django.conf import settings

from wagtail.models import Locale, Page, Site

from cms.models import Role, SiteIdentity, SiteRole


def site_for_page(page):
    """The site a page belongs to, in whichever language the page is."""
    home = Page.objects.filter(path=page.path[: Page.steplen * 2]).first()
    if home is None:
        return None
    return (
        Site.objects.filter(root_page__translation_key=home.translation_key)
        .select_related("root_page")
        .first()
    )


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


def is_site_moderator(user, site):
    if user.is_superuser:
        return True
    return (
        SiteRole.objects.for_user(user).filter(site=site, role=Role.MODERATOR).exists()
    )


def machine_translation_allowed(model):
    label = model._meta.label_lower
    return label not in {name.lower() for name in settings.MACHINE_TRANSLATION_NEVER}
