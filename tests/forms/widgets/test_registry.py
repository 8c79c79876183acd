from __future__ import annotations

from typing import Any

import pytest
from django.template.loader import get_template

from scenario_ui.forms.widgets import widget_for
from scenario_ui.forms.widgets.base import (
    CheckboxWidget,
    ColorWidget,
    FileWidget,
    JsonWidget,
    ListWidget,
    ModelPickerWidget,
    MultiSelectWidget,
    NumberWidget,
    RowsWidget,
    SelectWidget,
    TextareaWidget,
    TextWidget,
    Widget,
)
from scenario_ui.forms.widgets.registry import WIDGET_CHOOSERS
from scenario_ui.schema import INPUT_TYPES, parse_definition
from tests.forms.conftest import make_definition


def chosen(spec: dict[str, Any]) -> Widget:
    return widget_for(make_definition([{"name": "value", "label": "Value", **spec}]).inputs[0])


def test_every_input_type_has_a_chooser() -> None:
    assert sorted(WIDGET_CHOOSERS) == sorted(INPUT_TYPES)


@pytest.mark.parametrize(
    ("spec", "widget_class"),
    [
        ({"type": "boolean"}, CheckboxWidget),
        ({"type": "boolean", "default": True}, CheckboxWidget),
        ({"type": "number"}, NumberWidget),
        ({"type": "number", "min": 0, "max": 1, "step": 0.1}, NumberWidget),
        ({"type": "number", "allowedValues": [-1, 4, 8]}, SelectWidget),
        ({"type": "number", "allowedValues": [23.976, 29.97]}, SelectWidget),
        ({"type": "string"}, TextWidget),
        ({"type": "string", "maxLength": 40, "placeholder": "x"}, TextWidget),
        ({"type": "string", "prompt": True}, TextareaWidget),
        ({"type": "string", "allowedValues": ["a", "b"]}, SelectWidget),
        # allowedValues wins over the other flags: only those values are accepted.
        ({"type": "string", "allowedValues": ["a"], "prompt": True}, SelectWidget),
        ({"type": "string", "allowedValues": ["#ffffff"], "color": True}, SelectWidget),
        ({"type": "string", "color": True}, ColorWidget),
        ({"type": "string", "color": True, "prompt": True}, ColorWidget),
        ({"type": "string", "color": False, "prompt": False}, TextWidget),
        ({"type": "string_array"}, ListWidget),
        ({"type": "string_array", "prompt": True}, ListWidget),
        ({"type": "string_array", "allowedValues": ["x", "y"]}, MultiSelectWidget),
        ({"type": "number_array"}, ListWidget),
        ({"type": "number_array", "allowedValues": [1, 2]}, MultiSelectWidget),
        ({"type": "file", "kind": "image"}, FileWidget),
        ({"type": "file_array", "kind": "video", "maxLength": 2}, FileWidget),
        ({"type": "model"}, ModelPickerWidget),
        ({"type": "model_array", "modelTypes": ["flux.1-lora"]}, ModelPickerWidget),
        ({"type": "inputs_array", "inputs": [{"name": "x", "type": "string"}]}, RowsWidget),
        ({"type": "bezier"}, JsonWidget),
        ({"type": "Number"}, JsonWidget),
    ],
)
def test_widget_for_each_type(spec: dict[str, Any], widget_class: type[Widget]) -> None:
    assert type(chosen(spec)) is widget_class


def test_an_input_without_a_type_gets_the_json_widget() -> None:
    definition = parse_definition({"id": "m", "inputs": [{"name": "mystery", "label": "?"}]})
    assert type(widget_for(definition.inputs[0])) is JsonWidget


def test_an_empty_allowed_values_list_is_no_choice() -> None:
    assert type(chosen({"type": "string", "allowedValues": []})) is TextWidget
    assert type(chosen({"type": "number", "allowedValues": []})) is NumberWidget
    assert type(chosen({"type": "string_array", "allowedValues": []})) is ListWidget


def test_each_call_returns_a_fresh_widget() -> None:
    spec = make_definition([{"name": "n", "type": "number"}]).inputs[0]
    assert widget_for(spec) is not widget_for(spec)


@pytest.mark.parametrize(
    ("widget_class", "template_name", "label_mode"),
    [
        (CheckboxWidget, "widgets/checkbox.html", "inline"),
        (TextWidget, "widgets/text.html", "label"),
        (TextareaWidget, "widgets/textarea.html", "label"),
        (ColorWidget, "widgets/color.html", "label"),
        (NumberWidget, "widgets/number.html", "label"),
        (SelectWidget, "widgets/select.html", "label"),
        (MultiSelectWidget, "widgets/multiselect.html", "label"),
        (ListWidget, "widgets/list.html", "legend"),
        (FileWidget, "widgets/file.html", "legend"),
        (ModelPickerWidget, "widgets/model.html", "legend"),
        (RowsWidget, "widgets/rows.html", "legend"),
        (JsonWidget, "widgets/json.html", "label"),
    ],
)
def test_templates_and_label_modes(
    widget_class: type[Widget], template_name: str, label_mode: str
) -> None:
    assert widget_class.template_name == template_name
    assert widget_class.label_mode == label_mode


def test_every_widget_template_exists() -> None:
    for widget_class in (
        CheckboxWidget,
        TextWidget,
        TextareaWidget,
        ColorWidget,
        NumberWidget,
        SelectWidget,
        MultiSelectWidget,
        ListWidget,
        FileWidget,
        ModelPickerWidget,
        RowsWidget,
        JsonWidget,
    ):
        assert get_template(widget_class.template_name) is not None
