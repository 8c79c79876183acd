"""The author checks: off-step defaults, list lengths as characters, empty row schemas,
fields on types that ignore them, numbers JSON cannot carry."""

from __future__ import annotations

import pytest

from scenario_ui.schema import lint_definition, parse_definition
from scenario_ui.schema.lint_authoring import misplaced_field_message, unrepresentable_numbers
from tests.schema.test_lint import error, lint, make_input, warning


def test_a_default_off_the_step_grid_is_an_error() -> None:
    assert lint([make_input("strength", "number", min=0.1, max=1, step=0.25, default=0.5)]) == [
        error(
            "/inputs/0/default",
            'default 0.5 is off the step of input "strength": values go from 0.1 in steps of 0.25',
        )
    ]


@pytest.mark.parametrize(
    ("fields"),
    [
        {"min": 0.1, "step": 0.05, "default": 0.35},  # decimal, not float, arithmetic
        {"step": 16, "default": 1024},  # no min: the grid starts at 0
        {"min": 1, "step": 1, "default": 7},
        {"step": 0.5},  # no default
    ],
)
def test_defaults_on_the_grid_pass(fields: dict[str, float]) -> None:
    assert lint([make_input("value", "number", **fields)]) == []


def test_each_off_step_item_of_a_number_array_default_is_named() -> None:
    spec = make_input("scales", "number_array", min=0, max=2, step=0.5, default=[0.5, 0.7, 1])

    assert lint([spec]) == [
        error(
            "/inputs/0/default/1",
            'default 0.7 is off the step of input "scales": values go from 0 in steps of 0.5',
        )
    ]


def test_a_list_max_length_that_reads_as_characters_is_a_warning() -> None:
    assert lint([make_input("tags", "string_array", maxLength=500)]) == [
        warning(
            "/inputs/0/maxLength",
            "maxLength counts items on a string_array input, not characters: 500 items is more "
            "than a form can show (real lists allow at most 10)",
        )
    ]


def test_item_counts_like_real_records_pass() -> None:
    assert lint([make_input("images", "file_array", maxLength=10)]) == []
    assert lint([make_input("prompt", "string", maxLength=2048)]) == []


@pytest.mark.parametrize("rows", [None, []])
def test_an_inputs_array_without_row_fields_is_an_error(rows: list[object] | None) -> None:
    spec = make_input("keyframes", "inputs_array")
    if rows is not None:
        spec["inputs"] = rows

    assert lint([spec]) == [
        error(
            "/inputs/0/inputs",
            'inputs_array "keyframes" has no "inputs", the fields of one row: every row would '
            "be empty",
        )
    ]


def test_prompt_on_a_non_string_input_says_where_it_belongs() -> None:
    assert lint([make_input("seed", "number", prompt=True)]) == [
        warning(
            "/inputs/0/prompt",
            '"prompt" has no effect on a number input; only string and string_array inputs take it',
        )
    ]


def test_prompt_on_a_string_array_is_fine_as_in_real_records() -> None:
    assert lint([make_input("prompts", "string_array", prompt=True)]) == []


def test_misplaced_field_message_is_none_for_a_field_no_type_has() -> None:
    assert misplaced_field_message("colour", "string") is None
    assert misplaced_field_message("kind", "number") == (
        '"kind" has no effect on a number input; only file and file_array inputs take it'
    )


def test_numbers_json_cannot_carry_are_errors_wherever_they_are() -> None:
    model = {
        "id": "model_test",
        "inputs": [
            make_input("steps", "number", max=float("inf")),
            make_input("seed", "number", default=10**400),
        ],
        "uiConfig": {"presets": [{"fields": ["seed"], "presets": {"a": {"seed": float("nan")}}}]},
        "extra": {"weight": float("-inf")},
    }

    problems = lint_definition(parse_definition(model))

    # Each reported once: in the parser's words where it reads the field, else the linter's.
    assert [
        (p.pointer, p.message) for p in problems if "finite" in p.message or "JSON" in p.message
    ] == [
        ("/inputs/0/max", '"max" must be a finite number within ±1.8e308, got Infinity'),
        (
            "/inputs/1/default",
            '"default" holds a number of 401 digits, not a finite number within ±1.8e308',
        ),
        (
            "/uiConfig/presets/0/presets/a/seed",
            '"seed" holds NaN, not a finite number within ±1.8e308',
        ),
        (
            "/extra/weight",
            "-Infinity is not a number JSON can carry (too large, or not a number at all)",
        ),
    ]
    assert {p.severity for p in problems if "finite" in p.message or "JSON" in p.message} == {
        "error"
    }


def test_integers_beyond_two_to_the_53_lose_precision() -> None:
    assert unrepresentable_numbers({"default": 2**53 + 1, "min": 2**53}) == [
        warning(
            "/default", "9007199254740993 is larger than 2^53: the API reads it as 9007199254740992"
        )
    ]


def test_a_deeply_nested_definition_is_walked_without_recursion() -> None:
    document: object = 1e400
    for _ in range(5000):
        document = [document]

    [problem] = unrepresentable_numbers({"default": document})

    assert problem.pointer == "/default" + "/0" * 5000
