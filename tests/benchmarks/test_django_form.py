"""The yardstick form: one comparable Django field per input."""

from __future__ import annotations

from django import forms

from scenario_ui.benchmarks.django_form import django_form_class
from tests.forms.conftest import make_definition
from tests.forms.html import parse_html


def test_each_input_gets_a_comparable_django_field() -> None:
    definition = make_definition(
        [
            {"name": "prompt", "type": "string", "prompt": True, "required": {"always": True}},
            {"name": "style", "type": "string", "allowedValues": ["a", "b"], "default": "b"},
            {"name": "tags", "type": "string_array", "allowedValues": ["x", "y"]},
            {"name": "steps", "type": "number", "min": 1, "max": 50, "step": 1, "default": 20},
            {"name": "hdr", "type": "boolean", "default": True},
            {"name": "image", "type": "file"},
            {"name": "loras", "type": "model_array"},
        ]
    )

    form = django_form_class(definition)()

    kinds = {name: type(field) for name, field in form.fields.items()}
    assert kinds == {
        "prompt": forms.CharField,
        "style": forms.ChoiceField,
        "tags": forms.MultipleChoiceField,
        "steps": forms.FloatField,
        "hdr": forms.BooleanField,
        "image": forms.FileField,
        "loras": forms.CharField,
    }
    root = parse_html(str(form))
    assert root.one("textarea", name="prompt").has("required")
    steps = root.one("input", name="steps")
    assert (steps.get("min"), steps.get("max"), steps.get("step"), steps.get("value")) == (
        "1",
        "50",
        "1",
        "20",
    )
    assert root.one("select", name="style").one("option", selected=True).get("value") == "b"
