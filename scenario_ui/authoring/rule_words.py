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


@dataclass(frozen=True)
class RuleWords:
    summary: str
    # The rules' own messages, shown to users when the rule makes the input required.
    messages: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def describe_rules(definition: ModelDefinition, spec: InputBase) -> RuleWords:
    rules = spec.required
    if rules is None or not _has_rule(rules):
        return RuleWords(OPTIONAL)
    if rules.always:
        return RuleWords("Always required.")
    partners = [name for name in rules.if_not_defined if _mirrors(definition, name, spec.name)]
    clauses = [
        *(f"when {label_of(definition, name)} is set" for name in rules.if_defined),
        *(
            f"when {label_of(definition, name)} is empty"
            for name in rules.if_not_defined
            if name not in partners
        ),
        *(
            f"when {_listed(definition, name, condition.values)}"
            for name, condition in rules.conditional_values.items()
        ),
    ]
    if rules.conditional is not None and rules.conditional.values:
        joiner = f" {rules.conditional.operator} "
        listed = [
            _listed(definition, name, values) for name, values in rules.conditional.values.items()
        ]
        clauses.append("when " + joiner.join(listed))
    if rules.when:
        listed = [_listed(definition, name, values) for name, values in rules.when.items()]
        clauses.append("when " + " and ".join(listed))
    sentences = []
    if partners:
        names = ", ".join(label_of(definition, name) for name in [spec.name, *partners[:-1]])
        sentences.append(f"One of {names} or {label_of(definition, partners[-1])} is required.")
    if clauses:
        lead = "Also required " if partners else "Required "
        sentences.append(lead + ", or ".join(clauses) + ".")
    notes = [
        f"{name} is not an input of this model: a mode the API implies, never set by the form."
        for name in rules.when
        if definition.input_named(name) is None
    ]
    messages = [
        rule.message
        for rule in (*rules.if_defined.values(), *rules.if_not_defined.values())
        if rule.message
    ]
    return RuleWords(" ".join(sentences), messages, notes)


def label_of(definition: ModelDefinition, name: str) -> str:
    spec = definition.input_named(name)
    return (spec.label if spec is not None else None) or name


def shown_value(definition: ModelDefinition, name: str, value: Any) -> str:
    """A value as the form shows it: its select label when it has one."""
    text = value if isinstance(value, str) else json.dumps(value)
    labels = definition.ui_config.selects.get(name, {})
    label = labels.get(text)
    return f"{label} ({text})" if label and label != text else text


def _listed(definition: ModelDefinition, name: str, options: list[Any]) -> str:
    """`Mode is img2img or inpaint`."""
    shown = [shown_value(definition, name, option) for option in options]
    if not shown:
        return f"{label_of(definition, name)} is one of no values (never)"
    values = shown[0] if len(shown) == 1 else f"{', '.join(shown[:-1])} or {shown[-1]}"
    return f"{label_of(definition, name)} is {values}"


def _mirrors(definition: ModelDefinition, other: str, name: str) -> bool:
    """`other` is required when `name` is empty, as `name` is when `other` is."""
    partner = definition.input_named(other)
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
