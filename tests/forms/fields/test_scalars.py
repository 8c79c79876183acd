from __future__ import annotations

from typing import Any

import pytest

from scenario_ui.forms.fields.scalars import (
    BooleanField,
    FileField,
    ModelField,
    NumberField,
    StringField,
    UnknownField,
)
from scenario_ui.forms.issues import Invalid
from scenario_ui.forms.numbers import Number
from tests.forms.conftest import make_field

SIZE = {"type": "number", "min": 128, "max": 2048, "step": 16}
SCALE = {"type": "number", "min": 0, "max": 1, "step": 0.05}
GUIDANCE = {"type": "number", "min": 0, "max": 20, "step": 0.1}
SEED = {"type": "number", "min": 0, "max": 2147483647}
FPS = {"type": "number", "allowedValues": [23.976, 24, 25, 29.97, 30]}
NUM_IMAGES = {"type": "number", "allowedValues": [-1, 1, 2, 4], "min": 1, "max": 4}


def posted(*texts: str) -> dict[str, list[str]]:
    return {"value": list(texts)}


# --- common Field behaviour -------------------------------------------------


def test_extract_takes_only_this_inputs_entries() -> None:
    field = make_field({"type": "string"})
    data = {"value": ["a", "b"], "other": ["x"]}
    assert field.extract(data) == {"value": ["a", "b"]}
    assert field.extract({"other": ["x"]}) == {}


def test_extract_copies_the_list() -> None:
    field = make_field({"type": "string"})
    data = {"value": ["a"]}
    raw = field.extract(data)
    raw["value"].append("b")
    assert data == {"value": ["a"]}


def test_a_field_can_be_named_apart_from_its_input() -> None:
    field = make_field({"type": "number"}, name="rows.0.value")
    assert field.name == "rows.0.value"
    assert field.spec.name == "value"
    assert field.extract({"rows.0.value": ["3"], "value": ["9"]}) == {"rows.0.value": ["3"]}
    assert field.to_python({"rows.0.value": ["3"]}) == 3


@pytest.mark.parametrize(
    "spec",
    [
        {"type": "boolean"},
        {"type": "number"},
        {"type": "string"},
        {"type": "file"},
        {"type": "model"},
        {"type": "bezier"},
    ],
)
@pytest.mark.parametrize("raw", [{}, {"value": []}, {"value": [""]}, {"value": ["  "]}])
def test_nothing_entered_is_none(spec: dict[str, Any], raw: dict[str, list[str]]) -> None:
    assert make_field(spec).to_python(raw) is None


def test_the_last_posted_value_wins() -> None:
    # A hidden "false" before the checkbox: checked posts both, unchecked only "false".
    field = make_field({"type": "boolean"})
    assert field.to_python(posted("false", "on")) is True
    assert field.to_python(posted("false")) is False


# --- boolean ----------------------------------------------------------------


@pytest.mark.parametrize("text", ["true", "TRUE", " True ", "on", "1", "yes", "Yes"])
def test_boolean_true(text: str) -> None:
    assert make_field({"type": "boolean"}).to_python(posted(text)) is True


@pytest.mark.parametrize("text", ["false", "False", "off", "0", "no", " NO "])
def test_boolean_false(text: str) -> None:
    assert make_field({"type": "boolean"}).to_python(posted(text)) is False


@pytest.mark.parametrize("text", ["maybe", "2", "t", "null"])
def test_boolean_rejects(text: str) -> None:
    with pytest.raises(Invalid) as caught:
        make_field({"type": "boolean"}).to_python(posted(text))
    assert caught.value.phrase == "must be true or false"


@pytest.mark.parametrize(("value", "raw"), [(True, ["true"]), (False, ["false"])])
def test_boolean_to_raw(value: bool, raw: list[str]) -> None:
    field = make_field({"type": "boolean"})
    assert isinstance(field, BooleanField)
    assert field.to_raw(value) == {"value": raw}
    assert field.validate(value) == []


def test_to_raw_of_none_is_empty() -> None:
    assert make_field({"type": "boolean"}).to_raw(None) == {}
    assert make_field({"type": "number"}).to_raw(None) == {}


# --- number: conversion -----------------------------------------------------


@pytest.mark.parametrize(
    ("spec", "text", "expected"),
    [
        (SIZE, "1024", 1024),
        (SIZE, "1024.0", 1024),
        (SIZE, " 512 ", 512),
        (SEED, "42", 42),
        (SEED, "1e3", 1000),
        ({"type": "number", "step": 1}, "3.0", 3),
        (GUIDANCE, "3.5", 3.5),
        (GUIDANCE, "3", 3),
        (GUIDANCE, "3.0", 3),
        (SCALE, "0.05", 0.05),
        ({"type": "number"}, "2.5", 2.5),
        ({"type": "number"}, "-7", -7),
        (FPS, "23.976", 23.976),
        (NUM_IMAGES, "-1", -1),
    ],
)
def test_number_conversion(spec: dict[str, Any], text: str, expected: Number) -> None:
    value = make_field(spec).to_python(posted(text))
    assert value == expected
    assert type(value) is type(expected)


@pytest.mark.parametrize("text", ["abc", "1,5", "nan", "inf", "true", "12px"])
def test_number_rejects_non_numbers(text: str) -> None:
    with pytest.raises(Invalid) as caught:
        make_field(SIZE).to_python(posted(text))
    assert caught.value.phrase == "must be a number"


def test_an_integer_input_keeps_a_fraction_for_validation_to_report() -> None:
    field = make_field(SIZE)
    assert field.to_python(posted("1024.5")) == 1024.5


# --- number: constraints ----------------------------------------------------


@pytest.mark.parametrize(
    ("spec", "value", "phrases"),
    [
        (SIZE, 128, []),
        (SIZE, 1024, []),
        (SIZE, 2048, []),
        (SIZE, 112, ["must be at least 128"]),
        (SIZE, 2064, ["must be at most 2048"]),
        # The step grid starts at min: 128 + k * 16.
        (SIZE, 1030, ["must be a multiple of 16"]),
        (SIZE, 2100, ["must be at most 2048", "must be a multiple of 16"]),
        (SIZE, 1024.5, ["must be a whole number"]),
        (SEED, 0, []),
        (SEED, 2147483647, []),
        (SEED, -1, ["must be at least 0"]),
        (SEED, 2147483648, ["must be at most 2147483647"]),
        # Whole min and max without a step: any number in range (Rodin strength 5.5 in 2..12).
        (SEED, 1.5, []),
        ({"type": "number", "min": 2, "max": 12}, 5.5, []),
        ({"type": "number", "min": 0, "max": 10}, 2.5, []),
        ({"type": "number", "step": 1}, 2.5, ["must be a whole number"]),
        # Decimal steps are checked exactly.
        (SCALE, 0.05, []),
        (SCALE, 0.15, []),
        (SCALE, 0.95, []),
        (SCALE, 1, []),
        (SCALE, 0.12, ["must be a multiple of 0.05"]),
        (SCALE, 1.05, ["must be at most 1"]),
        (SCALE, -0.05, ["must be at least 0"]),
        (GUIDANCE, 0.3, []),
        (GUIDANCE, 0.7, []),
        (GUIDANCE, 19.9, []),
        (GUIDANCE, 3.55, ["must be a multiple of 0.1"]),
        (GUIDANCE, 20.1, ["must be at most 20"]),
        ({"type": "number", "min": 0.5, "step": 0.25}, 1.25, []),
        ({"type": "number", "min": 0.5, "step": 0.25}, 1.1, ["must be a multiple of 0.25"]),
        ({"type": "number", "step": 0.01}, 0.57, []),
        ({"type": "number", "max": 2.5}, 3, ["must be at most 2.5"]),
        ({"type": "number", "max": 2}, 2.5, ["must be at most 2"]),
        ({"type": "number", "min": 0.5, "step": 1}, 1.5, []),
        ({"type": "number", "min": 0.5, "step": 1}, 2, ["must be a multiple of 1"]),
        ({"type": "number", "min": -1.5}, -2, ["must be at least -1.5"]),
        ({"type": "number"}, 123.456, []),
    ],
)
def test_number_validation(spec: dict[str, Any], value: Number, phrases: list[str]) -> None:
    assert make_field(spec).validate(value) == phrases


@pytest.mark.parametrize(
    ("spec", "value", "phrases"),
    [
        (FPS, 23.976, []),
        (FPS, 29.97, []),
        (FPS, 24, []),
        (FPS, 24.0, []),
        (FPS, 23.98, ["must be one of: 23.976, 24, 25, 29.97, 30"]),
        (FPS, 60, ["must be one of: 23.976, 24, 25, 29.97, 30"]),
        # A sentinel below min: allowedValues decide, not the bounds.
        (NUM_IMAGES, -1, []),
        (NUM_IMAGES, 4, []),
        (NUM_IMAGES, 3, ["must be one of: -1, 1, 2, 4"]),
        (NUM_IMAGES, 0, ["must be one of: -1, 1, 2, 4"]),
    ],
)
def test_number_allowed_values(spec: dict[str, Any], value: Number, phrases: list[str]) -> None:
    assert make_field(spec).validate(value) == phrases


def test_number_allowed_values_from_the_form() -> None:
    field = make_field(FPS)
    assert field.validate(field.to_python(posted("29.97"))) == []
    assert field.validate(field.to_python(posted("29.9"))) == [
        "must be one of: 23.976, 24, 25, 29.97, 30"
    ]


@pytest.mark.parametrize(
    ("value", "raw"), [(1024, ["1024"]), (2.0, ["2"]), (0.05, ["0.05"]), (-1, ["-1"])]
)
def test_number_to_raw(value: Number, raw: list[str]) -> None:
    field = make_field(SCALE)
    assert isinstance(field, NumberField)
    assert field.to_raw(value) == {"value": raw}


def test_number_round_trip_keeps_decimal_values() -> None:
    field = make_field(GUIDANCE)
    for value in (0.1, 0.3, 3.5, 19.9):
        assert field.to_python(field.to_raw(value)) == value


# --- string -----------------------------------------------------------------


def test_string_keeps_what_was_typed() -> None:
    field = make_field({"type": "string"})
    assert isinstance(field, StringField)
    assert field.to_python(posted("  a cat  ")) == "  a cat  "
    assert field.to_python(posted("line 1\nline 2")) == "line 1\nline 2"
    assert field.to_raw("a cat") == {"value": ["a cat"]}


@pytest.mark.parametrize(
    ("spec", "value", "phrases"),
    [
        ({"type": "string"}, "anything at all", []),
        ({"type": "string", "maxLength": 5}, "hello", []),
        ({"type": "string", "maxLength": 5}, "hello!", ["must be at most 5 characters long"]),
        # Characters, not bytes.
        ({"type": "string", "maxLength": 5}, "ééééé", []),
        (
            {"type": "string", "maxLength": 2048},
            "x" * 2049,
            ["must be at most 2048 characters long"],
        ),
        ({"type": "string", "minLength": 3}, "ab", ["must be at least 3 characters long"]),
        ({"type": "string", "minLength": 3}, "abc", []),
        (
            {"type": "string", "allowedValues": ["canny", "depth", "pose"]},
            "canny",
            [],
        ),
        (
            {"type": "string", "allowedValues": ["canny", "depth", "pose"]},
            "Canny",
            ["must be one of: canny, depth, pose"],
        ),
        # A value outside allowedValues gets that one phrase, not a length phrase too.
        (
            {"type": "string", "allowedValues": ["canny", "depth"], "maxLength": 2},
            "pose",
            ["must be one of: canny, depth"],
        ),
    ],
)
def test_string_validation(spec: dict[str, Any], value: str, phrases: list[str]) -> None:
    assert make_field(spec).validate(value) == phrases


# --- file and model -----------------------------------------------------------


@pytest.mark.parametrize(
    ("spec", "field_class"), [({"type": "file"}, FileField), ({"type": "model"}, ModelField)]
)
def test_ids_are_stripped(spec: dict[str, Any], field_class: type) -> None:
    field = make_field(spec)
    assert isinstance(field, field_class)
    assert field.to_python(posted("  asset_abc123 ")) == "asset_abc123"
    assert field.to_raw("asset_abc123") == {"value": ["asset_abc123"]}
    assert field.validate("asset_abc123") == []


def test_file_takes_a_data_url() -> None:
    url = "data:image/png;base64,iVBORw0KGgo="
    assert make_field({"type": "file", "kind": "image"}).to_python(posted(url)) == url


# --- unknown types: JSON text -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ('{"x": 1, "y": [2, 3]}', {"x": 1, "y": [2, 3]}),
        ("[1, 2]", [1, 2]),
        ('"text"', "text"),
        ("3.5", 3.5),
        ("true", True),
    ],
)
def test_unknown_type_reads_json(text: str, value: Any) -> None:
    field = make_field({"type": "bezier"})
    assert isinstance(field, UnknownField)
    assert field.to_python(posted(text)) == value


@pytest.mark.parametrize("text", ["text", "{x: 1}", "[1, 2"])
def test_unknown_type_rejects_invalid_json(text: str) -> None:
    with pytest.raises(Invalid) as caught:
        make_field({"type": "bezier"}).to_python(posted(text))
    assert caught.value.phrase == "must be valid JSON"


@pytest.mark.parametrize(
    ("value", "raw"),
    [({"x": 1}, ['{"x": 1}']), ([1, 2], ["[1, 2]"]), ("text", ['"text"']), (0, ["0"])],
)
def test_unknown_type_to_raw_is_json(value: Any, raw: list[str]) -> None:
    field = make_field({"type": "bezier"})
    assert field.to_raw(value) == {"value": raw}
    assert field.to_python(field.to_raw(value)) == value
    assert field.to_raw(None) == {}


@pytest.mark.parametrize("text", ["9" * 309, "-" + "9" * 400, "1e400", "9" * 5000])
def test_a_number_too_large_for_any_client_is_a_field_problem(text: str) -> None:
    with pytest.raises(Invalid) as caught:
        make_field(SIZE).to_python(posted(text))
    assert caught.value.phrase == "must be a finite number within ±1.8e308"


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("NaN", "must be valid JSON"),
        ('{"x": Infinity}', "must be valid JSON"),
        ("[" + "9" * 5000 + "]", "must be valid JSON"),
        ("1e400", "holds Infinity, not a finite number within ±1.8e308"),
        ("[" * 65 + "]" * 65, "is nested deeper than 64 levels"),
        ("[" * 100_000 + "]" * 100_000, "must be valid JSON"),
    ],
)
def test_unknown_type_rejects_json_no_request_can_carry(text: str, phrase: str) -> None:
    with pytest.raises(Invalid) as caught:
        make_field({"type": "bezier"}).to_python(posted(text))
    assert caught.value.phrase == phrase
