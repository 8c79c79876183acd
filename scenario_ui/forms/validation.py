"""Everything wrong with a form's values, input by input, as the API would see it."""

from __future__ import annotations

from dataclasses import dataclass, field

from scenario_ui.forms.fields import Field
from scenario_ui.forms.issues import Issue
from scenario_ui.forms.plan import plan_for
from scenario_ui.forms.rules import Requirement, required_inputs
from scenario_ui.forms.values import FormValues
from scenario_ui.schema import ModelDefinition


@dataclass
class FormState:
    """A form evaluated: what is required now, what is wrong, and the request body."""

    definition: ModelDefinition
    values: FormValues
    required: dict[str, Requirement]
    issues: dict[str, list[Issue]] = field(default_factory=dict)
    # Posted names of controls inside inputs required now ("keyframes.0.uri"): their
    # asterisks follow live updates like the inputs' own.
    required_within: list[str] = field(default_factory=list)

    @property
    def is_valid(self) -> bool:
        return not self.issues

    def all_issues(self) -> list[Issue]:
        return [
            issue for name in self.definition.input_names for issue in self.issues.get(name, [])
        ]


def evaluate(definition: ModelDefinition, values: FormValues) -> FormState:
    plan = plan_for(definition)
    required = required_inputs(plan.fields, values.values)
    state = FormState(
        definition=definition,
        values=values,
        required=required,
        required_within=[n for one in plan.fields for n in one.required_within(values.raw)],
    )
    for name, one in plan.field_named.items():
        issues = _issues_of(one, values, required.get(name))
        if issues:
            state.issues[name] = issues
    return state


def _issues_of(one: Field, values: FormValues, requirement: Requirement | None) -> list[Issue]:
    name = one.name
    if name in values.conversion_errors:
        return [Issue(name, values.conversion_errors[name])]
    value = values.values.get(name)
    if value is None:
        if requirement is None:
            return []
        return [Issue(name, "is required", custom_message=requirement.message)]
    return [Issue(name, phrase) for phrase in one.validate(value)]
