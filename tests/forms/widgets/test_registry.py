"""Each input type's plug-in picks its widget from the input's own fields."""

from __future__ import annotations

from typing import Any

import pytest

from scenario_ui.forms.bound import RenderOptions
from scenario_ui.forms.fields import field_for
from scenario_ui.forms.fields.registry import FIELD_CLASSES
from scenario_ui.forms.fields.rows import RowsWidget
from scenario_ui.forms.widgets import Widget
from scenario_ui.forms.widgets.controls import (
    CheckboxWidget,
    ColorWidget,
    JsonWidget,
    ListWidget,
    ModelPickerWidget,
    MultiSelectWidget,
    NumberListWidget,
    NumberWidget,
    SelectWidget,
    TextareaWidget,
    TextWidget,
)
from scenario_ui.forms.widgets.files import FileWidget
from scenario_ui.schema import INPUT_TYPES, parse_definition
from tests.forms.conftest import make_definition
from tests.forms.html import parse_html


def chosen(spec: dict[str, Any]) -> Widget:
    spec_object = make_definition([{"name": "value", "label": "Value", **spec}]).inputs[0]
    return field_for(spec_object).widget


def test_every_input_type_has_a_plug_in() -> None:
    assert sorted(FIELD_CLASSES) == sorted(INPUT_TYPES)


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
        ({"type": "number_array"}, NumberListWidget),
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
    assert type(field_for(definition.inputs[0]).widget) is JsonWidget


def test_an_empty_allowed_values_list_is_no_choice() -> None:
    assert type(chosen({"type": "string", "allowedValues": []})) is TextWidget
    assert type(chosen({"type": "number", "allowedValues": []})) is NumberWidget
    assert type(chosen({"type": "string_array", "allowedValues": []})) is ListWidget


def test_each_plug_in_has_its_own_widget() -> None:
    spec = make_definition([{"name": "n", "type": "number"}]).inputs[0]
    assert field_for(spec).widget is not field_for(spec).widget


@pytest.mark.parametrize(
    ("widget_class", "label_mode"),
    [
        (CheckboxWidget, "inline"),
        (TextWidget, "label"),
        (TextareaWidget, "label"),
        (ColorWidget, "label"),
        (NumberWidget, "label"),
        (SelectWidget, "label"),
        (MultiSelectWidget, "label"),
        (ListWidget, "legend"),
        (NumberListWidget, "legend"),
        (FileWidget, "legend"),
        (ModelPickerWidget, "legend"),
        (RowsWidget, "legend"),
        (JsonWidget, "label"),
    ],
)
def test_label_modes(widget_class: type[Widget], label_mode: str) -> None:
    assert widget_class.label_mode == label_mode


@pytest.mark.parametrize(
    "spec",
    [
        {"type": "boolean"},
        {"type": "number", "min": 0, "max": 1},
        {"type": "number", "allowedValues": [1, 2]},
        {"type": "string"},
        {"type": "string", "prompt": True, "maxLength": 9},
        {"type": "string", "color": True},
        {"type": "string_array"},
        {"type": "string_array", "allowedValues": ["a"]},
        {"type": "number_array"},
        {"type": "file", "kind": "image"},
        {"type": "file_array"},
        {"type": "model"},
        {"type": "model_array"},
        {"type": "inputs_array", "inputs": [{"name": "x", "type": "string"}]},
        {"type": "bezier"},
    ],
)
def test_every_widget_draws_well_formed_html_named_after_its_input(spec: dict[str, Any]) -> None:
    field = field_for(make_definition([{"name": "value", "label": "Value", **spec}]).inputs[0])
    bound = field.bind({})
    root = parse_html(field.render_control(bound, RenderOptions(live_url="/live/")))
    assert root.find_all(where=lambda e: (e.get("name") or "").startswith("value")) != []
