"""Constraints no value can meet, and values (defaults, presets) an input would reject."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from scenario_ui.schema.inputs import (
    FileArrayInput,
    FileInput,
    InputBase,
    InputsArrayInput,
    ModelArrayInput,
    ModelPickerInput,
    NumberArrayInput,
    NumberInput,
    StringArrayInput,
    StringInput,
)
from scenario_ui.schema.lint_inputs import LocatedInput
from scenario_ui.schema.problems import DefinitionProblem, join_pointer
from scenario_ui.schema.scalars import describe_value

NumberBounded = NumberInput | NumberArrayInput
LengthBounded = (
    StringInput
    | StringArrayInput
    | NumberArrayInput
    | FileArrayInput
    | ModelPickerInput
    | ModelArrayInput
    | InputsArrayInput
)
WithAllowedValues = NumberInput | NumberArrayInput | StringInput | StringArrayInput
WithDurations = FileInput | FileArrayInput


@dataclass(frozen=True, slots=True)
class _ValueKind:
    """The JSON type one value (or one array item) of an input must have."""

    singular: str
    plural: str
    accepts: Callable[[object], bool]


def _is_number(value: object) -> bool:
    # bool is an int subclass in Python, but `true` is never a number in JSON.
    return isinstance(value, int | float) and not isinstance(value, bool)


_NUMBER = _ValueKind("a number", "numbers", _is_number)
_STRING = _ValueKind("a string", "strings", lambda value: isinstance(value, str))
_BOOLEAN = _ValueKind("true or false", "booleans", lambda value: isinstance(value, bool))
_OBJECT = _ValueKind("an object", "objects", lambda value: isinstance(value, dict))

# By input type; arrays map to the kind of their items. Unknown types have no entry.
_VALUE_KINDS: dict[str, _ValueKind] = {
    "boolean": _BOOLEAN,
    "number": _NUMBER,
    "string": _STRING,
    "file": _STRING,
    "model": _STRING,
    "number_array": _NUMBER,
    "string_array": _STRING,
    "file_array": _STRING,
    "model_array": _STRING,
    "inputs_array": _OBJECT,
}


def constraint_problems(located: LocatedInput) -> list[DefinitionProblem]:
    """Bounds that contradict each other, and a default the input itself would reject."""
    model_input, pointer = located.input, located.pointer
    problems: list[DefinitionProblem] = []
    if isinstance(model_input, NumberBounded):
        problems += _contradiction(pointer, "min", model_input.min, "max", model_input.max)
        if model_input.step is not None and model_input.step <= 0:
            problems.append(
                _error(
                    join_pointer(pointer, "step"),
                    f"step must be greater than 0, got {describe_value(model_input.step)}",
                )
            )
    if isinstance(model_input, LengthBounded):
        problems += _contradiction(
            pointer, "minLength", model_input.min_length, "maxLength", model_input.max_length
        )
    if isinstance(model_input, WithDurations):
        problems += _contradiction(
            pointer,
            "minDuration",
            model_input.min_duration,
            "maxDuration",
            model_input.max_duration,
        )
    if model_input.default is not None:
        problems += value_problems(
            model_input, model_input.default, join_pointer(pointer, "default"), "default"
        )
    return problems


def value_problems(
    model_input: InputBase, value: object, pointer: str, subject: str
) -> list[DefinitionProblem]:
    """Why `model_input` would reject `value`; `subject` names the value in messages."""
    kind = _VALUE_KINDS.get(model_input.type)
    if kind is None:
        return []
    if not model_input.type.endswith("_array"):
        return _item_problems(model_input, value, pointer, subject, kind)
    if not isinstance(value, list):
        return [
            _error(
                pointer, f"{subject} must be a list of {kind.plural}, got {describe_value(value)}"
            )
        ]
    problems = _length_problems(model_input, len(value), "item", pointer, subject)
    for index, item in enumerate(value):
        problems += _item_problems(
            model_input, item, join_pointer(pointer, index), f"{subject} item {index}", kind
        )
    return problems


def _item_problems(
    model_input: InputBase, value: object, pointer: str, subject: str, kind: _ValueKind
) -> list[DefinitionProblem]:
    if not kind.accepts(value):
        return [_error(pointer, f"{subject} must be {kind.singular}, got {describe_value(value)}")]
    problems: list[DefinitionProblem] = []
    if isinstance(value, str) and isinstance(model_input, StringInput | ModelPickerInput):
        problems += _length_problems(model_input, len(value), "character", pointer, subject)
    if isinstance(value, int | float) and isinstance(model_input, NumberBounded):
        if model_input.min is not None and value < model_input.min:
            reason = f"below min {describe_value(model_input.min)}"
            problems.append(_rejected(model_input, value, pointer, subject, reason))
        if model_input.max is not None and value > model_input.max:
            reason = f"above max {describe_value(model_input.max)}"
            problems.append(_rejected(model_input, value, pointer, subject, reason))
    if isinstance(model_input, WithAllowedValues):
        allowed = model_input.allowed_values
        if allowed and value not in allowed:
            options = ", ".join(describe_value(option) for option in allowed)
            reason = "not an allowed value"
            hint = f"; allowed: {options}"
            problems.append(_rejected(model_input, value, pointer, subject, reason, hint))
    return problems


def _rejected(
    model_input: InputBase, value: object, pointer: str, subject: str, reason: str, hint: str = ""
) -> DefinitionProblem:
    shown = describe_value(value)
    return _error(pointer, f'{subject} is {shown}, {reason} of input "{model_input.name}"{hint}')


def _length_problems(
    model_input: InputBase, length: int, unit: str, pointer: str, subject: str
) -> list[DefinitionProblem]:
    if not isinstance(model_input, LengthBounded):
        return []
    where = f'of input "{model_input.name}"'
    counted = f"{length} {unit}" if length == 1 else f"{length} {unit}s"
    if model_input.max_length is not None and length > model_input.max_length:
        return [
            _error(
                pointer,
                f"{subject} has {counted}, more than maxLength {model_input.max_length} {where}",
            )
        ]
    # An empty value counts as not given, which minLength does not forbid.
    if model_input.min_length is not None and 0 < length < model_input.min_length:
        return [
            _error(
                pointer,
                f"{subject} has {counted}, fewer than minLength {model_input.min_length} {where}",
            )
        ]
    return []


def _contradiction(
    pointer: str, low_name: str, low: float | None, high_name: str, high: float | None
) -> list[DefinitionProblem]:
    if low is None or high is None or low <= high:
        return []
    return [
        _error(
            join_pointer(pointer, low_name),
            f"{low_name} {describe_value(low)} is greater than {high_name} "
            f"{describe_value(high)}; no value can meet both",
        )
    ]


def _error(pointer: str, message: str) -> DefinitionProblem:
    return DefinitionProblem(pointer, message, "error")
