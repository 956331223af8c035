"""What each site role may do, and granting roles to people."""

from django.contrib.auth.models import Group, Permission
from django.db.models import Q

from wagtail.log_actions import log
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    GroupSitePermission,
    Locale,
    Site,
)

from cms.access.sites import is_national_team
from cms.models import Role, SiteRole

PAGE_PERMISSIONS = {
    Role.EDITOR: ["add_page", "change_page"],
    Role.MODERATOR: [
        "add_page",
        "change_page",
        "publish_page",
        "lock_page",
        "unlock_page",
    ],
    Role.TRANSLATOR: ["change_page", "publish_page"],
}
# Starting and syncing translations; the views scope it to the user's site and
# languages (cms.i18n.access).
TRANSLATION_PERMISSIONS = {
    Role.MODERATOR: ["submit_translation"],
    Role.TRANSLATOR: ["submit_translation"],
}
MEDIA = ("image", "document")
COLLECTION_PERMISSIONS = {
    Role.EDITOR: [f"{verb}_{m}" for m in MEDIA for verb in ("add", "change", "choose")],
    Role.MODERATOR: [
        f"{verb}_{m}" for m in MEDIA for verb in ("add", "change", "choose", "delete")
    ],
    Role.TRANSLATOR: [f"choose_{m}" for m in MEDIA],
}
SITE_DATA = ("supportingorganisation", "awardscheme", "sitepromotion")
SITE_PERMISSIONS = {
    Role.MODERATOR: [
        "change_siteidentity",
        *(f"{verb}_{m}" for m in SITE_DATA for verb in ("add", "change", "delete")),
    ]
}
NETWORK_SNIPPETS = ("charterstatement", "declarationprinciple")
NATIONAL_PERMISSIONS = [
    "create_network_site",
    "syndicate_news",
    *(f"{verb}_{m}" for m in NETWORK_SNIPPETS for verb in ("add", "change", "delete")),
    *(f"{verb}_{m}" for m in SITE_DATA for verb in ("add", "change", "delete")),
]


def role_group_name(site_name, role, locale=None):
    suffix = f" ({locale.language_code})" if locale else ""
    return f"{site_name}: {Role(role).label.lower()}s{suffix}"


class RoleBuilder:
    """Creates role groups and their permission rules in a fixed number of queries."""

    def __init__(self):
        codenames = {"access_admin", "submit_translation", *NATIONAL_PERMISSIONS}
        for table in (PAGE_PERMISSIONS, COLLECTION_PERMISSIONS, SITE_PERMISSIONS):
            for names in table.values():
                codenames.update(names)
        self.permissions = {
            p.codename: p for p in Permission.objects.filter(codename__in=codenames)
        }

    def grant_national(self, group):
        """National editors: the national moderators, who also run the network."""
        group.permissions.add(*(self.permissions[c] for c in NATIONAL_PERMISSIONS))

    def create(self, site, name, collection, roles):
        """roles: a list of (role, locale or None). Returns {(role, locale): group}."""
        groups = Group.objects.bulk_create(
            [Group(name=role_group_name(name, role, locale)) for role, locale in roles]
        )
        SiteRole.objects.bulk_create(
            SiteRole(site=site, role=role, locale=locale, group=group)
            for (role, locale), group in zip(roles, groups, strict=True)
        )
        Group.permissions.through.objects.bulk_create(
            Group.permissions.through(group=group, permission=self.permissions[c])
            for (role, _locale), group in zip(roles, groups, strict=True)
            for c in ["access_admin", *TRANSLATION_PERMISSIONS.get(role, [])]
        )
        page_rules, collection_rules, site_rules = [], [], []
        for (role, locale), group in zip(roles, groups, strict=True):
            page_rules += [
                GroupPagePermission(
                    group=group, page=root, permission=self.permissions[c]
                )
                for root in role_roots(site, role, locale)
                for c in PAGE_PERMISSIONS[role]
            ]
            collection_rules += [
                GroupCollectionPermission(
                    group=group, collection=collection, permission=self.permissions[c]
                )
                for c in COLLECTION_PERMISSIONS[role]
            ]
            site_rules += [
                GroupSitePermission(
                    group=group, site=site, permission=self.permissions[c]
                )
                for c in SITE_PERMISSIONS.get(role, [])
            ]
        GroupPagePermission.objects.bulk_create(page_rules)
        GroupCollectionPermission.objects.bulk_create(collection_rules)
        GroupSitePermission.objects.bulk_create(site_rules)
        return dict(zip(roles, groups, strict=True))


def role_roots(site, role, locale):
    """The home pages a role works on: moderators have every language of the site,
    translators only the home in their language, editors the English home."""
    home = site.root_page
    if role == Role.TRANSLATOR:
        return list(home.get_translations().filter(locale=locale))
    if role == Role.MODERATOR:
        return [home, *home.get_translations()]
    return [home]


def grant_language_home(site, home):
    """Give the site's moderators and the home's translators their rules on it."""
    roles = SiteRole.objects.filter(site=site).filter(
        Q(role=Role.MODERATOR) | Q(role=Role.TRANSLATOR, locale=home.locale_id)
    )
    permissions = {
        p.codename: p
        for p in Permission.objects.filter(
            content_type__app_label="wagtailcore",
            codename__in=PAGE_PERMISSIONS[Role.MODERATOR],
        )
    }
    GroupPagePermission.objects.bulk_create(
        [
            GroupPagePermission(
                group_id=r.group_id, page=home, permission=permissions[c]
            )
            for r in roles
            for c in PAGE_PERMISSIONS[r.role]
        ],
        ignore_conflicts=True,
    )


def site_collection(site):
    """The site's media collection, by its link (cms.SiteCollection), not its name."""
    return Collection.objects.get(network_site__site=site)


# The site-moderator rule: every check of "moderates this site" calls these.


def moderated_sites(user):
    """The sites a person moderates: publishes, reviews stories, reads form
    submissions and the audit trail, edits settings (every site for admins)."""
    if not user.is_active:
        return Site.objects.none()
    if user.is_superuser:
        return Site.objects.all()
    return Site.objects.filter(
        roles__role=Role.MODERATOR, roles__group__user=user
    ).distinct()


def is_site_moderator(user, site):
    if user.is_active and user.is_superuser:
        return True
    return site is not None and moderated_sites(user).filter(pk=site.pk).exists()


def can_view_members(user, site):
    """Who sees a site's members: the national team and the site's moderators."""
    return is_national_team(user) or is_site_moderator(user, site)


def can_invite(user, site):
    """Who invites people to a site: the same people who see its members."""
    return can_view_members(user, site)


def role_group(site, role, language=None):
    """The group of a site role; a translator group is made on first use."""
    if role == Role.TRANSLATOR and not language:
        raise ValueError("A translator needs a language.")
    locale = (
        Locale.objects.get(language_code=language) if role == Role.TRANSLATOR else None
    )
    existing = SiteRole.objects.filter(site=site, role=role, locale=locale).first()
    if existing:
        return existing.group
    groups = RoleBuilder().create(
        site, site.site_name, site_collection(site), [(role, locale)]
    )
    return groups[(role, locale)]


def log_role_change(action, user, site, role, language, by):
    """An audit log entry on the site: who gave or took which role from whom."""
    data = {"person": user.get_username(), "person_id": user.pk, "role": str(role)}
    if language:
        data["language"] = language
    log(instance=site, action=action, user=by, data=data)


def grant_role(user, site, role, language=None, by=None):
    """by: the person granting it, named in the audit trail."""
    group = role_group(site, role, language)
    user.groups.add(group)
    log_role_change("cms.role_granted", user, site, role, language, by)
    return group


def revoke_role(user, site, role, language=None, by=None):
    roles = SiteRole.objects.filter(site=site, role=role)
    if role == Role.TRANSLATOR and language:
        roles = roles.filter(locale__language_code=language)
    held = list(user.groups.filter(site_role__in=roles))
    if held:
        user.groups.remove(*held)
        log_role_change("cms.role_revoked", user, site, role, language, by)
