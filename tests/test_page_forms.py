"""Every page type's add and edit forms, walked as an editor would.

For each type of the page registry: the add and edit forms show each field
once, with unique ids; a value typed in every field survives a save; and a
page saved unchanged is not an edit (else Approve in the editor restarts the
workflow instead of publishing).
"""

from collections import Counter
from datetime import datetime, timedelta
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup

from django import forms
from django.db import transaction
from django.urls import reverse

from taggit.forms import TagField
from wagtail.admin.rich_text import DraftailRichTextArea
from wagtail.blocks import RichTextBlock
from wagtail.blocks.base import BlockField
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, get_page_models
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

from tests.content import make_document, make_image
from tests.factories import make_site, make_user

PAGE_TYPES = [model for model in get_page_models() if model is not Page]
MOMENT = datetime(2031, 5, 6, 10, 0)
# A per-person notification preference kept beside the page, not page content.
NOT_CONTENT = {"comment_notifications"}
CHOICE_BOXES = {"checkbox", "radio"}


@pytest.fixture(scope="module")
def sites(django_db_setup, django_db_blocker):
    """Built once for the module, inside a transaction rolled back at the end."""
    with django_db_blocker.unblock(), transaction.atomic():
        make_site(kind="national", name="City of Sanctuary", hostname="localhost")
        make_site(name="Sheffield", hostname="sheffield.localhost")
        make_site(kind="stream", name="Schools", hostname="schools.localhost")
        yield make_user("network-admin", is_superuser=True, is_staff=True)
        transaction.set_rollback(True)


@pytest.fixture
def network(sites, db):
    return sites


def free_parent(model):
    """A page under which `model` may be added: where the tree rules allow it,
    else the parent of an existing one, which makes way for the new one."""
    for parent in Page.objects.order_by("path").specific():
        if model.can_create_at(parent):
            return parent
    existing = model.objects.order_by("path").first()
    if existing is not None:
        parent = existing.get_parent().specific
        existing.delete()
        return parent
    parent_model = model.allowed_parent_page_models()[0]
    parent = parent_model(title=f"A {parent_model._meta.verbose_name}")
    return free_parent(parent_model).add_child(instance=parent)


def choice_values(field):
    return [str(value) for value, _label in field.choices if value not in ("", None)]


def typed_value(name, field, current, turn, order):
    """What an editor types into `field` on turn 1 or 2: a new value, except
    that a box ticked or cleared on turn 1 stays so (some boxes allow others)."""
    if isinstance(field, BlockField):
        kind = next(
            block_name
            for block_name, block in field.block.child_blocks.items()
            if isinstance(block, RichTextBlock)
        )
        return streamfield([(kind, rich_text(f"<p>Typed {name} {turn}</p>"))])
    if isinstance(field.widget, DraftailRichTextArea):
        return rich_text(f"<p>Typed {name} {turn}</p>")
    if isinstance(field, forms.BooleanField):
        return not current if turn == 1 else bool(current)
    if isinstance(field, forms.ModelMultipleChoiceField):
        chosen = {str(getattr(value, "pk", value)) for value in current or ()}
        return [str(next(o.pk for o in field.queryset if str(o.pk) not in chosen))]
    if isinstance(field, forms.MultipleChoiceField):
        return [next(v for v in choice_values(field) if v not in (current or ()))]
    if isinstance(field, forms.ModelChoiceField):
        model = field.queryset.model
        if model is get_image_model():
            return str(make_image(f"Typed {name} {turn}").pk)
        if model is get_document_model():
            return str(make_document(f"Typed {name} {turn}").pk)
        return str(field.queryset.exclude(pk=current).first().pk)
    if isinstance(field, forms.ChoiceField):
        return next(v for v in choice_values(field) if v != str(current))
    if isinstance(field, TagField):
        return f"typed-tag-{turn}"
    if isinstance(field, forms.DateTimeField):
        return (MOMENT + timedelta(days=turn, hours=order)).strftime("%Y-%m-%d %H:%M")
    if isinstance(field, forms.DateField):
        return (MOMENT + timedelta(days=10 * turn + order)).date().isoformat()
    if isinstance(field, forms.DecimalField):
        return str(Decimal(10 + turn) + Decimal("0.5"))
    if isinstance(field, forms.IntegerField):
        return str(40 + turn)
    if isinstance(field, forms.URLField):
        return f"https://example.org/typed-{turn}"
    if isinstance(field, forms.EmailField) or name.endswith("_address"):
        return f"typed{turn}@example.org"
    if isinstance(field, forms.SlugField):
        return f"typed-{turn}"
    return f"Typed {name} {turn}"[: field.max_length or None]


def typed_fields(form, turn):
    """Form data with a new value typed in every field and inline form."""
    data, lists = {}, {}
    for order, (name, field) in enumerate(form.fields.items()):
        if name in NOT_CONTENT:
            continue
        value = typed_value(name, field, form[name].value(), turn, order)
        if isinstance(value, list):
            lists[name] = value
        elif value is not False:
            data[name] = "on" if value is True else value
    for name, formset in form.formsets.items():
        if name == "comments":
            data[name] = inline_formset([])
            continue
        children = formset.forms[: formset.initial_form_count()] or [formset.empty_form]
        rows = []
        for child in children:
            row, _lists = typed_fields_of_child(child, turn)
            rows.append(row)
        data[name] = inline_formset(rows, initial=formset.initial_form_count())
    return data, lists


def typed_fields_of_child(child, turn):
    row = {"id": child.instance.pk or ""}
    for order, (name, field) in enumerate(child.fields.items()):
        if name in {"id", "ORDER", "DELETE"} or isinstance(
            field.widget, forms.HiddenInput
        ):
            continue
        value = typed_value(name, field, child[name].value(), turn, order)
        if value is not False:
            row[name] = "on" if value is True else value
    return row, {}


def form_data(form, turn, action):
    data, lists = typed_fields(form, turn)
    posted = nested_form_data(data)
    posted.update(lists)
    posted[action] = action
    return posted


def rendered_form(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def assert_each_field_once(html, form):
    ids = Counter(tag["id"] for tag in html.find_all(id=True))
    assert [i for i, count in ids.items() if count > 1] == []
    shown = Counter(
        tag["name"]
        for tag in html.find_all(["input", "textarea", "select"], attrs={"name": True})
        if tag.get("type") not in CHOICE_BOXES
    )
    assert [name for name in form.fields if shown[name] > 1] == []


def unchanged_fields(form_class, data, page, parent, user):
    """The fields a form posting `data` would see changed against `page`.

    The edit form carries the id of each saved block and inline object, as a
    browser posts them back."""
    data = data.copy()
    for name, field in form_class.base_fields.items():
        if isinstance(field, BlockField):
            for index, block in enumerate(getattr(page, name)):
                data[f"{name}-{index}-id"] = block.id
    for name in set(form_class.formsets) - {"comments"}:
        children = getattr(page, name).all()
        data[f"{name}-INITIAL_FORMS"] = str(len(children))
        for index, child in enumerate(children):
            data[f"{name}-{index}-id"] = str(child.pk)
            data[f"{name}-{index}-ORDER"] = str(index + 1)
    form = form_class(data, instance=page, parent_page=parent, for_user=user)
    changed = list(form.changed_data)
    changed += [
        f"{name}.{field}"
        for name, formset in form.formsets.items()
        for child in formset.forms
        for field in child.changed_data
    ]
    return changed


@pytest.mark.parametrize("model", PAGE_TYPES, ids=lambda m: m._meta.label)
def test_every_field_is_shown_once_and_keeps_what_was_typed(client, network, model):
    client.force_login(network)
    parent = free_parent(model)
    form_class = model.get_edit_handler().get_form_class()
    meta = model._meta
    add_url = reverse(
        "wagtailadmin_pages:add", args=[meta.app_label, meta.model_name, parent.pk]
    )
    blank = form_class(instance=model(), parent_page=parent, for_user=network)
    assert_each_field_once(rendered_form(client, add_url), blank)

    data = form_data(blank, 1, "action-save")
    response = client.post(add_url, data)
    assert response.status_code == 302, response.context["form"].errors
    page = model.objects.child_of(parent).get(slug="typed-1")
    saved = page.get_latest_revision_as_object()
    assert unchanged_fields(form_class, data, saved, parent, network) == []

    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    editing = form_class(instance=saved, parent_page=parent, for_user=network)
    assert_each_field_once(rendered_form(client, edit_url), editing)
    data = form_data(editing, 2, "action-save")
    typed = set(unchanged_fields(form_class, data, saved, parent, network))
    boxes = {n for n, f in editing.fields.items() if isinstance(f, forms.BooleanField)}
    assert typed >= set(editing.fields) - NOT_CONTENT - boxes
    response = client.post(edit_url, data)
    assert response.status_code == 302, response.context["form"].errors
    page = model.objects.get(pk=page.pk)
    saved = page.get_latest_revision_as_object()
    assert unchanged_fields(form_class, data, saved, parent, network) == []
