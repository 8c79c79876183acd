"""Checks for the mistakes model authors make by hand, beyond what parsing catches.

A default off its input's step, a list's `maxLength` written as a character
count, an `inputs_array` with no row fields, a field on an input type that
ignores it, and numbers the API cannot hold (JSON numbers are 64-bit floats).
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation
from typing import Any

from scenario_ui.schema.inputs import (
    INPUT_TYPES,
    InputsArrayInput,
    NumberArrayInput,
    NumberInput,
    input_class_for_type,
)
from scenario_ui.schema.lint_inputs import LocatedInput, with_article
from scenario_ui.schema.problems import DefinitionProblem, join_pointer
from scenario_ui.schema.scalars import describe_value

# Real lists hold at most ten items; a bigger `maxLength` on a list is a character count.
MOST_LIKELY_ITEMS = 100
REAL_MOST_ITEMS = 10
# The largest integer a 64-bit float (a JSON number in JavaScript) holds exactly.
LARGEST_EXACT_INTEGER = 2**53


def authoring_problems(located: LocatedInput) -> list[DefinitionProblem]:
    """What this input gets wrong in ways only an author's slip explains."""
    model_input, pointer = located.input, located.pointer
    problems: list[DefinitionProblem] = []
    if isinstance(model_input, NumberInput | NumberArrayInput):
        problems += _off_step_default(model_input, pointer)
    max_length = getattr(model_input, "max_length", None)
    if model_input.type.endswith("_array") and max_length and max_length > MOST_LIKELY_ITEMS:
        problems.append(
            DefinitionProblem(
                join_pointer(pointer, "maxLength"),
                f"maxLength counts items on {with_article(model_input.type)} input, not "
                f"characters: {max_length} items is more than a form can show "
                f"(real lists allow at most {REAL_MOST_ITEMS})",
                "warning",
            )
        )
    if isinstance(model_input, InputsArrayInput) and not model_input.inputs:
        problems.append(
            DefinitionProblem(
                join_pointer(pointer, "inputs"),
                f'inputs_array "{model_input.name}" has no "inputs", the fields of one row: '
                "every row would be empty",
                "error",
            )
        )
    return problems


def misplaced_field_message(key: str, input_type: str) -> str | None:
    """Why a field of other input types does nothing here; None for a key no type has."""
    takers = [
        other
        for other in INPUT_TYPES
        if other != input_type and key in _declared_keys(input_class_for_type(other))
    ]
    if not takers:
        return None
    listed = takers[0] if len(takers) == 1 else f"{', '.join(takers[:-1])} and {takers[-1]}"
    return (
        f'"{key}" has no effect on {with_article(input_type)} input; only {listed} inputs take it'
    )


def unrepresentable_numbers(document: Any, pointer: str = "") -> list[DefinitionProblem]:
    """Numbers anywhere in the definition that a JSON number cannot hold as written."""
    problems: list[DefinitionProblem] = []
    for where, number in _numbers(document, pointer):
        if isinstance(number, float) and not math.isfinite(number):
            problems.append(
                DefinitionProblem(
                    where,
                    f"{describe_value(number)} is not a number JSON can carry "
                    "(too large, or not a number at all)",
                    "error",
                )
            )
        elif isinstance(number, int) and abs(number) > LARGEST_EXACT_INTEGER:
            try:
                stored = float(number)
            except OverflowError:
                problems.append(
                    DefinitionProblem(
                        where,
                        f"a {len(str(abs(number)))}-digit number is too large for the API "
                        "(beyond a 64-bit float)",
                        "error",
                    )
                )
                continue
            problems.append(
                DefinitionProblem(
                    where,
                    f"{number} is larger than 2^53: the API reads it as {stored:.17g}",
                    "warning",
                )
            )
    return problems


def _off_step_default(
    model_input: NumberInput | NumberArrayInput, pointer: str
) -> list[DefinitionProblem]:
    step, default = model_input.step, model_input.default
    if not step or step <= 0 or default is None:
        return []
    origin = model_input.min if model_input.min is not None else 0
    items = default if isinstance(default, list) else [default]
    problems = []
    for index, item in enumerate(items):
        if not _is_number(item) or _on_grid(item, step, origin):
            continue
        where = join_pointer(pointer, "default", *([index] if isinstance(default, list) else []))
        problems.append(
            DefinitionProblem(
                where,
                f"default {describe_value(item)} is off the step of input "
                f'"{model_input.name}": values go from {describe_value(origin)} in steps '
                f"of {describe_value(step)}",
                "error",
            )
        )
    return problems


def _on_grid(value: float, step: float, origin: float) -> bool:
    try:
        steps = (Decimal(str(value)) - Decimal(str(origin))) / Decimal(str(step))
    except (InvalidOperation, ArithmeticError):
        # A value too large for the check is reported as such elsewhere.
        return True
    return steps == steps.to_integral_value()


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _numbers(document: Any, pointer: str) -> Iterator[tuple[str, int | float]]:
    """Numbers JSON may not hold as written, with their pointers.

    A stack, not recursion: a definition may be nested deeper than Python recurses.
    Paths stay (parent, key) links until a number needs its pointer: most never do.
    """
    if isinstance(document, int | float) and not _plainly_representable(document):
        yield pointer, document
    pending: list[tuple[_Path, Any]] = [(None, document)]
    while pending:
        path, node = pending.pop()
        if not isinstance(node, dict | list):
            continue
        for key, value in node.items() if isinstance(node, dict) else enumerate(node):
            # `type`, not isinstance: quicker over thousands of values, and true and
            # false (bools are ints to isinstance) are no numbers here.
            kind = type(value)
            if kind is dict or kind is list:
                pending.append(((path, key), value))
            elif (kind is int or kind is float) and not _plainly_representable(value):
                yield _pointer(pointer, (path, key)), value


type _Path = tuple[_Path, str | int] | None


def _plainly_representable(number: int | float) -> bool:
    if isinstance(number, float):
        return math.isfinite(number)
    return abs(number) <= LARGEST_EXACT_INTEGER


def _pointer(base: str, path: _Path) -> str:
    tokens: list[str | int] = []
    while path is not None:
        path, token = path
        tokens.append(token)
    return join_pointer(base, *reversed(tokens))


def _declared_keys(model_class: type[Any]) -> set[str]:
    return {info.alias or name for name, info in model_class.model_fields.items()}
