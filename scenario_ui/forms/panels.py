"""What the uiConfig components show: the resolution picker, LoRA rows, preset pickers."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from scenario_ui.forms import components
from scenario_ui.forms.bound import BoundInput
from scenario_ui.schema import ModelDefinition

BindInput = Callable[[str], BoundInput | None]


@dataclass
class Choice:
    value: str
    label: str
    selected: bool


@dataclass
class ResolutionPanel:
    label: str
    choices: list[Choice]
    width: BoundInput
    height: BoundInput
    is_custom: bool
    consumes: tuple[str, ...]
    kind: str = "resolution"


@dataclass
class LoraRow:
    index: int
    model_id: str
    scale: str


@dataclass
class LorasPanel:
    label: str
    models: BoundInput
    scales: BoundInput
    model_id: BoundInput | None
    rows: list[LoraRow]
    can_add: bool
    consumes: tuple[str, ...]
    kind: str = "loras"


@dataclass
class PresetPanel:
    index: int
    field_labels: list[str]
    choices: list[Choice]
    label: str = "Presets"
    # The preset's fields stay ordinary inputs: the picker only fills them.
    consumes: tuple[str, ...] = ()
    kind: str = "presets"


Panel = ResolutionPanel | LorasPanel | PresetPanel


def resolution_panel(definition: ModelDefinition, bind: BindInput) -> ResolutionPanel | None:
    component = definition.ui_config.resolution_component
    if component is None:
        return None
    width, height = bind(component.width_input), bind(component.height_input)
    if width is None or height is None:
        return None
    choice = (width.raw.get(components.RESOLUTION_CHOICE) or [""])[-1]
    choices = [
        Choice(str(index), preset.label, choice == str(index))
        for index, preset in enumerate(component.presets)
    ]
    choices.append(Choice(components.CUSTOM_RESOLUTION, "Custom size", choice == "custom"))
    return ResolutionPanel(
        label=component.label,
        choices=choices,
        width=width,
        height=height,
        is_custom=choice == components.CUSTOM_RESOLUTION,
        consumes=(component.width_input, component.height_input),
    )


def loras_panel(definition: ModelDefinition, bind: BindInput) -> LorasPanel | None:
    component = definition.ui_config.loras_component
    if component is None:
        return None
    models, scales = bind(component.model_input), bind(component.scale_input)
    if models is None or scales is None:
        return None
    model_id = bind(component.model_id_input) if component.model_id_input else None
    # Blank rows stay: the user just added them and is about to pick a model.
    model_ids = models.raw.get(models.name, [])
    scale_texts = scales.raw.get(scales.name, [])
    # A missing or blank scale is sent as 1 (see `components.align_loras`): show that.
    rows = [
        LoraRow(
            index,
            model,
            scale_texts[index]
            if index < len(scale_texts) and scale_texts[index].strip()
            else components.DEFAULT_LORA_SCALE,
        )
        for index, model in enumerate(model_ids)
    ]
    limit = models.spec_max_length
    consumes = tuple(
        name for name in (models.name, scales.name, model_id and model_id.name) if name
    )
    return LorasPanel(
        label=component.label,
        models=models,
        scales=scales,
        model_id=model_id,
        rows=rows,
        can_add=limit is None or len(rows) < limit,
        consumes=consumes,
    )


def preset_panels(definition: ModelDefinition, raw: dict[str, list[str]]) -> list[PresetPanel]:
    panels = []
    for index, group in enumerate(definition.ui_config.presets):
        chosen = (raw.get(f"{components.PRESET_CHOICE_PREFIX}{index}") or [""])[-1]
        labels = [
            (spec.label or spec.name) if (spec := definition.input_named(name)) else name
            for name in group.fields
        ]
        panels.append(
            PresetPanel(
                index=index,
                field_labels=labels,
                choices=[Choice(name, name, name == chosen) for name in group.presets],
            )
        )
    return panels
