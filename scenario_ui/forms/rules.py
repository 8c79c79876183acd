"""The `required` rules, evaluated: which inputs are required for the current values.

One evaluator drives the asterisk, `required`/`aria-required`, the messages and
submit-time validation, so they can never disagree.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from scenario_ui.forms.defined import is_defined, same_value
from scenario_ui.forms.fields import field_for
from scenario_ui.forms.issues import Invalid
from scenario_ui.schema import InputBase, ModelDefinition, RequiredRules

Values = Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class Requirement:
    """An input is required; `message` is the rule's own wording, if it has one."""

    message: str | None = None


def required_inputs(definition: ModelDefinition, values: Values) -> dict[str, Requirement]:
    """Input name -> why it is required now, for every input that is."""
    inputs = {spec.name: spec for spec in definition.inputs}
    required = {}
    for spec in definition.inputs:
        requirement = requirement_for(spec.required, values, inputs)
        if requirement is not None:
            required[spec.name] = requirement
    return required


def requirement_for(
    rules: RequiredRules | None, values: Values, inputs: Mapping[str, InputBase]
) -> Requirement | None:
    """Whether these rules require their input; any one rule that holds suffices."""
    if rules is None:
        return None
    if rules.always:
        return Requirement()
    for other, rule in rules.if_defined.items():
        if is_defined(values.get(other)):
            return Requirement(rule.message)
    for other, rule in rules.if_not_defined.items():
        if not is_defined(values.get(other)):
            return Requirement(rule.message)
    for other, condition in rules.conditional_values.items():
        if holds_one_of(other, condition.values, values, inputs):
            return Requirement()
    if rules.conditional is not None and rules.conditional.values:
        outcomes = [
            holds_one_of(other, options, values, inputs)
            for other, options in rules.conditional.values.items()
        ]
        if all(outcomes) if rules.conditional.operator == "and" else any(outcomes):
            return Requirement()
    if rules.when and all(
        holds_one_of(other, options, values, inputs) for other, options in rules.when.items()
    ):
        return Requirement()
    return None


def holds_one_of(
    name: str, options: list[Any], values: Values, inputs: Mapping[str, InputBase]
) -> bool:
    """Whether input `name` currently holds one of `options` (any item, for lists).

    Options are coerced to the input's type first, so a rule written as "1" matches
    the number 1. A name the model does not declare (an implied mode such as
    `inferenceType`) is compared as given.
    """
    value = values.get(name)
    if not is_defined(value):
        return False
    spec = inputs.get(name)
    wanted = [_coerce(option, spec) for option in options]
    held = value if isinstance(value, list) else [value]
    return any(same_value(item, option) for item in held for option in wanted)


def _coerce(option: Any, spec: InputBase | None) -> Any:
    if spec is None or not isinstance(option, str):
        return option
    field = field_for(spec)
    try:
        coerced = field.to_python({field.name: [option]})
    except Invalid:
        return option
    # Array fields coerce a single text into a one-item list.
    return coerced[0] if isinstance(coerced, list) and len(coerced) == 1 else coerced
