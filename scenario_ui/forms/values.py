"""The values of a form: as typed (for redisplay) and as typed values (for rules and payload).

Three sources give the same `FormValues`: a model's defaults (first render),
submitted form data, and a JSON object of input name -> value (the CLI's
VALUES file, or a job's request to edit and resubmit).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from scenario_ui.forms.actions import ACTION, Action, Focus
from scenario_ui.forms.bound import RawData
from scenario_ui.forms.defined import is_defined
from scenario_ui.forms.fields import FormData
from scenario_ui.forms.issues import Invalid
from scenario_ui.forms.plan import FormPlan, plan_for
from scenario_ui.forms.uploads import Upload
from scenario_ui.schema import ModelDefinition


@dataclass
class FormValues:
    raw: RawData
    values: dict[str, Any]
    # Input name -> why what was typed is not a value (kept in `raw` for redisplay).
    conversion_errors: dict[str, str] = field(default_factory=dict)
    # Names given in a JSON object that the model does not declare.
    unknown_names: list[str] = field(default_factory=list)
    # After a button reshaped the form, the control that should take keyboard focus.
    focus: Focus | None = None

    def raw_for(self, name: str) -> list[str]:
        return self.raw.get(name, [])


def initial_values(definition: ModelDefinition) -> FormValues:
    """The first render: every input's default."""
    defaults = {spec.name: spec.default for spec in definition.inputs if spec.default is not None}
    return values_from_json(definition, defaults)


def values_from_json(definition: ModelDefinition, entries: Mapping[str, Any]) -> FormValues:
    """Values given as JSON, components' inputs by their own names."""
    plan = plan_for(definition)
    raw: RawData = {}
    for one in plan.fields:
        if one.name in entries:
            raw.update(one.to_raw(entries[one.name]))
    # Every input was given from outside: the pickers show what the values are.
    raw = plan.settle(plan.refresh(raw, plan.field_named))
    result = _convert(plan, raw)
    result.unknown_names = [name for name in entries if name not in plan.field_named]
    return result


def values_from_data(
    definition: ModelDefinition,
    data: FormData,
    uploads: Mapping[str, list[Upload]] | None = None,
) -> FormValues:
    """Submitted form data: component pickers resolved, a chosen preset applied.

    `uploads` maps a file input's name to the files chosen for it: one replaces a
    `file` input's asset id, several are added to a `file_array`.
    """
    plan = plan_for(definition)
    raw: RawData = {}
    for one in plan.fields:
        raw.update(one.extract(data))
    raw = plan.read_posted(raw, data)
    action = Action.parse((data.get(ACTION) or [""])[-1])
    if action is not None:
        # Reshaping keeps blank LoRA rows on screen, so they are not settled away.
        reshaped = plan.reshape(raw, action)
        result = _convert(plan, reshaped)
        result.focus = plan.focus_after(reshaped, action)
    else:
        result = _convert(plan, plan.settle(raw))
    _attach_uploads(plan, result, uploads or {})
    return result


def _attach_uploads(
    plan: FormPlan, result: FormValues, uploads: Mapping[str, list[Upload]]
) -> None:
    for name, files in uploads.items():
        one = plan.field_named.get(name)
        if one is None or not files or not one.takes_uploads:
            continue
        result.conversion_errors.pop(name, None)
        result.values[name] = one.with_uploads(result.values.get(name), files)


def _convert(plan: FormPlan, raw: RawData) -> FormValues:
    values: dict[str, Any] = {}
    errors: dict[str, str] = {}
    for one in plan.fields:
        try:
            value = one.to_python(raw)
        except Invalid as invalid:
            errors[one.name] = invalid.phrase
            continue
        if is_defined(value):
            values[one.name] = value
    return FormValues(raw=raw, values=values, conversion_errors=errors)
