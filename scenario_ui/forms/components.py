"""uiConfig components, on the value side: they map picker state back onto inputs.

The resolution picker posts a choice (a preset index or "custom"); LoRA rows post
index-aligned model ids and scales; a preset picker fills its fields.
"""

from __future__ import annotations

from collections.abc import Iterable

from scenario_ui.forms.fields import FormData, RawData, field_for
from scenario_ui.forms.numbers import format_number, parse_number, snap
from scenario_ui.schema import ModelDefinition, NumberInput

RESOLUTION_CHOICE = "__resolution"
CUSTOM_RESOLUTION = "custom"
PRESET_CHOICE_PREFIX = "__preset_"
APPLY_PRESET = "__apply_preset"
DEFAULT_LORA_SCALE = "1"


def preset_keys(definition: ModelDefinition) -> Iterable[str]:
    return (f"{PRESET_CHOICE_PREFIX}{i}" for i in range(len(definition.ui_config.presets)))


def resolution_choice_for(definition: ModelDefinition, raw: RawData) -> str:
    """Which picker entry shows the current width/height: a matching preset, else custom."""
    component = definition.ui_config.resolution_component
    if component is None:
        return ""
    width = _number(raw.get(component.width_input))
    height = _number(raw.get(component.height_input))
    for index, preset in enumerate(component.presets):
        if preset.width is None and preset.height is None:
            if width is None and height is None:
                return str(index)
        elif (preset.width, preset.height) == (width, height):
            return str(index)
    return CUSTOM_RESOLUTION


def apply_resolution_choice(definition: ModelDefinition, raw: RawData) -> RawData:
    """A preset sets width and height; a label-only preset ("Auto") leaves both out."""
    component = definition.ui_config.resolution_component
    if component is None:
        return raw
    choice = (raw.get(RESOLUTION_CHOICE) or [""])[-1]
    if choice == CUSTOM_RESOLUTION:
        return _snap_custom_size(definition, raw, (component.width_input, component.height_input))
    index = _choice_index(choice, len(component.presets))
    if index is None:
        raw[RESOLUTION_CHOICE] = [resolution_choice_for(definition, raw)]
        return raw
    preset = component.presets[index]
    for name, size in (
        (component.width_input, preset.width),
        (component.height_input, preset.height),
    ):
        if size is None:
            raw.pop(name, None)
        else:
            raw[name] = [format_number(size)]
    return raw


def _snap_custom_size(definition: ModelDefinition, raw: RawData, names: tuple[str, str]) -> RawData:
    """A custom width/height moves to the nearest size the model accepts."""
    for name in names:
        spec = definition.input_named(name)
        value = _number(raw.get(name))
        if value is None or not isinstance(spec, NumberInput):
            continue
        raw[name] = [format_number(snap(value, step=spec.step, low=spec.min, high=spec.max))]
    return raw


def apply_chosen_preset(definition: ModelDefinition, raw: RawData, data: FormData) -> RawData:
    """When the user picked a preset (APPLY_PRESET names its group), fill that group's fields."""
    groups = definition.ui_config.presets
    index = _choice_index((data.get(APPLY_PRESET) or [""])[-1], len(groups))
    if index is None:
        return raw
    group = groups[index]
    name = (data.get(f"{PRESET_CHOICE_PREFIX}{index}") or [""])[-1]
    preset_values = group.presets.get(name)
    if preset_values is None:
        return raw
    filled = []
    for field_name in group.fields:
        spec = definition.input_named(field_name)
        if spec is not None and field_name in preset_values:
            form_field = field_for(spec)
            # An inputs_array posts its rows as "<name>.<row>.<child>": drop those too.
            raw = {
                k: v
                for k, v in raw.items()
                if k != field_name and not k.startswith(f"{field_name}.")
            }
            raw.update(form_field.to_raw(preset_values[field_name]))
            filled.append(field_name)
    resolution = definition.ui_config.resolution_component
    if resolution is not None and {resolution.width_input, resolution.height_input} & {*filled}:
        # Else the picker keeps showing the old entry, and the next post undoes the preset.
        raw[RESOLUTION_CHOICE] = [resolution_choice_for(definition, raw)]
    return raw


def align_loras(definition: ModelDefinition, raw: RawData) -> RawData:
    """Drop LoRA rows without a model; a row without a scale gets 1.0."""
    component = definition.ui_config.loras_component
    if component is None:
        return raw
    models = raw.get(component.model_input, [])
    scales = raw.get(component.scale_input, [])
    rows = [
        (model, scales[i] if i < len(scales) and scales[i].strip() else DEFAULT_LORA_SCALE)
        for i, model in enumerate(models)
        if model.strip()
    ]
    aligned = dict(raw)
    aligned[component.model_input] = [model for model, _ in rows]
    aligned[component.scale_input] = [scale for _, scale in rows]
    return aligned


def _choice_index(choice: str, count: int) -> int | None:
    """A posted index into `count` entries; None for anything else ("custom", "²", "9")."""
    # ASCII only: "²".isdigit() holds, yet int("²") raises.
    if choice.isascii() and choice.isdigit() and int(choice) < count:
        return int(choice)
    return None


def _number(texts: list[str] | None) -> int | float | None:
    if not texts or not texts[-1].strip():
        return None
    try:
        return parse_number(texts[-1])
    except ValueError:
        return None
