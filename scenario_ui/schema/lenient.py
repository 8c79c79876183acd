"""Validate a piece of a definition, leaving out the fields that fail.

A definition with one bad field should still give a usable form, so instead
of rejecting the whole object the offending field is dropped, reported with
its JSON pointer, and the rest validated again.
"""

from __future__ import annotations

from collections.abc import Mapping

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from scenario_ui.schema.problems import DefinitionProblem, join_pointer
from scenario_ui.schema.scalars import (
    NOT_ONE_OF_ERROR,
    WRONG_VALUE_ERROR,
    describe_value,
)

# What a value of the wrong JSON type should have been, by pydantic error type.
_EXPECTATIONS = {
    "string_type": "must be a string",
    "bool_type": "must be true or false",
    "int_type": "must be a whole number",
    "float_type": "must be a number",
    "list_type": "must be a list",
    "dict_type": "must be an object",
    "model_type": "must be an object",
    "model_attributes_type": "must be an object",
    "dataclass_type": "must be an object",
}


def validate_dropping_invalid_fields[M: BaseModel](
    model: type[M], data: Mapping[str, object], pointer: str
) -> tuple[M | None, list[DefinitionProblem]]:
    """Validate `data` as `model`, dropping each top-level field that fails.

    `pointer` locates `data` in the model object. Returns None only when a
    field the model cannot do without is missing or unusable.
    """
    declared_keys = _declared_keys(model)
    # JSON null reads as "not given", so an optional field set to null is not an error.
    remaining = {
        key: value for key, value in data.items() if not (value is None and key in declared_keys)
    }
    problems: list[DefinitionProblem] = []
    while True:
        try:
            return model.model_validate(remaining), problems
        except ValidationError as error:
            details = error.errors()
        problems.extend(problem_from_error(detail, pointer) for detail in details)
        failed_keys = {detail["loc"][0] if detail["loc"] else None for detail in details}
        droppable_keys = {key for key in failed_keys if isinstance(key, str) and key in remaining}
        # A missing required field or a whole-object error cannot be fixed by dropping.
        if droppable_keys != failed_keys:
            return None, problems
        for key in droppable_keys:
            del remaining[key]


def problem_from_error(error: ErrorDetails, pointer: str) -> DefinitionProblem:
    return DefinitionProblem(
        pointer=join_pointer(pointer, *error["loc"]),
        message=describe_error(error),
        severity="error",
    )


def describe_error(error: ErrorDetails) -> str:
    """A sentence naming the field, what it should be and what it was."""
    subject = _subject(error["loc"])
    error_type = error["type"]
    if error_type == "missing":
        return f"{subject} is required"
    if error_type == NOT_ONE_OF_ERROR:
        context = error.get("ctx", {})
        return (
            f"unknown value {context['got']} for {subject}; expected one of: {context['options']}"
        )
    if error_type == WRONG_VALUE_ERROR:
        return f"{subject} {error['msg']}"
    if error_type in _EXPECTATIONS:
        return f"{subject} {_EXPECTATIONS[error_type]}, got {describe_value(error['input'])}"
    return f"{subject}: {error['msg']}"


def _subject(location: tuple[str | int, ...]) -> str:
    if not location:
        return "value"
    last = location[-1]
    if isinstance(last, str):
        return f'"{last}"'
    container = next((part for part in reversed(location) if isinstance(part, str)), None)
    return f'item {last} of "{container}"' if container else f"item {last}"


def _declared_keys(model: type[BaseModel]) -> set[str]:
    keys = set(model.model_fields)
    keys.update(field.alias for field in model.model_fields.values() if field.alias)
    return keys
