"""Buttons that change the shape of a form without submitting it.

Adding, removing and moving list items, LoRA rows and inputs_array rows are
posted as `__action=<verb>:<input>[:<index>]`, by htmx or, with JavaScript
off, by a plain submit; either way the server re-renders the form.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from scenario_ui.forms.components import APPLY_PRESET, DEFAULT_LORA_SCALE, RESOLUTION_CHOICE
from scenario_ui.forms.fields import FormData, RawData, field_for
from scenario_ui.forms.fields.arrays import InputsArrayField
from scenario_ui.schema import ModelDefinition

ACTION = "__action"
# "refresh" only re-renders: with JavaScript off, it shows what a picker change implies.
VERBS = ("add", "remove", "up", "down", "refresh")


@dataclass(frozen=True)
class Action:
    verb: str
    input_name: str
    index: int | None = None

    @classmethod
    def parse(cls, text: str) -> Action | None:
        parts = text.split(":")
        if len(parts) not in (2, 3) or parts[0] not in VERBS:
            return None
        digits = parts[2] if len(parts) == 3 else ""
        # isdigit() alone admits "²", which int() refuses.
        index = int(digits) if digits.isascii() and digits.isdigit() else None
        return cls(verb=parts[0], input_name=parts[1], index=index)


def reshapes(data: FormData, trigger_name: str | None = None) -> bool:
    """Whether a control asked to change the form's shape rather than to submit it.

    Row buttons and preset pickers post their own key; the size picker is known by
    the name htmx reports for it (`trigger_name`, HX-Trigger-Name).
    """
    return ACTION in data or APPLY_PRESET in data or trigger_name == RESOLUTION_CHOICE


@dataclass(frozen=True)
class Focus:
    """Where keyboard focus goes after an action: item `index` of input `name`."""

    name: str
    index: int


def focus_after(definition: ModelDefinition, raw: RawData, action: Action) -> Focus | None:
    """The added item, the moved item at its new place, or the item before a removed one."""
    spec = definition.input_named(action.input_name)
    if spec is None or action.verb == "refresh":
        return None
    form_field = field_for(spec)
    count = (
        len(form_field.row_indexes(raw))
        if isinstance(form_field, InputsArrayField)
        else len(raw.get(action.input_name, []))
    )
    if count == 0:
        return None
    if action.verb == "add" or action.index is None:
        index = count - 1
    else:
        index = action.index + {"remove": -1, "up": -1, "down": 1}[action.verb]
    return Focus(action.input_name, min(max(index, 0), count - 1))


def apply_action(definition: ModelDefinition, raw: RawData, action: Action) -> RawData:
    spec = definition.input_named(action.input_name)
    if spec is None or action.verb == "refresh":
        return raw
    form_field = field_for(spec)
    if isinstance(form_field, InputsArrayField):
        return _reshape_rows(form_field, raw, action)
    changed = dict(raw)
    loras = definition.ui_config.loras_component
    if loras is not None and action.input_name == loras.model_input:
        # Scales move with their models: pad the scales so every model has one.
        models = list(raw.get(loras.model_input, []))
        scales = list(raw.get(loras.scale_input, []))
        scales += [DEFAULT_LORA_SCALE] * (len(models) - len(scales))
        changed[loras.model_input] = _reshaped(models, action, "")
        changed[loras.scale_input] = _reshaped(scales[: len(models)], action, DEFAULT_LORA_SCALE)
        return changed
    changed[action.input_name] = _reshaped(list(raw.get(action.input_name, [])), action, "")
    return changed


def _reshaped[T](items: list[T], action: Action, blank: T) -> list[T]:
    index = action.index
    if action.verb == "add":
        return [*items, blank]
    if index is None or index >= len(items):
        return items
    if action.verb == "remove":
        return items[:index] + items[index + 1 :]
    target = index - 1 if action.verb == "up" else index + 1
    if 0 <= target < len(items):
        items[index], items[target] = items[target], items[index]
    return items


def _reshape_rows(form_field: InputsArrayField, raw: RawData, action: Action) -> RawData:
    """Rows are renumbered 0..n-1 in their new order."""
    prefix = re.compile(rf"^{re.escape(form_field.name)}\.(\d+)\.(.+)$")
    rows: dict[int, RawData] = {}
    rest: RawData = {}
    for key, values in raw.items():
        match = prefix.match(key)
        if match:
            rows.setdefault(int(match.group(1)), {})[match.group(2)] = values
        else:
            rest[key] = values
    ordered = [rows[index] for index in sorted(rows)]
    for position, row in enumerate(_reshaped(ordered, action, {})):
        rest[form_field.row_marker(position)] = ["1"]
        for child, values in row.items():
            rest[f"{form_field.name}.{position}.{child}"] = values
    return rest
