from __future__ import annotations

from typing import Any

import pytest
from pydantic import BaseModel, ValidationError

from scenario_ui.schema.inputs import (
    BACKGROUND_BEHAVIORS,
    FILE_KINDS,
    INPUT_TYPES,
    BooleanInput,
    FileArrayInput,
    FileInput,
    Input,
    InputBase,
    InputsArrayInput,
    ModelArrayInput,
    ModelPickerInput,
    NumberArrayInput,
    NumberInput,
    StringArrayInput,
    StringInput,
    UnknownInput,
    input_class_for_type,
    input_tag,
)
from scenario_ui.schema.rules import RequiredRules


class InputHolder(BaseModel):
    # mypy cannot pass a union to TypeAdapter, so a one-field model stands in.
    value: Input


def parse_any_input(data: object) -> Input:
    return InputHolder.model_validate({"value": data}).value


COMMON_JSON = {
    "label": "Label",
    "description": "Description",
    "hint": "Hint",
    "group": "Settings",
    "costImpact": True,
    "placeholder": "Placeholder",
    "required": {"always": True},
}
COMMON_ATTRIBUTES = {
    "label": "Label",
    "description": "Description",
    "hint": "Hint",
    "group": "Settings",
    "cost_impact": True,
    "placeholder": "Placeholder",
    "required": RequiredRules(always=True),
}
FILE_JSON = {
    "kind": "video",
    "maxSize": 16777216,
    "maxDuration": 30,
    "minDuration": 0.5,
    "backgroundBehavior": "opaque",
    "maskFrom": "image",
    "parent": True,
}
FILE_ATTRIBUTES = {
    "kind": "video",
    "max_size": 16777216,
    "max_duration": 30,
    "min_duration": 0.5,
    "background_behavior": "opaque",
    "mask_from": "image",
    "parent": True,
}
LENGTH_JSON = {"minLength": 1, "maxLength": 6}
LENGTH_ATTRIBUTES = {"min_length": 1, "max_length": 6}
PROMPT_JSON = {"prompt": True, "promptSpark": False}
PROMPT_ATTRIBUTES = {"prompt": True, "prompt_spark": False}
NUMBER_JSON = {"min": 0, "max": 2, "step": 0.05}
NUMBER_ATTRIBUTES = {"min": 0, "max": 2, "step": 0.05}

EVERY_FIELD_BY_TYPE: list[tuple[str, type[InputBase], dict[str, Any], dict[str, Any]]] = [
    ("boolean", BooleanInput, {"default": False}, {"default": False}),
    (
        "number",
        NumberInput,
        {**NUMBER_JSON, "default": -1, "allowedValues": [-1, 23.976, 30]},
        {**NUMBER_ATTRIBUTES, "default": -1, "allowed_values": [-1, 23.976, 30]},
    ),
    (
        "string",
        StringInput,
        {**LENGTH_JSON, **PROMPT_JSON, "allowedValues": ["canny", "tile"], "color": True},
        {
            **LENGTH_ATTRIBUTES,
            **PROMPT_ATTRIBUTES,
            "allowed_values": ["canny", "tile"],
            "color": True,
        },
    ),
    (
        "string_array",
        StringArrayInput,
        {**LENGTH_JSON, **PROMPT_JSON, "allowedValues": ["normal", "height"], "default": []},
        {**LENGTH_ATTRIBUTES, **PROMPT_ATTRIBUTES, "allowed_values": ["normal", "height"]},
    ),
    (
        "number_array",
        NumberArrayInput,
        {**NUMBER_JSON, **LENGTH_JSON, "allowedValues": [0.5, 1]},
        {**NUMBER_ATTRIBUTES, **LENGTH_ATTRIBUTES, "allowed_values": [0.5, 1]},
    ),
    ("file", FileInput, FILE_JSON, FILE_ATTRIBUTES),
    (
        "file_array",
        FileArrayInput,
        {**FILE_JSON, **LENGTH_JSON},
        {**FILE_ATTRIBUTES, **LENGTH_ATTRIBUTES},
    ),
    (
        "model",
        ModelPickerInput,
        {**LENGTH_JSON, "modelTypes": ["flux.1-lora", "flux.1-composition"], "default": ""},
        {**LENGTH_ATTRIBUTES, "model_types": ["flux.1-lora", "flux.1-composition"]},
    ),
    (
        "model_array",
        ModelArrayInput,
        {**LENGTH_JSON, "modelTypes": ["flux.1-lora"]},
        {**LENGTH_ATTRIBUTES, "model_types": ["flux.1-lora"]},
    ),
    (
        "inputs_array",
        InputsArrayInput,
        {**LENGTH_JSON, "inputs": []},
        {**LENGTH_ATTRIBUTES, "inputs": []},
    ),
]


@pytest.mark.parametrize(
    ("input_type", "input_class", "type_json", "type_attributes"), EVERY_FIELD_BY_TYPE
)
def test_every_field_reads_from_camel_case(
    input_type: str,
    input_class: type[InputBase],
    type_json: dict[str, Any],
    type_attributes: dict[str, Any],
) -> None:
    parsed = parse_any_input({"name": "field", "type": input_type, **COMMON_JSON, **type_json})

    assert type(parsed) is input_class
    assert (parsed.name, parsed.type) == ("field", input_type)
    for attribute, expected in {**COMMON_ATTRIBUTES, **type_attributes}.items():
        assert getattr(parsed, attribute) == expected, attribute
    assert parsed.model_extra == {}


def test_every_input_type_has_a_class() -> None:
    classes = {input_type: input_class for input_type, input_class, _, _ in EVERY_FIELD_BY_TYPE}

    assert set(classes) == set(INPUT_TYPES)
    for input_type in INPUT_TYPES:
        assert input_class_for_type(input_type) is classes[input_type]


@pytest.mark.parametrize("input_type", ["slider", "", None, 5])
def test_unknown_or_missing_types_use_the_fallback_class(input_type: object) -> None:
    assert input_class_for_type(input_type) is UnknownInput


def test_optional_fields_default_to_absent() -> None:
    parsed = parse_any_input({"name": "seed", "type": "number"})

    assert isinstance(parsed, NumberInput)
    assert parsed.label is None
    assert parsed.default is None
    assert parsed.required is None
    assert parsed.min is None
    assert parsed.allowed_values is None


def test_number_fields_keep_ints_as_ints() -> None:
    parsed = NumberInput.model_validate({"name": "steps", "step": 1, "max": 50})

    assert type(parsed.step) is int
    assert type(parsed.max) is int


def test_type_can_be_left_out_when_building_a_class_directly() -> None:
    assert NumberInput(name="seed").type == "number"


@pytest.mark.parametrize("kind", FILE_KINDS)
def test_every_file_kind_is_accepted(kind: str) -> None:
    assert FileInput.model_validate({"name": "asset", "kind": kind}).kind == kind


def test_file_kinds_match_the_api() -> None:
    assert set(FILE_KINDS) == {
        "3d",
        "audio",
        "document",
        "image",
        "image-hdr",
        "json",
        "text",
        "video",
    }


@pytest.mark.parametrize("behavior", BACKGROUND_BEHAVIORS)
def test_background_behaviors(behavior: str) -> None:
    parsed = FileArrayInput.model_validate({"name": "images", "backgroundBehavior": behavior})

    assert parsed.background_behavior == behavior


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        (
            "kind",
            "model3d",
            "must be one of: 3d, audio, document, image, image-hdr, json, text, video; "
            'got "model3d"',
        ),
        ("backgroundBehavior", "white", 'must be one of: opaque, transparent; got "white"'),
    ],
)
def test_file_enumerations_list_their_options(field: str, value: str, message: str) -> None:
    with pytest.raises(ValidationError) as raised:
        FileInput.model_validate({"name": "image", field: value})

    (error,) = raised.value.errors()
    assert error["msg"] == message


def test_fields_of_other_types_are_kept_as_extra() -> None:
    parsed = StringInput.model_validate({"name": "prompt", "step": 1, "modelTypes": ["x"]})

    assert parsed.model_extra == {"step": 1, "modelTypes": ["x"]}


def test_unknown_type_keeps_everything_it_got() -> None:
    data = {
        "name": "level",
        "type": "slider",
        "label": "Level",
        "min": 0,
        "ticks": [0, 5, 10],
        "inputs": [{"name": "x", "type": "string"}],
    }

    parsed = parse_any_input(data)

    assert isinstance(parsed, UnknownInput)
    assert (parsed.name, parsed.type, parsed.label) == ("level", "slider", "Level")
    assert parsed.model_extra == {
        "min": 0,
        "ticks": [0, 5, 10],
        "inputs": [{"name": "x", "type": "string"}],
    }
    assert parsed.model_dump(by_alias=True, exclude_unset=True) == data


def test_input_without_type_is_unknown() -> None:
    parsed = parse_any_input({"name": "mystery"})

    assert isinstance(parsed, UnknownInput)
    assert parsed.type == ""


def test_inputs_array_reads_its_rows_recursively() -> None:
    parsed = parse_any_input(
        {
            "name": "keyframes",
            "type": "inputs_array",
            "maxLength": 5,
            "inputs": [
                {"name": "uri", "type": "file", "kind": "image", "required": {"always": True}},
                {"name": "at", "type": "number", "min": 0, "max": 1},
                {
                    "name": "layers",
                    "type": "inputs_array",
                    "inputs": [{"name": "opacity", "type": "number"}],
                },
                {"name": "curve", "type": "bezier"},
            ],
        }
    )

    assert isinstance(parsed, InputsArrayInput)
    assert parsed.max_length == 5
    uri, at, layers, curve = parsed.inputs
    assert isinstance(uri, FileInput)
    assert uri.required == RequiredRules(always=True)
    assert isinstance(at, NumberInput)
    assert at.max == 1
    assert isinstance(layers, InputsArrayInput)
    assert [type(row) for row in layers.inputs] == [NumberInput]
    assert isinstance(curve, UnknownInput)


def test_built_inputs_pass_through_unchanged() -> None:
    built = StringInput(name="prompt", prompt=True)

    assert parse_any_input(built) is built


@pytest.mark.parametrize(
    ("value", "tag"),
    [
        ({"type": "number"}, "number"),
        ({"type": "slider"}, "unknown"),
        ({"type": 3}, "unknown"),
        ({}, "unknown"),
        (BooleanInput(name="flag"), "boolean"),
        (UnknownInput(name="x", type="slider"), "unknown"),
        ("not an input", "unknown"),
    ],
)
def test_input_tag(value: object, tag: str) -> None:
    assert input_tag(value) == tag
