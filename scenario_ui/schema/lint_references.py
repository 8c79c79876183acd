"""Names that should point at an input of the model, and of the right type."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from scenario_ui.schema.inputs import FileArrayInput, FileInput, InputBase
from scenario_ui.schema.lint_inputs import LocatedInput, input_named, with_article
from scenario_ui.schema.problems import DefinitionProblem, Severity, join_pointer
from scenario_ui.schema.rules import RequiredRules

MASK_SOURCE_TYPES = ("file", "file_array")
# Real records key `when` by implied modes such as `inferenceType`, not only by inputs.
_IMPLIED_MODE_NOTE = " (it may be a mode the API implies)"


def reference_problems(
    name: str,
    pointer: str,
    subject: str,
    inputs: Sequence[InputBase],
    expected_types: tuple[str, ...] = (),
    severity: Severity = "error",
    note: str = "",
) -> list[DefinitionProblem]:
    """`subject "name"` must name one of `inputs`, of one of `expected_types` when given."""
    target = input_named(inputs, name)
    if target is None:
        message = f'{subject} "{name}" names no input{note}; {_options(inputs, expected_types)}'
        return [DefinitionProblem(pointer, message, severity)]
    if not expected_types or target.type in expected_types:
        return []
    wanted = with_article(" or ".join(expected_types))
    message = (
        f'{subject} "{name}" must name {wanted} input; it is {with_article(target.type)} input'
    )
    if any(model_input.type in expected_types for model_input in inputs):
        message += f"; {_options(inputs, expected_types)}"
    return [DefinitionProblem(pointer, message, severity)]


def input_reference_problems(located: LocatedInput) -> list[DefinitionProblem]:
    """`maskFrom` (an error when wrong) and `required` rules (warnings) of one input."""
    model_input, pointer = located.input, located.pointer
    problems: list[DefinitionProblem] = []
    if isinstance(model_input, FileInput | FileArrayInput) and model_input.mask_from is not None:
        problems += reference_problems(
            model_input.mask_from,
            join_pointer(pointer, "maskFrom"),
            "maskFrom",
            located.scope,
            MASK_SOURCE_TYPES,
        )
    if model_input.required is not None:
        problems += _rule_problems(
            model_input.required, join_pointer(pointer, "required"), located.scope
        )
    return problems


def _rule_problems(
    rules: RequiredRules, pointer: str, scope: Sequence[InputBase]
) -> list[DefinitionProblem]:
    # Warnings only: a rule naming a missing input never fires, and a real record has one.
    names_by_rule: list[tuple[tuple[str, ...], Iterable[str]]] = [
        (("ifDefined",), rules.if_defined),
        (("ifNotDefined",), rules.if_not_defined),
        (("conditionalValues",), rules.conditional_values),
        (("conditional", "values"), rules.conditional.values if rules.conditional else {}),
        (("when",), rules.when),
    ]
    problems: list[DefinitionProblem] = []
    for rule_path, names in names_by_rule:
        subject = "required." + ".".join(rule_path)
        note = _IMPLIED_MODE_NOTE if rule_path == ("when",) else ""
        for name in names:
            rule_pointer = join_pointer(pointer, *rule_path, name)
            problems += reference_problems(
                name, rule_pointer, subject, scope, severity="warning", note=note
            )
    return problems


def _options(inputs: Sequence[InputBase], expected_types: tuple[str, ...]) -> str:
    if not expected_types:
        names = [model_input.name for model_input in inputs]
        return f"inputs: {', '.join(names)}" if names else "the model has no inputs"
    kinds = " or ".join(expected_types)
    names = [model_input.name for model_input in inputs if model_input.type in expected_types]
    if not names:
        return f"the model has no {kinds} input"
    return f"{kinds} inputs: {', '.join(names)}"
