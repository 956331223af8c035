"""A short list of choices kept in one text column, so one choice can be matched."""

from django import forms
from django.db import models
from django.utils.text import capfirst


class ChoiceListField(models.CharField):
    """Stores ["a", "b"] as ",a,b,"; match one choice with `__contains=",a,"`."""

    def __init__(self, *args, list_choices=(), **kwargs):
        self.list_choices = list(list_choices)
        kwargs.setdefault("max_length", 400)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", list)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["list_choices"] = self.list_choices
        return name, path, args, kwargs

    def from_db_value(self, value, expression, connection):
        return self.to_python(value)

    def to_python(self, value):
        if isinstance(value, list | tuple):
            return list(value)
        return [item for item in (value or "").split(",") if item]

    def get_prep_value(self, value):
        items = self.to_python(value)
        return f",{','.join(items)}," if items else ""

    def value_to_string(self, obj):
        return self.get_prep_value(self.value_from_object(obj))

    def formfield(self, **kwargs):
        return forms.MultipleChoiceField(
            choices=self.list_choices,
            required=not self.blank,
            label=capfirst(self.verbose_name),
            help_text=self.help_text,
            widget=forms.CheckboxSelectMultiple,
        )

    @staticmethod
    def pattern(choice):
        return f",{choice},"
