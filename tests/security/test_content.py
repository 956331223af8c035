"""T6, T7, T18: no raw HTML, no escalation through user management, no trackers."""

import os
import re

import pytest
from bs4 import BeautifulSoup

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Permission
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from wagtail import blocks
from wagtail.contrib.typed_table_block.blocks import TypedTableBlock
from wagtail.fields import StreamField

from cms.access.checks import escalating_grants
from cms.models import Role, SiteRole

TEMPLATES = settings.BASE_DIR / "templates"
TRACKERS = re.compile(
    r"google-analytics|googletagmanager|gtag\(|facebook\.net|fbq\(|hotjar|"
    r"doubleclick|plausible|matomo|segment\.(io|com)|clarity\.ms",
    re.IGNORECASE,
)


def child_blocks(block):
    if isinstance(block, blocks.ListBlock):
        return [block.child_block]
    if isinstance(block, TypedTableBlock):
        return list(block.child_blocks.values())
    return list(getattr(block, "child_blocks", {}).values())


def all_blocks(block):
    yield block
    for child in child_blocks(block):
        yield from all_blocks(child)


def stream_fields():
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if isinstance(field, StreamField):
                yield f"{model._meta.label}.{field.name}", field


def test_no_stream_field_offers_a_raw_html_block():
    fields = list(stream_fields())
    assert len(fields) >= 5
    offending = [
        name
        for name, field in fields
        for block in all_blocks(field.stream_block)
        if isinstance(block, blocks.RawHTMLBlock)
    ]
    assert offending == []


def test_the_walk_would_find_a_nested_raw_html_block():
    nested = blocks.StreamBlock(
        [
            (
                "columns",
                blocks.ListBlock(blocks.StructBlock([("html", blocks.RawHTMLBlock())])),
            )
        ]
    )
    assert any(isinstance(b, blocks.RawHTMLBlock) for b in all_blocks(nested))


def test_seeded_network_gives_no_role_user_group_or_site_management(db):
    call_command("seed_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    assert SiteRole.objects.filter(role=Role.MODERATOR).count() >= 18
    assert escalating_grants() == []
    call_command("check", "--database", "default", "--fail-level", "ERROR")


@pytest.mark.parametrize(
    "app_label,codename",
    [
        ("auth", "change_user"),
        ("auth", "add_group"),
        ("auth", "change_permission"),
        ("wagtailcore", "add_site"),
        ("wagtailcore", "change_site"),
    ],
)
def test_a_site_role_holding_user_group_or_site_permissions_fails_the_check(
    site_moderator, group_site, app_label, codename
):
    group = SiteRole.objects.get(site=group_site, role=Role.MODERATOR).group
    group.permissions.add(
        Permission.objects.get(content_type__app_label=app_label, codename=codename)
    )
    assert escalating_grants() == [f"group {group.name}: {app_label}.{codename}"]
    with pytest.raises(SystemCheckError, match="cms.E001"):
        call_command("check", "--database", "default", "--fail-level", "ERROR")


def test_a_user_given_user_permissions_directly_fails_the_check(site_editor):
    site_editor.user_permissions.add(Permission.objects.get(codename="change_user"))
    assert escalating_grants() == [f"user {site_editor.username}: auth.change_user"]


def test_machine_translation_is_off_by_default():
    assert settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR is None


def template_files():
    return sorted(TEMPLATES.rglob("*.html"))


def test_templates_load_no_trackers_or_third_party_scripts():
    assert template_files()
    for path in template_files():
        text = path.read_text()
        assert not TRACKERS.search(text), path
        for tag in BeautifulSoup(text, "html.parser").find_all(["script", "link"]):
            address = tag.get("src") or tag.get("href") or ""
            assert not address.startswith(("http:", "https:", "//")), path


def test_inline_scripts_and_styles_in_templates_carry_the_nonce():
    nonce = "{{ request.csp_nonce }}"
    for path in template_files():
        soup = BeautifulSoup(path.read_text(), "html.parser")
        for tag in soup.find_all(["script", "style"]):
            if tag.name == "style" or not tag.get("src"):
                assert tag.get("nonce") == nonce, f"{path}: {tag}"
        styled = soup.find_all(style=True)
        assert styled == [], f"{path}: style attributes are blocked by the CSP"
        handlers = [
            (tag.name, name)
            for tag in soup.find_all(True)
            for name in tag.attrs
            if name.startswith("on")
        ]
        assert handlers == [], f"{path}: inline event handlers are blocked"


def test_dependency_audit_runs_in_lint_and_ci():
    makefile = (settings.BASE_DIR / "Makefile").read_text()
    lint = makefile.split("\nlint:", 1)[1].split("\n\n", 1)[0]
    assert "pip-audit --requirement requirements.txt" in lint
    ci = (settings.BASE_DIR / ".ci" / "run").read_text().splitlines()
    assert "make lint" in ci
