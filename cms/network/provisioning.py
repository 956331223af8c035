"""Creating a network site in one step: used by the command, the admin and seed_demo."""

import re
from dataclasses import dataclass, field

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from wagtail.models import (
    Collection,
    GroupApprovalTask,
    Locale,
    Page,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from cms.access.roles import RoleBuilder, role_group_name
from cms.models import (
    CharterPage,
    EventIndexPage,
    FormPage,
    InspirationIndexPage,
    NewsIndexPage,
    Role,
    SiteCollection,
    SiteIdentity,
    StandardPage,
    StoryIndexPage,
)
from cms.network.kinds import SiteKind
from cms.stories.safeguarding import ensure_story_workflow

HOSTNAME = re.compile(
    r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"
)
MAX_NAME_LENGTH = 100  # role group names add a suffix and must fit in 150
STARTER_PAGES = [
    (StandardPage, "About us", "about"),
    (CharterPage, "Our charter", "charter"),
    (InspirationIndexPage, "Inspirations", "inspirations"),
    (StoryIndexPage, "Stories of sanctuary", "stories"),
    (NewsIndexPage, "News", "news"),
    (EventIndexPage, "Events", "events"),
    (FormPage, "Get involved", "get-involved"),
]


@dataclass
class NewSite:
    kind: str
    name: str
    hostname: str = ""
    languages: list = field(default_factory=list)
    facts: dict = field(default_factory=dict)

    def clean(self):
        """Check the request; raises ValidationError with a message per field."""
        errors = {}
        self.name = (self.name or "").strip()
        self.hostname = (self.hostname or default_hostname(self.name)).strip().lower()
        if self.kind not in SiteKind.values:
            errors["kind"] = _("Unknown kind %(kind)s: choose group or stream.") % {
                "kind": self.kind
            }
        elif (
            self.kind == SiteKind.NATIONAL
            and Site.objects.filter(is_default_site=True).exists()
        ):
            errors["kind"] = _("The network already has its national site.")
        if not self.name:
            errors["name"] = _("Give the site a name.")
        elif len(self.name) > MAX_NAME_LENGTH:
            errors["name"] = _("Keep the name under %(max)s characters.") % {
                "max": MAX_NAME_LENGTH
            }
        if not HOSTNAME.match(self.hostname):
            errors["hostname"] = _("%(host)s is not a valid hostname.") % {
                "host": self.hostname
            }
        elif Site.objects.filter(hostname=self.hostname).exists():
            errors["hostname"] = _("The hostname %(host)s is already used.") % {
                "host": self.hostname
            }
        known = {code for code, _name in settings.LANGUAGES}
        unknown = [code for code in self.languages if code not in known]
        if unknown:
            errors["languages"] = _("Unknown language: %(codes)s.") % {
                "codes": ", ".join(unknown)
            }
        taken = Group.objects.filter(name=role_group_name(self.name, Role.EDITOR))
        if not errors and taken.exists():
            errors["name"] = _("A site called %(name)s already exists.") % {
                "name": self.name
            }
        if errors:
            raise ValidationError(errors)


def default_hostname(name):
    return f"{slugify(name)}.{settings.NETWORK_DOMAIN}"


@transaction.atomic
def provision_site(request, owner=None):
    """Create the home page, starter pages, Site, collection, roles and workflows."""
    request.clean()
    home_model = apps.get_model(SiteKind(request.kind).home_model)
    default_locale = Locale.get_default()
    root = Page.get_first_root_node()
    home = root.add_child(
        instance=home_model(
            title=request.name,
            slug=slugify(request.hostname.replace(".", "-"))[:255],
            locale=default_locale,
            owner=owner,
            **request.facts,
        )
    )
    for model, title, slug in STARTER_PAGES:
        home.add_child(
            instance=model(title=title, slug=slug, owner=owner, show_in_menus=True)
        )
    site = Site.objects.create(
        hostname=request.hostname,
        port=settings.SITE_PORT,
        root_page=home,
        site_name=request.name,
        is_default_site=request.kind == SiteKind.NATIONAL,
    )
    collection = _append_collection(request.name)
    SiteCollection.objects.create(site=site, collection=collection)
    locales = list(
        Locale.objects.filter(language_code__in=request.languages).exclude(
            pk=default_locale.pk
        )
    )
    identity = SiteIdentity.objects.create(site=site, display_name=request.name)
    identity.languages.set(locales)
    roles = [(Role.EDITOR, None), (Role.MODERATOR, None)]
    roles += [(Role.TRANSLATOR, locale) for locale in locales]
    builder = RoleBuilder()
    groups = builder.create(site, request.name, collection, roles)
    if request.kind == SiteKind.NATIONAL:
        builder.grant_national(groups[(Role.MODERATOR, None)])
    _create_workflow(home, request.name, groups[(Role.MODERATOR, None)])
    ensure_story_workflow(site, groups[(Role.MODERATOR, None)])
    return site


def _append_collection(name):
    """Add the site's collection last: a sorted insert would rewrite every sibling."""
    root = Collection.objects.select_for_update().get(depth=1)
    last = root.get_last_child()
    path = last._inc_path() if last else Collection._get_path(root.path, 2, 1)
    collection = Collection.objects.create(name=name, depth=2, path=path)
    Collection.objects.filter(pk=root.pk).update(numchild=F("numchild") + 1)
    return collection


def _create_workflow(home, name, moderators):
    with translation.override(settings.LANGUAGE_CODE):  # stored: the network's words
        workflow_name = _("%(site)s approval") % {"site": name}
        task_name = _("%(site)s moderators approve") % {"site": name}
    workflow = Workflow.objects.create(name=workflow_name)
    task = GroupApprovalTask.objects.create(name=task_name)
    task.groups.set([moderators])
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.create(page=home, workflow=workflow)
