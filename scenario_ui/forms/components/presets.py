"""`presets`: a picker per preset group that fills the group's fields with named values.

The fields stay ordinary inputs (the picker consumes none of them); the picker
sits just before the first of them. Choosing a preset posts `__apply_preset`
with the group's index, which redraws the form with the values filled in.
"""

from __future__ import annotations

import json

from scenario_ui.forms.bound import RawData, RenderOptions
from scenario_ui.forms.components.base import Bound, Component, Fields
from scenario_ui.forms.fields import Field, FormData
from scenario_ui.forms.html import esc
from scenario_ui.forms.nodes import Node
from scenario_ui.forms.widgets import Option
from scenario_ui.forms.widgets.base import option_tags
from scenario_ui.schema import ModelDefinition, PresetGroup

PRESET_CHOICE_PREFIX = "__preset_"
APPLY_PRESET = "__apply_preset"


class Presets(Component):
    reshaping_keys = (APPLY_PRESET,)

    def __init__(self, index: int, group: PresetGroup, fields: dict[str, Field]) -> None:
        self.index = index
        self.group = group
        # The group's fields the model declares, by name.
        self.fields = fields
        self.precedes = tuple(group.fields)
        self.choice_key = f"{PRESET_CHOICE_PREFIX}{index}"

    @classmethod
    def of(cls, definition: ModelDefinition, fields: Fields) -> list[Component]:
        return [
            cls(index, group, {name: fields[name] for name in group.fields if name in fields})
            for index, group in enumerate(definition.ui_config.presets)
        ]

    def read_posted(self, raw: RawData, data: FormData, filled: set[str]) -> RawData:
        if self.choice_key in data:
            raw[self.choice_key] = list(data[self.choice_key])
        return self.fill_chosen(raw, data, filled)

    def fill_chosen(self, raw: RawData, data: FormData, filled: set[str]) -> RawData:
        """When the user picked one of this group's presets, fill the group's fields."""
        applied = (data.get(APPLY_PRESET) or [""])[-1]
        # ASCII only: "²".isdigit() holds, yet int("²") raises.
        if not (applied.isascii() and applied.isdigit() and int(applied) == self.index):
            return raw
        name = (data.get(self.choice_key) or [""])[-1]
        preset_values = self.group.presets.get(name)
        if preset_values is None:
            return raw
        for field_name in self.group.fields:
            field = self.fields.get(field_name)
            if field is not None and field_name in preset_values:
                # An inputs_array posts its rows as "<name>.<row>.<child>": drop those too.
                raw = {
                    key: texts
                    for key, texts in raw.items()
                    if key != field_name and not key.startswith(f"{field_name}.")
                }
                raw.update(field.to_raw(preset_values[field_name]))
                filled.add(field_name)
        return raw

    def node(self, bound: Bound, raw: RawData) -> Node:
        chosen = (raw.get(self.choice_key) or [""])[-1]
        return PresetsNode(
            index=self.index,
            field_labels=[
                (field.spec.label or field.spec.name) if (field := self.fields.get(name)) else name
                for name in self.group.fields
            ],
            choices=[Option(name, name, name == chosen) for name in self.group.presets],
        )


class PresetsNode(Node):
    kind = "presets"

    def __init__(self, *, index: int, field_labels: list[str], choices: list[Option]) -> None:
        self.index = index
        self.field_labels = field_labels
        self.choices = choices

    @property
    def label(self) -> str:
        return "Presets"

    def render(self, options: RenderOptions) -> str:
        picker_id = f"preset-choice-{self.index}"
        apply = esc(json.dumps({APPLY_PRESET: str(self.index)}))
        return (
            '<div class="panel panel--inline" data-component="presets"><div class="field">'
            f'<label class="field__label" for="{picker_id}">Preset</label>'
            f'<p class="field__description" id="{picker_id}-description">Fills '
            f"{esc(', '.join(self.field_labels))}.</p>"
            f'<select id="{picker_id}" name="{PRESET_CHOICE_PREFIX}{self.index}" '
            f'aria-describedby="{picker_id}-description" hx-post="{esc(options.live_url)}" '
            f'hx-vals="{apply}" hx-trigger="change consume" hx-target="#model-form" '
            f'hx-swap="outerHTML"><option value="">Choose a preset…</option>'
            f"{option_tags(self.choices)}</select>"
            '<noscript><button type="submit" class="button button--small" '
            f'name="{APPLY_PRESET}" value="{self.index}">Apply preset</button></noscript>'
            "</div></div>"
        )
