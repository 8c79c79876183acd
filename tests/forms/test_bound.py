from __future__ import annotations

from typing import Any

import pytest
from django.utils.safestring import SafeString

from scenario_ui.forms.bound import BoundInput, html_id_for
from scenario_ui.forms.fields import field_for
from scenario_ui.forms.fields.rows import InputsArrayField
from scenario_ui.forms.issues import Issue
from scenario_ui.forms.rules import Requirement
from scenario_ui.forms.widgets.base import has_slider, number_attrs, options_of
from scenario_ui.forms.widgets.files import ACCEPT_BY_KIND, accept_for
from scenario_ui.schema import FILE_KINDS, parse_definition
from tests.forms.conftest import make_definition


def bind(
    spec: dict[str, Any], raw: dict[str, list[str]] | None = None, **options: Any
) -> BoundInput:
    definition = make_definition([{"name": "value", **spec}])
    field = field_for(definition.inputs[0], name=options.pop("name", None))
    return field.bind(raw or {}, **options)


def rows_field(bound: BoundInput) -> InputsArrayField:
    assert isinstance(bound.field, InputsArrayField)
    return bound.field


@pytest.mark.parametrize(
    ("name", "html_id"),
    [
        ("prompt", "in-prompt"),
        ("num_outputs-2", "in-num_outputs-2"),
        ("keyframes.0.image", "in-keyframes-0-image"),
        ("a b..c", "in-a-b-c"),
        ('x"><script>', "in-x-script-"),
        ("température", "in-temp-rature"),
    ],
)
def test_html_ids_are_safe(name: str, html_id: str) -> None:
    assert html_id_for(name) == html_id


def test_ids_derive_from_the_name() -> None:
    bound = bind({"type": "string"})
    assert (bound.name, bound.html_id, bound.description_id, bound.error_id) == (
        "value",
        "in-value",
        "in-value-description",
        "in-value-error",
    )


def test_a_posted_name_replaces_the_spec_name() -> None:
    bound = bind({"type": "number"}, name="rows.2.value")
    assert bound.name == "rows.2.value"
    assert bound.spec.name == "value"
    assert bound.html_id == "in-rows-2-value"
    assert bound.field.name == "rows.2.value"


def test_label_falls_back_to_the_name() -> None:
    assert bind({"type": "string", "label": "Prompt"}).label == "Prompt"
    assert bind({"type": "string"}).label == "value"
    assert bind({"type": "string", "label": ""}).label == "value"


def test_input_type_is_the_spec_type_or_unknown() -> None:
    assert bind({"type": "number_array"}).input_type == "number_array"
    assert bind({"type": "bezier"}).input_type == "bezier"
    untyped = parse_definition({"id": "m", "inputs": [{"name": "value"}]}).inputs[0]
    assert field_for(untyped).bind({}).input_type == "unknown"


# --- accessibility attributes ---------------------------------------------------


def test_optional_valid_input_has_only_id_and_describedby() -> None:
    attrs = bind({"type": "string"}).attrs
    assert attrs == 'id="in-value" aria-describedby="in-value-error"'
    assert isinstance(attrs, SafeString)


def test_describedby_names_the_description_only_when_there_is_one() -> None:
    assert bind({"type": "string", "description": "What to draw"}).described_by == (
        "in-value-description in-value-error"
    )
    assert bind({"type": "string", "description": ""}).described_by == "in-value-error"
    assert bind({"type": "string"}).described_by == "in-value-error"


def test_required_adds_required_and_aria_required() -> None:
    bound = bind({"type": "string"}, requirement=Requirement())
    assert bound.is_required is True
    assert bound.attrs == (
        'id="in-value" aria-describedby="in-value-error" required="" aria-required="true"'
    )


def test_a_rule_message_still_means_required() -> None:
    assert bind({"type": "file"}, requirement=Requirement("Upload one.")).is_required is True
    assert bind({"type": "file"}).is_required is False


def test_issues_add_aria_invalid_and_the_error_text() -> None:
    bound = bind(
        {"type": "number", "description": "Steps"},
        issues=[Issue("value", "must be at least 1"), Issue("value", "must be a whole number")],
    )
    assert bound.attrs == (
        'id="in-value" aria-describedby="in-value-description in-value-error" aria-invalid="true"'
    )
    assert bound.error_text == "Must be at least 1. Must be a whole number."


def test_a_rule_message_is_the_error_text() -> None:
    issue = Issue("value", "is required", custom_message="Upload a reference image.")
    bound = bind({"type": "file"}, issues=[issue], requirement=Requirement(issue.custom_message))
    assert bound.error_text == "Upload a reference image."
    assert bound.attrs == (
        'id="in-value" aria-describedby="in-value-error" required="" aria-required="true" '
        'aria-invalid="true"'
    )


def test_no_issues_no_error_text() -> None:
    assert bind({"type": "string"}).error_text == ""


def test_control_attrs_suffix_changes_only_the_id() -> None:
    bound = bind({"type": "string_array"}, requirement=Requirement())
    assert bound.control_attrs("-2") == (
        'id="in-value-2" aria-describedby="in-value-error" required="" aria-required="true"'
    )


# --- values and items -------------------------------------------------------------


def test_value_text_is_the_last_posted_text() -> None:
    assert bind({"type": "string"}, {"value": ["a", "b"]}).value_text == "b"
    assert bind({"type": "string"}, {"value": []}).value_text == ""
    assert bind({"type": "string"}, {"other": ["x"]}).value_text == ""


def test_item_texts() -> None:
    assert bind({"type": "string_array"}, {"value": ["a", "", "b"]}).item_texts() == [
        "a",
        "",
        "b",
    ]
    assert bind({"type": "string_array"}).item_texts() == [""]
    assert bind({"type": "string"}, {"value": ["a", "b"]}).item_texts() == ["b"]
    assert bind({"type": "file"}).item_texts() == [""]


def test_max_items_and_can_add_item() -> None:
    assert bind({"type": "string"}).max_items == 1
    assert bind({"type": "file_array"}).max_items is None
    assert bind({"type": "file_array"}, {"value": ["a"] * 50}).can_add_item is True
    limited = bind({"type": "model_array", "maxLength": 2}, {"value": ["a"]})
    assert (limited.max_items, limited.can_add_item) == (2, True)
    full = bind({"type": "model_array", "maxLength": 2}, {"value": ["a", "b"]})
    assert full.can_add_item is False


def test_options_without_allowed_values() -> None:
    assert options_of(bind({"type": "string"})) == []


# --- number controls ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("spec", "attrs", "slider"),
    [
        ({"min": 1, "max": 50, "step": 1}, 'min="1" max="50" step="1"', True),
        ({"min": 0, "max": 1, "step": 0.05}, 'min="0" max="1" step="0.05"', True),
        ({"min": 0.0, "max": 2.0}, 'min="0" max="2" step="any"', True),
        ({"min": 0}, 'min="0" step="any"', False),
        ({"max": 10, "step": 16}, 'max="10" step="16"', False),
        ({}, 'step="any"', False),
        ({"step": 0}, 'step="any"', False),
    ],
)
def test_number_attrs_and_slider(spec: dict[str, Any], attrs: str, slider: bool) -> None:
    bound = bind({"type": "number", **spec})
    assert number_attrs(bound.spec) == attrs
    assert has_slider(bound.spec) is slider


def test_number_array_bounds_reach_the_items() -> None:
    bound = bind({"type": "number_array", "min": 0, "max": 2, "step": 0.05})
    assert number_attrs(bound.spec) == 'min="0" max="2" step="0.05"'
    assert has_slider(bound.spec) is True


def test_non_numbers_have_no_slider() -> None:
    assert has_slider(bind({"type": "string"}).spec) is False
    assert number_attrs(bind({"type": "string"}).spec) == 'step="any"'


# --- files ----------------------------------------------------------------------------


def test_every_file_kind_has_an_accept_list() -> None:
    assert sorted(ACCEPT_BY_KIND) == sorted(FILE_KINDS)


@pytest.mark.parametrize(
    ("kind", "accept"),
    [
        ("image", "image/*"),
        ("video", "video/*"),
        ("audio", "audio/*"),
        ("3d", ".glb,.gltf,.obj,.fbx,.usdz,.stl,.ply"),
        ("text", "text/*,.txt,.md,.csv,.json"),
        ("image-hdr", "image/*,.hdr,.exr"),
    ],
)
def test_accept_from_kind(kind: str, accept: str) -> None:
    assert accept_for(bind({"type": "file", "kind": kind}).spec) == accept
    assert accept_for(bind({"type": "file_array", "kind": kind}).spec) == accept


def test_no_kind_accepts_anything() -> None:
    assert accept_for(bind({"type": "file"}).spec) == ""
    assert accept_for(bind({"type": "string"}).spec) == ""


# --- inputs_array rows ------------------------------------------------------------------

ROWS: dict[str, Any] = {
    "type": "inputs_array",
    "label": "Keyframes",
    "maxLength": 2,
    "inputs": [
        {"name": "image", "type": "file", "kind": "image", "required": {"always": True}},
        {"name": "seconds", "type": "number", "min": 0, "max": 20},
    ],
}


def test_rows_start_with_one_empty_row() -> None:
    bound = bind(ROWS)
    rows = rows_field(bound).rows(bound.raw, show_issues=False)
    assert [row.marker for row in rows] == ["value.0.__row"]
    assert [child.name for child in rows[0].children] == ["value.0.image", "value.0.seconds"]
    assert [child.html_id for child in rows[0].children] == [
        "in-value-0-image",
        "in-value-0-seconds",
    ]


def test_rows_follow_the_posted_row_numbers_in_order() -> None:
    raw = {"value.4.seconds": ["2"], "value.1.__row": ["1"], "value.1.image": ["asset_1"]}
    rows = rows_field(bind(ROWS, raw)).rows(raw, show_issues=False)
    assert [row.marker for row in rows] == ["value.1.__row", "value.4.__row"]
    assert [[c.value_text for c in row.children] for row in rows] == [["asset_1", ""], ["", "2"]]
    # Children carry their own type and the row's raw data.
    assert [c.input_type for c in rows[0].children] == ["file", "number"]
    assert number_attrs(rows[1].children[1].spec) == 'min="0" max="20" step="any"'


def can_add_row(spec: dict[str, Any], raw: dict[str, list[str]] | None = None) -> bool:
    bound = bind(spec, raw)
    return rows_field(bound).can_add_row(bound.raw)


def test_can_add_row_up_to_max_length() -> None:
    assert can_add_row(ROWS) is True
    assert can_add_row(ROWS, {"value.0.__row": ["1"]}) is True
    assert can_add_row(ROWS, {"value.0.__row": ["1"], "value.1.__row": ["1"]}) is False
    unlimited = {**ROWS, "maxLength": None}
    assert can_add_row(unlimited, {f"value.{i}.__row": ["1"] for i in range(9)}) is True


def test_spec_max_length() -> None:
    assert bind(ROWS).spec_max_length == 2
    assert bind({"type": "string"}).spec_max_length is None
    assert bind({"type": "file_array", "maxLength": 8}).spec_max_length == 8
    assert bind({"type": "boolean"}).spec_max_length is None


@pytest.mark.parametrize(
    ("spec", "label_mode"),
    [
        ({"type": "string"}, "label"),
        ({"type": "boolean"}, "inline"),
        ({"type": "string_array"}, "legend"),
        ({"type": "file"}, "label"),
        ({"type": "file_array"}, "legend"),
        ({"type": "model"}, "label"),
        ({"type": "model_array"}, "legend"),
        ({"type": "inputs_array", "inputs": [{"name": "x", "type": "string"}]}, "legend"),
        ({"type": "bezier"}, "label"),
    ],
)
def test_label_mode(spec: dict[str, Any], label_mode: str) -> None:
    assert bind(spec).label_mode == label_mode
