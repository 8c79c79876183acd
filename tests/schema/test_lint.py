"""The linter as a whole: parse problems included once, inputs located, problems in order.

The helpers here are shared by the other `test_lint_*` modules.
"""

from __future__ import annotations

from typing import Any

import pytest

import scenario_ui.schema as schema
from scenario_ui.schema.lint import document_position, lint_definition
from scenario_ui.schema.parsing import parse_definition
from scenario_ui.schema.problems import DefinitionProblem


def make_input(name: str, input_type: str, **fields: Any) -> dict[str, Any]:
    """An input as the API sends it; keyword names are the API's camelCase keys."""
    return {"name": name, "type": input_type, **fields}


def lint(inputs: list[Any], ui_config: dict[str, Any] | None = None) -> list[DefinitionProblem]:
    model: dict[str, Any] = {"id": "model_test", "inputs": inputs}
    if ui_config is not None:
        model["uiConfig"] = ui_config
    return lint_definition(parse_definition(model))


def error(pointer: str, message: str) -> DefinitionProblem:
    return DefinitionProblem(pointer, message, "error")


def warning(pointer: str, message: str) -> DefinitionProblem:
    return DefinitionProblem(pointer, message, "warning")


def test_a_sound_definition_has_no_problems(model_object: dict[str, Any]) -> None:
    assert lint_definition(parse_definition(model_object)) == []


def test_is_exported_by_the_schema_package() -> None:
    assert schema.lint_definition is lint_definition


def test_parse_problems_come_first_and_once() -> None:
    problems = lint(
        [
            make_input("steps", "number", min="5", max=1),
            make_input("steps", "number"),
            make_input("pose", "vector3", axis="y"),
        ]
    )

    assert problems == [
        error("/inputs/0/min", '"min" must be a number, got "5"'),
        error(
            "/inputs/1/name",
            'duplicate input name "steps"; first defined at /inputs/0; '
            "this one is left out of the form",
        ),
        warning(
            "/inputs/2/type",
            'unknown input type "vector3"; expected one of: boolean, file, file_array, '
            "inputs_array, model, model_array, number, number_array, string, string_array",
        ),
    ]


def test_pointers_index_the_raw_list_past_inputs_the_parser_left_out() -> None:
    problems = lint([42, {"type": "number"}, make_input("steps", "number", min=3, max=1)])

    assert problems[-1] == error(
        "/inputs/2/min", "min 3 is greater than max 1; no value can meet both"
    )


def test_row_fields_of_an_inputs_array_are_checked_where_they_are() -> None:
    row_fields = [make_input("label", "string"), make_input("weight", "number", min=2, max=1)]

    assert lint([make_input("regions", "inputs_array", inputs=row_fields)]) == [
        error("/inputs/0/inputs/1/min", "min 2 is greater than max 1; no value can meet both")
    ]


def test_problems_follow_the_order_of_the_document() -> None:
    model = {
        "uiConfig": {"triggerGenerate": {"label": "Go", "after": "missing"}},
        "inputs": [make_input("steps", "number", default=0, min=5, max=1)],
        "id": "model_test",
    }

    assert [problem.pointer for problem in lint_definition(parse_definition(model))] == [
        "/uiConfig/triggerGenerate/after",
        "/inputs/0/default",
        "/inputs/0/min",
    ]


def test_pointers_are_relative_to_the_model_object_of_a_record() -> None:
    record = {"model": {"id": "model_test", "inputs": [make_input("n", "number", step=0)]}}

    assert lint_definition(parse_definition(record)) == [
        error("/inputs/0/step", "step must be greater than 0, got 0")
    ]


def test_a_definition_that_is_not_an_object_is_one_root_problem() -> None:
    assert lint_definition(parse_definition([])) == [
        error("", "definition must be a JSON object, got a list")
    ]


@pytest.mark.parametrize(
    ("pointer", "position"),
    [
        ("", ()),
        ("/b", (1,)),
        ("/b/1", (1, 1)),
        ("/b/1/x", (1, 1)),
        ("/b/9", (1,)),
        ("/missing", (3,)),
        ("/a~1b", (2,)),
        ("/a", (0,)),
    ],
)
def test_document_position(pointer: str, position: tuple[int, ...]) -> None:
    document = {"a": 1, "b": [0, "x"], "a/b": 2}

    assert document_position(document, pointer) == position
