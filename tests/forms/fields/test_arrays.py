from __future__ import annotations

from typing import Any

import pytest

from scenario_ui.forms.fields.arrays import (
    FileArrayField,
    ModelArrayField,
    NumberArrayField,
    StringArrayField,
)
from scenario_ui.forms.fields.rows import InputsArrayField
from scenario_ui.forms.issues import Invalid
from tests.forms.conftest import make_field

LORAS = {"type": "model_array", "maxLength": 6, "modelTypes": ["flux.1-lora"]}
SCALES = {"type": "number_array", "min": 0, "max": 2, "step": 0.05}
STYLES = {
    "type": "inputs_array",
    "label": "Styles",
    "maxLength": 3,
    "inputs": [
        {"name": "style", "type": "string", "label": "Style", "required": {"always": True}},
        {"name": "weight", "type": "number", "label": "Weight", "min": 0, "max": 1, "step": 0.1},
        {"name": "strict", "type": "boolean"},
    ],
}


def posted(*texts: str) -> dict[str, list[str]]:
    return {"value": list(texts)}


# --- flat arrays ------------------------------------------------------------


@pytest.mark.parametrize(
    ("spec", "field_class"),
    [
        ({"type": "string_array"}, StringArrayField),
        ({"type": "number_array"}, NumberArrayField),
        ({"type": "file_array"}, FileArrayField),
        ({"type": "model_array"}, ModelArrayField),
    ],
)
def test_nothing_entered_is_none(spec: dict[str, Any], field_class: type) -> None:
    field = make_field(spec)
    assert isinstance(field, field_class)
    assert field.multiple is True
    assert field.to_python({}) is None
    assert field.to_python(posted()) is None
    assert field.to_python(posted("", "  ")) is None


def test_string_array_keeps_order_and_drops_blanks() -> None:
    field = make_field({"type": "string_array", "prompt": True})
    assert field.to_python(posted("a red fox", "", "snow", " ")) == ["a red fox", "snow"]


def test_number_array_converts_every_item() -> None:
    field = make_field(SCALES)
    assert field.to_python(posted("0.5", "", "1", "2.0")) == [0.5, 1, 2.0]


def test_number_array_rejects_a_non_number() -> None:
    with pytest.raises(Invalid) as caught:
        make_field(SCALES).to_python(posted("0.5", "lots"))
    assert caught.value.phrase == "must be a list of numbers"


@pytest.mark.parametrize(
    ("spec", "field_class"),
    [({"type": "file_array"}, FileArrayField), ({"type": "model_array"}, ModelArrayField)],
)
def test_ids_are_stripped(spec: dict[str, Any], field_class: type) -> None:
    field = make_field(spec)
    assert isinstance(field, field_class)
    assert field.to_python(posted(" asset_1 ", "asset_2")) == ["asset_1", "asset_2"]


@pytest.mark.parametrize(
    ("spec", "value", "phrases"),
    [
        # maxLength counts ITEMS on every array type.
        (LORAS, ["m1"] * 6, []),
        (LORAS, ["m1"] * 7, ["must be at most 6 items long"]),
        ({"type": "string_array", "maxLength": 2}, ["a long prompt", "b"], []),
        (
            {"type": "string_array", "maxLength": 2},
            ["a", "b", "c"],
            ["must be at most 2 items long"],
        ),
        ({"type": "string_array", "minLength": 2}, ["a"], ["must be at least 2 items long"]),
        (
            {"type": "file_array", "maxLength": 1, "kind": "image"},
            ["a1", "a2"],
            ["must be at most 1 items long"],
        ),
        ({"type": "number_array", "minLength": 2, "maxLength": 3}, [1, 2], []),
        (
            {"type": "string_array", "allowedValues": ["canny", "depth"]},
            ["canny", "pose", "edge"],
            ["must be one of: canny, depth"],
        ),
        ({"type": "string_array", "allowedValues": ["canny", "depth"]}, ["depth", "canny"], []),
        (SCALES, [0, 0.05, 1.15, 2], []),
        (SCALES, [0.5, 2.5], ["must be at most 2"]),
        # One phrase per broken constraint, however many items break it.
        (SCALES, [2.5, 3, -1], ["must be at most 2", "must be at least 0"]),
        (SCALES, [0.12], ["must be a multiple of 0.05"]),
        (
            {"type": "number_array", "min": 1, "max": 10, "step": 1},
            [1.5],
            ["must be a whole number"],
        ),
        ({"type": "number_array", "min": 1, "max": 10, "step": 1}, [1, 10], []),
        ({"type": "number_array", "allowedValues": [-1, 23.976]}, [23.976, -1], []),
        (
            {"type": "number_array", "allowedValues": [-1, 23.976]},
            [24],
            ["must be one of: -1, 23.976"],
        ),
        (
            {"type": "number_array", "maxLength": 2, "max": 4},
            [1, 2, 5],
            ["must be at most 2 items long", "must be at most 4"],
        ),
    ],
)
def test_array_validation(spec: dict[str, Any], value: list[Any], phrases: list[str]) -> None:
    assert make_field(spec).validate(value) == phrases


@pytest.mark.parametrize(
    ("spec", "value", "raw"),
    [
        (SCALES, [0.5, 1, 2.0], ["0.5", "1", "2"]),
        ({"type": "string_array"}, ["a", "b"], ["a", "b"]),
        ({"type": "model_array"}, ["model_1"], ["model_1"]),
        ({"type": "string_array"}, "solo", ["solo"]),
    ],
)
def test_array_to_raw(spec: dict[str, Any], value: Any, raw: list[str]) -> None:
    assert make_field(spec).to_raw(value) == {"value": raw}


# --- inputs_array -----------------------------------------------------------


def styles() -> InputsArrayField:
    field = make_field(STYLES, name="styles")
    assert isinstance(field, InputsArrayField)
    return field


def test_rows_are_read_in_numeric_order() -> None:
    data = {
        "styles.10.style": ["third"],
        "styles.2.style": ["second"],
        "styles.0.style": ["first"],
        "styles.0.weight": ["0.5"],
    }
    field = styles()
    assert field.to_python(field.extract(data)) == [
        {"style": "first", "weight": 0.5},
        {"style": "second"},
        {"style": "third"},
    ]


def test_empty_rows_are_dropped() -> None:
    data = {
        "styles.0.style": [""],
        "styles.0.weight": [" "],
        "styles.1.style": ["kept"],
        "styles.2.weight": [""],
    }
    field = styles()
    assert field.to_python(field.extract(data)) == [{"style": "kept"}]


def test_no_rows_is_none() -> None:
    field = styles()
    assert field.to_python({}) is None
    assert field.to_python({"styles.0.style": [""]}) is None


def test_false_and_zero_keep_a_row() -> None:
    data = {"styles.0.strict": ["false"], "styles.1.weight": ["0"]}
    field = styles()
    assert field.to_python(field.extract(data)) == [{"strict": False}, {"weight": 0}]


def test_extract_takes_only_this_inputs_rows() -> None:
    data = {
        "styles.0.style": ["a"],
        "styles.0.unknown": ["x"],
        "styles.x.style": ["b"],
        "stylesheet.0.style": ["c"],
        "other": ["d"],
    }
    field = styles()
    # Every row also carries a marker, so a row left empty stays on screen.
    assert field.extract(data) == {field.row_marker(0): ["1"], "styles.0.style": ["a"]}


def test_a_row_with_only_its_marker_is_empty() -> None:
    field = styles()
    data = {field.row_marker(0): ["1"], field.row_marker(1): ["1"], "styles.1.style": ["b"]}
    assert field.to_python(field.extract(data)) == [{"style": "b"}]


def test_a_child_that_cannot_be_converted_names_its_row() -> None:
    data = {"styles.0.style": [""], "styles.3.style": ["a"], "styles.3.weight": ["heavy"]}
    field = styles()
    with pytest.raises(Invalid) as caught:
        field.to_python(field.extract(data))
    # Row 1: the empty row before it is not shown as a row.
    assert caught.value.phrase == "row 1: Weight must be a number"


@pytest.mark.parametrize(
    ("rows", "phrases"),
    [
        ([{"style": "a"}], []),
        ([{"style": "a", "weight": 0.3}, {"style": "b", "weight": 1}], []),
        ([{"style": "a"}, {"weight": 0.5}], ["row 2: Style is required"]),
        ([{"style": "a", "weight": 1.5}], ["row 1: Weight must be at most 1"]),
        ([{"style": "a", "weight": 0.35}], ["row 1: Weight must be a multiple of 0.1"]),
        (
            [{"style": "a"}, {"style": "b"}, {"style": "c"}, {"style": "d"}],
            ["must be at most 3 items long"],
        ),
        (
            [{"strict": True}, {"style": "b", "weight": 2}],
            ["row 1: Style is required", "row 2: Weight must be at most 1"],
        ),
    ],
)
def test_rows_validation(rows: list[dict[str, Any]], phrases: list[str]) -> None:
    assert styles().validate(rows) == phrases


def test_min_rows() -> None:
    field = make_field({**STYLES, "minLength": 2}, name="styles")
    assert field.validate([{"style": "a"}]) == ["must be at least 2 items long"]


def test_a_child_without_label_is_named() -> None:
    spec = {
        "type": "inputs_array",
        "inputs": [{"name": "prompt", "type": "string", "required": {"always": True}}],
    }
    assert make_field(spec).validate([{}]) == ["row 1: prompt is required"]


def test_rows_to_raw_and_back() -> None:
    rows = [{"style": "a", "weight": 0.3}, {"style": "b", "strict": False}]
    field = styles()
    raw = field.to_raw(rows)
    assert raw == {
        field.row_marker(0): ["1"],
        "styles.0.style": ["a"],
        "styles.0.weight": ["0.3"],
        field.row_marker(1): ["1"],
        "styles.1.style": ["b"],
        "styles.1.strict": ["false"],
    }
    assert field.to_python(raw) == rows


@pytest.mark.parametrize("value", [None, "text", {"style": "a"}, 3])
def test_rows_to_raw_of_a_non_list_is_empty(value: Any) -> None:
    assert styles().to_raw(value) == {}


def test_rows_to_raw_skips_non_objects() -> None:
    field = styles()
    assert field.to_raw(["a", {"style": "b"}]) == {
        field.row_marker(1): ["1"],
        "styles.1.style": ["b"],
    }
