"""An input's `required` rules in plain words: "Required when Mask is set."

Inputs are named by their labels and values by their select labels, as the form
shows them. Two inputs each required when the other is empty read as "one of".
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from scenario_ui.schema import InputBase, ModelDefinition, RequiredRules

OPTIONAL = "Optional."


class InputIndex:
    """A definition's inputs by name (the first of a repeated name, as the form keeps it)."""

    def __init__(self, definition: ModelDefinition) -> None:
        self.definition = definition
        self._by_name: dict[str, InputBase] = {}
        for spec in definition.inputs:
            self._by_name.setdefault(spec.name, spec)

    def spec(self, name: str) -> InputBase | None:
        return self._by_name.get(name)

    def label(self, name: str) -> str:
        """An input as the form names it: its label, else its name."""
        spec = self._by_name.get(name)
        return (spec.label if spec is not None else None) or name


@dataclass(frozen=True)
class RuleWords:
    summary: str
    # The rules' own messages, shown to users when the rule makes the input required.
    messages: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def describe_rules(inputs: InputIndex, spec: InputBase) -> RuleWords:
    rules = spec.required
    if rules is None or not _has_rule(rules):
        return RuleWords(OPTIONAL)
    if rules.always:
        return RuleWords("Always required.")
    partners = [name for name in rules.if_not_defined if _mirrors(inputs, name, spec.name)]
    clauses = [
        *(f"when {inputs.label(name)} is set" for name in rules.if_defined),
        *(
            f"when {inputs.label(name)} is empty"
            for name in rules.if_not_defined
            if name not in partners
        ),
        *(
            f"when {_listed(inputs, name, condition.values)}"
            for name, condition in rules.conditional_values.items()
        ),
    ]
    if rules.conditional is not None and rules.conditional.values:
        joiner = f" {rules.conditional.operator} "
        listed = [
            _listed(inputs, name, values) for name, values in rules.conditional.values.items()
        ]
        clauses.append("when " + joiner.join(listed))
    if rules.when:
        listed = [_listed(inputs, name, values) for name, values in rules.when.items()]
        clauses.append("when " + " and ".join(listed))
    sentences = []
    if partners:
        names = ", ".join(inputs.label(name) for name in [spec.name, *partners[:-1]])
        sentences.append(f"One of {names} or {inputs.label(partners[-1])} is required.")
    if clauses:
        lead = "Also required " if partners else "Required "
        sentences.append(lead + ", or ".join(clauses) + ".")
    notes = [
        f"{name} is not an input of this model: a mode the API implies, never set by the form."
        for name in rules.when
        if inputs.spec(name) is None
    ]
    messages = [
        rule.message
        for rule in (*rules.if_defined.values(), *rules.if_not_defined.values())
        if rule.message
    ]
    return RuleWords(" ".join(sentences), messages, notes)


def shown_value(inputs: InputIndex, name: str, value: Any) -> str:
    """A value as the form shows it: its select label when it has one."""
    text = value if isinstance(value, str) else json.dumps(value)
    labels = inputs.definition.ui_config.selects.get(name, {})
    label = labels.get(text)
    return f"{label} ({text})" if label and label != text else text


def _listed(inputs: InputIndex, name: str, options: list[Any]) -> str:
    """`Mode is img2img or inpaint`."""
    shown = [shown_value(inputs, name, option) for option in options]
    if not shown:
        return f"{inputs.label(name)} is one of no values (never)"
    values = shown[0] if len(shown) == 1 else f"{', '.join(shown[:-1])} or {shown[-1]}"
    return f"{inputs.label(name)} is {values}"


def _mirrors(inputs: InputIndex, other: str, name: str) -> bool:
    """`other` is required when `name` is empty, as `name` is when `other` is."""
    partner = inputs.spec(other)
    return bool(partner and partner.required and name in partner.required.if_not_defined)


def _has_rule(rules: RequiredRules) -> bool:
    return bool(
        rules.always
        or rules.if_defined
        or rules.if_not_defined
        or rules.conditional_values
        or (rules.conditional and rules.conditional.values)
        or rules.when
    )
