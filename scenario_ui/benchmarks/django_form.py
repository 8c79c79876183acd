"""The yardstick: Django's own `forms.Form` with a field comparable to each input.

Same labels, descriptions as help text, defaults as initial values, bounds and
choices; rendered unbound, as `str(form)` (Django's `div` form template), the
way a plain Django form page would draw a model's first form.
"""

from __future__ import annotations

from typing import Any

from django import forms

from scenario_ui.schema import InputBase, ModelDefinition


def django_form_class(definition: ModelDefinition) -> type[forms.Form]:
    fields = {spec.name: _field(spec) for spec in definition.inputs}
    return type("ComparableForm", (forms.Form,), fields)


def _field(spec: InputBase) -> forms.Field:
    options: dict[str, Any] = {
        "label": spec.label or spec.name,
        "help_text": spec.description or "",
        "required": bool(spec.required is not None and spec.required.always),
        "initial": spec.default,
    }
    allowed = getattr(spec, "allowed_values", None)
    if allowed:
        choices = [(value, str(value)) for value in allowed]
        if spec.type.endswith("_array"):
            return forms.MultipleChoiceField(choices=choices, **options)
        return forms.ChoiceField(choices=choices, **options)
    if spec.type == "number":
        return forms.FloatField(
            min_value=getattr(spec, "min", None),
            max_value=getattr(spec, "max", None),
            step_size=getattr(spec, "step", None),
            **options,
        )
    if spec.type == "boolean":
        return forms.BooleanField(**{**options, "required": False})
    if spec.type in ("file", "file_array"):
        return forms.FileField(**options)
    max_length = getattr(spec, "max_length", None)
    if spec.type == "string":
        widget = forms.Textarea if getattr(spec, "prompt", None) else forms.TextInput
        return forms.CharField(max_length=max_length, widget=widget, **options)
    # Lists, model pickers, rows and unknown types: one text field each.
    return forms.CharField(**{**options, "initial": str(spec.default or "")})
