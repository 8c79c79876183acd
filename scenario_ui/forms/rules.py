"""The `required` rules, evaluated: which inputs are required for the current values.

One evaluator drives the asterisk, `required`/`aria-required`, the messages and
submit-time validation, so they can never disagree.

It works on anything that has a `spec` and can `coerce` a rule's option to its
input's type (the input plug-ins of `fields/`), and imports none of them: the
rows of an `inputs_array` can evaluate their own rules with it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from scenario_ui.forms.defined import is_defined, same_value
from scenario_ui.schema import InputBase, RequiredRules

Values = Mapping[str, Any]


class RuledInput(Protocol):
    @property
    def spec(self) -> InputBase: ...

    def coerce(self, option: Any) -> Any:
        """A rule's option as a value of this input ("1" -> 1 on a number input)."""
        ...


@dataclass(frozen=True, slots=True)
class Requirement:
    """An input is required; `message` is the rule's own wording, if it has one."""

    message: str | None = None


def required_inputs(inputs: Iterable[RuledInput], values: Values) -> dict[str, Requirement]:
    """Input name -> why it is required now, for every input that is."""
    listed = list(inputs)
    by_name = {one.spec.name: one for one in listed}
    required = {}
    for one in listed:
        requirement = requirement_for(one.spec.required, values, by_name)
        if requirement is not None:
            required[one.spec.name] = requirement
    return required


def requirement_for(
    rules: RequiredRules | None, values: Values, inputs: Mapping[str, RuledInput]
) -> Requirement | None:
    """Whether these rules require their input; any one rule that holds suffices."""
    if rules is None:
        return None
    if rules.always:
        return Requirement()
    for other, rule in rules.if_defined.items():
        if is_defined(values.get(other)):
            return Requirement(rule.message)
    # A multi-key `ifNotDefined` ({"a": ..., "b": ...}) is read key by key, like `ifDefined`:
    # each key is its own rule, "required when that input is not defined" (the reference's
    # words: "required when another specified input is not defined"), and the first key
    # that holds gives its message. So {"a", "b"} requires this input as soon as either is
    # missing; it does not mean "one of a, b or this" (that is written as mirrored one-key
    # rules on each input, as in real records).
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
    name: str, options: list[Any], values: Values, inputs: Mapping[str, RuledInput]
) -> bool:
    """Whether input `name` currently holds one of `options` (any item, for lists).

    Options are coerced to the input's type first, so a rule written as "1" matches
    the number 1. A name the model does not declare (an implied mode such as
    `inferenceType`) is compared as given.
    """
    value = values.get(name)
    if not is_defined(value):
        return False
    one = inputs.get(name)
    wanted = options if one is None else [one.coerce(option) for option in options]
    held = value if isinstance(value, list) else [value]
    return any(same_value(item, option) for item in held for option in wanted)
