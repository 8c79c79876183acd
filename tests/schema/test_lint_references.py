"""`maskFrom` (an error when wrong) and `required` rules (warnings) naming inputs."""

from __future__ import annotations

from typing import Any

import pytest

from tests.schema.test_lint import error, lint, make_input, warning

IMAGE = make_input("image", "file", kind="image")


def test_mask_from_must_name_an_input() -> None:
    mask = make_input("mask", "file", kind="image", maskFrom="imgae")

    assert lint([IMAGE, mask]) == [
        error(
            "/inputs/1/maskFrom",
            'maskFrom "imgae" names no input; file or file_array inputs: image, mask',
        )
    ]


def test_mask_from_must_name_a_file_input() -> None:
    prompt = make_input("prompt", "string")
    mask = make_input("mask", "file_array", maskFrom="prompt")

    assert lint([prompt, mask]) == [
        error(
            "/inputs/1/maskFrom",
            'maskFrom "prompt" must name a file or file_array input; it is a string input; '
            "file or file_array inputs: mask",
        )
    ]


@pytest.mark.parametrize("source_type", ["file", "file_array"])
def test_mask_from_a_file_or_file_array(source_type: str) -> None:
    source = make_input("references", source_type)

    assert lint([source, make_input("mask", "file", maskFrom="references")]) == []


@pytest.mark.parametrize(
    ("required", "pointer", "subject"),
    [
        ({"ifDefined": {"mask": {}}}, "/inputs/0/required/ifDefined/mask", "required.ifDefined"),
        (
            {"ifNotDefined": {"mask": {"message": "Give one"}}},
            "/inputs/0/required/ifNotDefined/mask",
            "required.ifNotDefined",
        ),
        (
            {"conditionalValues": {"mask": ["x"]}},
            "/inputs/0/required/conditionalValues/mask",
            "required.conditionalValues",
        ),
        (
            {"conditional": {"values": {"mask": ["x"]}, "operator": "or"}},
            "/inputs/0/required/conditional/values/mask",
            "required.conditional.values",
        ),
    ],
)
def test_a_rule_naming_no_input_is_a_warning(
    required: dict[str, Any], pointer: str, subject: str
) -> None:
    image = make_input("image", "file", required=required)

    assert lint([image]) == [warning(pointer, f'{subject} "mask" names no input; inputs: image')]


def test_a_when_rule_may_name_an_implied_mode() -> None:
    strength = make_input("strength", "number", required={"when": {"inferenceType": ["img2img"]}})

    assert lint([strength]) == [
        warning(
            "/inputs/0/required/when/inferenceType",
            'required.when "inferenceType" names no input (it may be a mode the API implies); '
            "inputs: strength",
        )
    ]


def test_rules_naming_inputs_are_fine() -> None:
    required = {
        "ifDefined": {"mask": {}},
        "ifNotDefined": {"prompt": {}},
        "conditionalValues": {"mode": ["edit"]},
        "conditional": {"values": {"mode": ["edit"]}},
        "when": {"mode": ["edit"]},
    }
    inputs = [
        make_input("image", "file", required=required),
        make_input("mask", "file"),
        make_input("prompt", "string"),
        make_input("mode", "string"),
    ]

    assert lint(inputs) == []


def test_a_row_field_may_name_its_siblings_and_the_model_inputs() -> None:
    row = [
        make_input("label", "string", required={"ifDefined": {"box": {}, "image": {}}}),
        make_input("box", "number_array"),
        make_input("color", "string", required={"ifDefined": {"colour": {}}}),
    ]
    inputs = [IMAGE, make_input("regions", "inputs_array", inputs=row)]

    assert lint(inputs) == [
        warning(
            "/inputs/1/inputs/2/required/ifDefined/colour",
            'required.ifDefined "colour" names no input; inputs: label, box, color, image, regions',
        )
    ]
