"""`uiConfig` checks: every name it uses is an input of the right type, every value fits."""

from __future__ import annotations

from collections.abc import Sequence

from scenario_ui.schema.inputs import InputBase, NumberInput
from scenario_ui.schema.lint_inputs import input_named
from scenario_ui.schema.lint_references import reference_problems
from scenario_ui.schema.lint_values import WithAllowedValues, value_problems
from scenario_ui.schema.problems import DefinitionProblem, join_pointer
from scenario_ui.schema.scalars import describe_value
from scenario_ui.schema.ui_config import (
    LorasComponent,
    PresetGroup,
    ResolutionComponent,
    TriggerGenerate,
    UiConfig,
)

_POINTER = "/uiConfig"


def ui_config_problems(ui_config: UiConfig, inputs: Sequence[InputBase]) -> list[DefinitionProblem]:
    """What `uiConfig` gets wrong about the model's inputs."""
    problems: list[DefinitionProblem] = []
    for name in ui_config.input_properties:
        pointer = join_pointer(_POINTER, "inputProperties", name)
        problems += reference_problems(name, pointer, "inputProperties", inputs)
    problems += _selects_problems(ui_config.selects, inputs)
    for index, group in enumerate(ui_config.presets):
        problems += _preset_group_problems(group, join_pointer(_POINTER, "presets", index), inputs)
    if ui_config.resolution_component is not None:
        problems += _resolution_problems(ui_config.resolution_component, inputs)
    if ui_config.loras_component is not None:
        problems += _loras_problems(ui_config.loras_component, inputs)
    if ui_config.trigger_generate is not None:
        problems += _trigger_problems(ui_config.trigger_generate, inputs)
    return problems


def _selects_problems(
    selects: dict[str, dict[str, str]], inputs: Sequence[InputBase]
) -> list[DefinitionProblem]:
    # Warnings only: real records label inputs they do not have, and an unused
    # label changes nothing in the form.
    problems: list[DefinitionProblem] = []
    for name, labels in selects.items():
        pointer = join_pointer(_POINTER, "selects", name)
        problems += reference_problems(name, pointer, "selects", inputs, severity="warning")
        target = input_named(inputs, name)
        if not isinstance(target, WithAllowedValues):
            continue
        allowed = target.allowed_values
        if not allowed:
            continue
        options = ", ".join(describe_value(option) for option in allowed)
        for key in labels:
            if not any(_labels_value(key, option) for option in allowed):
                problems.append(
                    DefinitionProblem(
                        join_pointer(pointer, key),
                        f'selects labels "{key}", which is not an allowed value of input '
                        f'"{name}"; allowed: {options}',
                        "warning",
                    )
                )
    return problems


def _labels_value(key: str, value: str | float) -> bool:
    """Select keys are always strings, `"-1"` for the number -1 too."""
    if isinstance(value, str):
        return key == value
    try:
        return float(key) == value
    except ValueError:
        return False


def _preset_group_problems(
    group: PresetGroup, pointer: str, inputs: Sequence[InputBase]
) -> list[DefinitionProblem]:
    problems: list[DefinitionProblem] = []
    for index, field in enumerate(group.fields):
        field_pointer = join_pointer(pointer, "fields", index)
        problems += reference_problems(field, field_pointer, "presets field", inputs)
    for preset_name, values in group.presets.items():
        for field, value in values.items():
            value_pointer = join_pointer(pointer, "presets", preset_name, field)
            target = input_named(inputs, field)
            if target is None:
                subject = f'preset "{preset_name}" key'
                problems += reference_problems(field, value_pointer, subject, inputs)
                continue
            if field not in group.fields:
                problems.append(
                    DefinitionProblem(
                        value_pointer,
                        f'preset "{preset_name}" sets "{field}", which is not one of its '
                        f"group's fields: {', '.join(group.fields)}",
                        "warning",
                    )
                )
            # null leaves the field empty, as it does everywhere else in a definition.
            if value is not None:
                subject = f'preset "{preset_name}" value for "{field}"'
                problems += value_problems(target, value, value_pointer, subject)
    return problems


def _resolution_problems(
    component: ResolutionComponent, inputs: Sequence[InputBase]
) -> list[DefinitionProblem]:
    pointer = join_pointer(_POINTER, "resolutionComponent")
    problems: list[DefinitionProblem] = []
    for key, name in (
        ("widthInput", component.width_input),
        ("heightInput", component.height_input),
    ):
        subject = f"resolutionComponent.{key}"
        problems += reference_problems(
            name, join_pointer(pointer, key), subject, inputs, ("number",)
        )
    width = input_named(inputs, component.width_input)
    height = input_named(inputs, component.height_input)
    for index, preset in enumerate(component.presets):
        preset_pointer = join_pointer(pointer, "presets", index)
        for side, size, target in (
            ("width", preset.width, width),
            ("height", preset.height, height),
        ):
            # Label-only presets ("Auto") send no size at all.
            if size is None or not isinstance(target, NumberInput):
                continue
            subject = f'resolution preset "{preset.label}" {side}'
            problems += value_problems(target, size, join_pointer(preset_pointer, side), subject)
    return problems


def _loras_problems(
    component: LorasComponent, inputs: Sequence[InputBase]
) -> list[DefinitionProblem]:
    pointer = join_pointer(_POINTER, "lorasComponent")
    references = [
        ("modelInput", component.model_input, "model_array"),
        ("scaleInput", component.scale_input, "number_array"),
        ("modelIdInput", component.model_id_input, "model"),
    ]
    problems: list[DefinitionProblem] = []
    for key, name, expected_type in references:
        if name is not None:
            problems += reference_problems(
                name, join_pointer(pointer, key), f"lorasComponent.{key}", inputs, (expected_type,)
            )
    return problems


def _trigger_problems(
    trigger: TriggerGenerate, inputs: Sequence[InputBase]
) -> list[DefinitionProblem]:
    pointer = join_pointer(_POINTER, "triggerGenerate")
    problems: list[DefinitionProblem] = []
    if trigger.after is not None and trigger.position is not None:
        problems.append(
            DefinitionProblem(
                pointer,
                'triggerGenerate sets both "after" and "position"; use one of them',
                "error",
            )
        )
    if trigger.after is not None:
        problems += reference_problems(
            trigger.after, join_pointer(pointer, "after"), "triggerGenerate.after", inputs
        )
    return problems
