"""`lorasComponent`: rows of a LoRA and its scale, standing for two index-aligned inputs.

`modelInput` (a model_array) and `scaleInput` (a number_array) are posted as
two lists, one entry per row; a row without a scale is sent with 1. The
optional `modelIdInput` (a model: a composition or a single LoRA) is drawn
at the top of the panel. Every control goes through its input's `BoundInput`,
so the rows carry `required`/`aria-required`, `aria-invalid` and the inputs'
descriptions like any other control.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from scenario_ui.forms.actions import Action, reshaped
from scenario_ui.forms.bound import BoundInput, RawData, RenderOptions
from scenario_ui.forms.components.base import Bound, Component, Fields
from scenario_ui.forms.fields import Field
from scenario_ui.forms.html import esc
from scenario_ui.forms.nodes import Node
from scenario_ui.forms.widgets.base import (
    add_button,
    has_slider,
    item_buttons,
    item_suffix,
    limit_note,
    number_attrs,
)
from scenario_ui.forms.widgets.controls import model_search
from scenario_ui.schema import LorasComponent as LorasConfig
from scenario_ui.schema import ModelDefinition

DEFAULT_LORA_SCALE = "1"


@dataclass(frozen=True)
class LoraRow:
    index: int
    model_id: str
    scale: str


class Loras(Component):
    def __init__(
        self, config: LorasConfig, models: Field, scales: Field, model_id: Field | None
    ) -> None:
        self.config = config
        self.models = models
        self.scales = scales
        self.model_id = model_id
        self.consumes = tuple(
            field.name for field in (models, scales, model_id) if field is not None
        )

    @classmethod
    def of(cls, definition: ModelDefinition, fields: Fields) -> list[Component]:
        config = definition.ui_config.loras_component
        if config is None:
            return []
        models, scales = fields.get(config.model_input), fields.get(config.scale_input)
        if models is None or scales is None:
            return []
        model_id = fields.get(config.model_id_input) if config.model_id_input else None
        return [cls(config, models, scales, model_id)]

    def settle(self, raw: RawData) -> RawData:
        """Drop LoRA rows without a model; a row without a scale gets 1.0."""
        models = raw.get(self.models.name, [])
        scales = raw.get(self.scales.name, [])
        rows = [
            (model, scales[i] if i < len(scales) and scales[i].strip() else DEFAULT_LORA_SCALE)
            for i, model in enumerate(models)
            if model.strip()
        ]
        aligned = dict(raw)
        aligned[self.models.name] = [model for model, _ in rows]
        aligned[self.scales.name] = [scale for _, scale in rows]
        return aligned

    def reshape(self, raw: RawData, action: Action) -> RawData | None:
        """Scales move with their models: pad the scales so every model has one."""
        if action.input_name != self.models.name:
            return None
        models = list(raw.get(self.models.name, []))
        scales = list(raw.get(self.scales.name, []))
        scales += [DEFAULT_LORA_SCALE] * (len(models) - len(scales))
        changed = dict(raw)
        changed[self.models.name] = reshaped(models, action, "")
        changed[self.scales.name] = reshaped(scales[: len(models)], action, DEFAULT_LORA_SCALE)
        return changed

    def node(self, bound: Bound, raw: RawData) -> Node:
        models = bound[self.models.name]
        # Blank rows stay: the user just added them and is about to pick a model.
        scale_texts = raw.get(self.scales.name, [])
        # A missing or blank scale is sent as 1 (see `settle`): show that.
        rows = [
            LoraRow(
                index,
                model,
                scale_texts[index]
                if index < len(scale_texts) and scale_texts[index].strip()
                else DEFAULT_LORA_SCALE,
            )
            for index, model in enumerate(raw.get(self.models.name, []))
        ]
        limit = models.spec_max_length
        return LorasNode(
            label=self.config.label,
            models=models,
            scales=bound[self.scales.name],
            model_id=bound[self.model_id.name] if self.model_id is not None else None,
            rows=rows,
            can_add=limit is None or len(rows) < limit,
        )


class LorasNode(Node):
    kind = "loras"

    def __init__(
        self,
        *,
        label: str,
        models: BoundInput,
        scales: BoundInput,
        model_id: BoundInput | None,
        rows: list[LoraRow],
        can_add: bool,
    ) -> None:
        self._label = label
        self.models = models
        self.scales = scales
        self.model_id = model_id
        self.rows = rows
        self.can_add = can_add

    @property
    def label(self) -> str:
        return self._label

    def bound_inputs(self) -> Sequence[BoundInput]:
        return [b for b in (self.models, self.scales, self.model_id) if b is not None]

    def render(self, options: RenderOptions) -> str:
        models, scales = self.models, self.scales
        rows = "".join(self._row(row, options) for row in self.rows) or (
            '<li class="lora-rows__empty">No LoRA yet.</li>'
        )
        more = (
            add_button(options, models, noun="LoRA")
            if self.can_add
            else limit_note(models.spec_max_length, "LoRAs")
        )
        required = ' data-required="true"' if models.is_required else ""
        model_id = self.model_id.render(options) if self.model_id is not None else ""
        return (
            f'<fieldset class="panel" data-component="loras"><legend class="group__legend">'
            f"{esc(self._label)}</legend>{model_id}"
            f'<div class="field" data-input="{esc(models.name)}" '
            f'data-input-type="{esc(models.input_type)}"{required}>'
            f"{models.presentation.description_html}"
            f'{scales.presentation.description_html}<ol class="lora-rows">{rows}</ol>'
            f'<datalist id="{models.html_id}-options"></datalist>{more}'
            f"{models.error_html()}{scales.error_html()}</div></fieldset>"
        )

    def _row(self, row: LoraRow, options: RenderOptions) -> str:
        models, scales = self.models, self.scales
        suffix = item_suffix(row.index)
        bounds = number_attrs(scales.spec)
        scale = esc(row.scale)
        slider = (
            f'<input type="range" class="number-field__slider" value="{scale}" {bounds} '
            f'data-mirror="{scales.html_id}{suffix}" aria-hidden="true" tabindex="-1">'
            if has_slider(scales.spec)
            else ""
        )
        search = model_search(
            models,
            options,
            row.model_id,
            row.index,
            placeholder="Search LoRAs by name",
            named=False,
        )
        buttons = item_buttons(
            options, target=models.name, index=row.index, count=len(self.rows), noun="LoRA"
        )
        return (
            f'<li class="lora-row"><div class="lora-row__model">'
            f'<label class="field__label" for="{models.html_id}{suffix}">LoRA {row.index + 1}'
            f"</label>{search}</div>"
            f'<div class="lora-row__scale"><label class="field__label" '
            f'for="{scales.html_id}{suffix}">Scale</label><div class="number-field">'
            f'<input type="number" name="{esc(scales.name)}" value="{scale}" inputmode="decimal" '
            f"{bounds} {scales.control_attrs(suffix)}>{slider}</div></div>"
            f"{buttons}</li>"
        )
