"""One row of an `inputs_array` evaluated as a small form of its own.

A row's fields carry their own `default`, `group` and `required` rules (any form:
`always`, `ifDefined`, `ifNotDefined`, `conditionalValues`, `conditional`, `when`);
the rules are evaluated against that row's values only, by the same evaluator as
the form's top-level inputs (`forms.rules`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from scenario_ui.forms.bound import RawData
from scenario_ui.forms.defined import is_defined, same_value
from scenario_ui.forms.fields.base import Field
from scenario_ui.forms.issues import Invalid, Issue
from scenario_ui.forms.rules import Requirement, required_inputs


@dataclass(frozen=True)
class RowState:
    """A row's values by child name, what could not be converted, and what is required."""

    values: dict[str, Any]
    errors: dict[str, str] = field(default_factory=dict)
    required: dict[str, Requirement] = field(default_factory=dict)


def evaluate_row(fields: Sequence[Field], raw: RawData) -> RowState:
    values: dict[str, Any] = {}
    errors: dict[str, str] = {}
    for one in fields:
        try:
            value = one.to_python(one.extract(raw))
        except Invalid as invalid:
            errors[one.spec.name] = invalid.phrase
            continue
        if is_defined(value):
            values[one.spec.name] = value
    return RowState(values, errors, required_inputs(fields, values))


def row_phrases(fields: Sequence[Field], state: RowState) -> list[tuple[Field, str, str | None]]:
    """(field, phrase, the rule's own message) for each problem of the row, in field order."""
    found: list[tuple[Field, str, str | None]] = []
    for one in fields:
        name = one.spec.name
        if name in state.errors:
            found.append((one, state.errors[name], None))
        elif name not in state.values:
            requirement = state.required.get(name)
            if requirement is not None:
                found.append((one, "is required", requirement.message))
        else:
            found += [(one, phrase, None) for phrase in one.validate(state.values[name])]
    return found


def row_issues(fields: Sequence[Field], state: RowState) -> dict[str, list[Issue]]:
    """Each child's issues, by its posted name ("keyframes.1.uri"), to show at the field."""
    issues: dict[str, list[Issue]] = {}
    for one, phrase, message in row_phrases(fields, state):
        issues.setdefault(one.name, []).append(Issue(one.name, phrase, custom_message=message))
    return issues


def holds_only_defaults(fields: Sequence[Field], values: Mapping[str, Any]) -> bool:
    """A row pre-filled with its defaults and nothing more: the person added nothing to it."""
    defaults = {one.spec.name: one.spec.default for one in fields}
    return all(same_value(value, defaults.get(name)) for name, value in values.items())


def with_defaults(fields: Sequence[Field], values: Mapping[str, Any]) -> dict[str, Any]:
    """The row's values, its fields' defaults filling what it leaves out."""
    filled = dict(values)
    for one in fields:
        if one.spec.default is not None and one.spec.name not in filled:
            filled[one.spec.name] = one.spec.default
    return filled
