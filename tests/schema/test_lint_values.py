"""Constraints no value can meet, and defaults their own input would reject."""

from __future__ import annotations

from typing import Any

import pytest

from tests.schema.test_lint import error, lint, make_input


@pytest.mark.parametrize("input_type", ["number", "number_array"])
def test_min_above_max(input_type: str) -> None:
    assert lint([make_input("steps", input_type, min=10, max=5)]) == [
        error("/inputs/0/min", "min 10 is greater than max 5; no value can meet both")
    ]
    assert lint([make_input("steps", input_type, min=5, max=5)]) == []


@pytest.mark.parametrize("input_type", ["string", "string_array", "file_array", "model_array"])
def test_min_length_above_max_length(input_type: str) -> None:
    assert lint([make_input("tags", input_type, minLength=4, maxLength=2)]) == [
        error(
            "/inputs/0/minLength", "minLength 4 is greater than maxLength 2; no value can meet both"
        )
    ]
    assert lint([make_input("tags", input_type, minLength=2, maxLength=2)]) == []


def test_min_duration_above_max_duration() -> None:
    assert lint([make_input("clip", "file", kind="video", minDuration=10, maxDuration=2.5)]) == [
        error(
            "/inputs/0/minDuration",
            "minDuration 10 is greater than maxDuration 2.5; no value can meet both",
        )
    ]
    assert lint([make_input("clip", "file", minDuration=1, maxDuration=2.5)]) == []


@pytest.mark.parametrize("step", [0, -16])
def test_step_not_above_zero(step: int) -> None:
    assert lint([make_input("width", "number", step=step)]) == [
        error("/inputs/0/step", f"step must be greater than 0, got {step}")
    ]


def test_a_positive_step_is_fine() -> None:
    assert lint([make_input("strength", "number", step=0.05)]) == []


def test_default_outside_min_and_max() -> None:
    assert lint([make_input("steps", "number", min=1, max=10, default=11)]) == [
        error("/inputs/0/default", 'default is 11, above max 10 of input "steps"')
    ]
    assert lint([make_input("steps", "number", min=1, max=10, default=0)]) == [
        error("/inputs/0/default", 'default is 0, below min 1 of input "steps"')
    ]
    assert lint([make_input("steps", "number", min=1, max=10, default=10)]) == []


def test_each_item_of_an_array_default_is_checked() -> None:
    scales = make_input("lorasScale", "number_array", min=0, max=2, default=[0.5, 3, -1])

    assert lint([scales]) == [
        error("/inputs/0/default/1", 'default item 1 is 3, above max 2 of input "lorasScale"'),
        error("/inputs/0/default/2", 'default item 2 is -1, below min 0 of input "lorasScale"'),
    ]


def test_default_not_an_allowed_value() -> None:
    mode = make_input("mode", "string", allowedValues=["canny", "depth"], default="pose")
    fps = make_input("fps", "number", allowedValues=[-1, 23.976, 29.97], default=30)

    assert lint([mode, fps]) == [
        error(
            "/inputs/0/default",
            'default is "pose", not an allowed value of input "mode"; allowed: "canny", "depth"',
        ),
        error(
            "/inputs/1/default",
            'default is 30, not an allowed value of input "fps"; allowed: -1, 23.976, 29.97',
        ),
    ]


def test_allowed_defaults_are_fine() -> None:
    styles = make_input("styles", "string_array", allowedValues=["ink", "oil"], default=["oil"])
    fps = make_input("fps", "number", allowedValues=[-1, 23.976], default=-1)

    assert lint([styles, fps]) == []


def test_each_item_of_an_array_default_must_be_allowed() -> None:
    styles = make_input(
        "styles", "string_array", allowedValues=["ink", "oil"], default=["ink", "x"]
    )

    assert lint([styles]) == [
        error(
            "/inputs/0/default/1",
            'default item 1 is "x", not an allowed value of input "styles"; allowed: "ink", "oil"',
        )
    ]


@pytest.mark.parametrize(
    ("input_type", "default", "pointer", "message"),
    [
        ("boolean", "true", "/inputs/0/default", 'default must be true or false, got "true"'),
        ("number", True, "/inputs/0/default", "default must be a number, got true"),
        ("number", "5", "/inputs/0/default", 'default must be a number, got "5"'),
        ("string", 5, "/inputs/0/default", "default must be a string, got 5"),
        ("file", {}, "/inputs/0/default", "default must be a string, got an object"),
        ("model", [], "/inputs/0/default", "default must be a string, got a list"),
        (
            "string_array",
            "ink",
            "/inputs/0/default",
            'default must be a list of strings, got "ink"',
        ),
        ("number_array", 1, "/inputs/0/default", "default must be a list of numbers, got 1"),
        ("model_array", ["a", 2], "/inputs/0/default/1", "default item 1 must be a string, got 2"),
        ("inputs_array", [1], "/inputs/0/default/0", "default item 0 must be an object, got 1"),
    ],
)
def test_default_of_the_wrong_json_type(
    input_type: str, default: object, pointer: str, message: str
) -> None:
    spec = make_input("value", input_type, default=default, **_row_fields(input_type))
    assert lint([spec]) == [error(pointer, message)]


@pytest.mark.parametrize(
    ("input_type", "default"),
    [
        ("boolean", False),
        ("number", 0),
        ("number", 0.5),
        ("string", ""),
        ("file", "asset_123"),
        ("model", "model_abc"),
        ("string_array", ["a"]),
        ("number_array", [1, 0.5]),
        ("file_array", []),
        ("inputs_array", [{"label": "x"}]),
    ],
)
def test_default_of_the_right_json_type(input_type: str, default: object) -> None:
    spec = make_input("value", input_type, default=default, **_row_fields(input_type))
    assert lint([spec]) == []


def _row_fields(input_type: str) -> dict[str, object]:
    # An inputs_array without row fields is a problem of its own (test_lint_authoring).
    if input_type != "inputs_array":
        return {}
    return {"inputs": [make_input("label", "string")]}


def test_a_null_default_means_none_and_unknown_types_are_not_judged() -> None:
    assert lint([make_input("seed", "number", min=0, default=None)]) == []
    unknown_type = lint([make_input("pose", "vector3", default="anything")])

    assert [problem.pointer for problem in unknown_type] == ["/inputs/0/type"]


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"maxLength": 3, "default": "abcd"}, "default has 4 characters, more than maxLength 3"),
        ({"minLength": 5, "default": "abcd"}, "default has 4 characters, fewer than minLength 5"),
    ],
)
def test_default_length_of_a_string(fields: dict[str, Any], message: str) -> None:
    assert lint([make_input("prompt", "string", **fields)]) == [
        error("/inputs/0/default", f'{message} of input "prompt"')
    ]


def test_default_length_of_an_array_counts_items() -> None:
    assert lint([make_input("tags", "string_array", maxLength=1, default=["a", "b"])]) == [
        error("/inputs/0/default", 'default has 2 items, more than maxLength 1 of input "tags"')
    ]
    assert lint([make_input("tags", "string_array", minLength=2, default=["a"])]) == [
        error("/inputs/0/default", 'default has 1 item, fewer than minLength 2 of input "tags"')
    ]


def test_an_empty_default_is_not_given_so_min_length_allows_it() -> None:
    assert lint([make_input("tags", "string_array", minLength=1, default=[])]) == []
    assert lint([make_input("prompt", "string", minLength=1, default="")]) == []
