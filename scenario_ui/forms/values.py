"""The values of a form: as typed (for redisplay) and as typed values (for rules and payload).

Three sources give the same `FormValues`: a model's defaults (first render),
submitted form data, and a JSON object of input name -> value (the CLI's
VALUES file, or a job's request to edit and resubmit).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from scenario_ui.forms import components
from scenario_ui.forms.actions import ACTION, Action, Focus, apply_action, focus_after
from scenario_ui.forms.defined import is_defined
from scenario_ui.forms.fields import FormData, RawData, field_for
from scenario_ui.forms.issues import Invalid
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
    raw: RawData = {}
    declared = set(definition.input_names)
    for spec in definition.inputs:
        if spec.name in entries:
            raw.update(field_for(spec).to_raw(entries[spec.name]))
    raw[components.RESOLUTION_CHOICE] = [components.resolution_choice_for(definition, raw)]
    result = _convert(definition, components.align_loras(definition, raw))
    result.unknown_names = [name for name in entries if name not in declared]
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
    raw: RawData = {}
    for spec in definition.inputs:
        raw.update(field_for(spec).extract(data))
    for key in (components.RESOLUTION_CHOICE, *components.preset_keys(definition)):
        if key in data:
            raw[key] = list(data[key])
    raw = components.apply_resolution_choice(definition, raw)
    raw = components.apply_chosen_preset(definition, raw, data)
    action = Action.parse((data.get(ACTION) or [""])[-1])
    if action is not None:
        # Reshaping keeps blank LoRA rows on screen, so they are not aligned away.
        reshaped = apply_action(definition, raw, action)
        result = _convert(definition, reshaped)
        result.focus = focus_after(definition, reshaped, action)
    else:
        result = _convert(definition, components.align_loras(definition, raw))
    _attach_uploads(definition, result, uploads or {})
    return result


def _attach_uploads(
    definition: ModelDefinition, result: FormValues, uploads: Mapping[str, list[Upload]]
) -> None:
    for name, files in uploads.items():
        spec = definition.input_named(name)
        if spec is None or not files or spec.type not in ("file", "file_array"):
            continue
        result.conversion_errors.pop(name, None)
        if spec.type == "file":
            result.values[name] = files[0]
        else:
            result.values[name] = [*result.values.get(name, []), *files]


def _convert(definition: ModelDefinition, raw: RawData) -> FormValues:
    values: dict[str, Any] = {}
    errors: dict[str, str] = {}
    for spec in definition.inputs:
        form_field = field_for(spec)
        try:
            value = form_field.to_python(form_field.extract(raw))
        except Invalid as invalid:
            errors[spec.name] = invalid.phrase
            continue
        if is_defined(value):
            values[spec.name] = value
    return FormValues(raw=raw, values=values, conversion_errors=errors)
