"""`uiConfig`: how the API suggests laying out a model's form."""

from __future__ import annotations

from typing import Annotated, Literal, get_args

from pydantic import Field

from scenario_ui.schema.base import SchemaModel
from scenario_ui.schema.scalars import Count, JsonValue, one_of

TriggerPosition = Literal["top", "bottom"]
TRIGGER_POSITIONS: tuple[str, ...] = get_args(TriggerPosition)


class InputProperties(SchemaModel):
    collapsed: bool | None = None


class LorasComponent(SchemaModel):
    """Pairs a `model_array` of LoRAs with an index-aligned `number_array` of scales."""

    label: str
    model_input: str = Field(alias="modelInput")
    scale_input: str = Field(alias="scaleInput")
    # A `model` input taking a composition or a single LoRA; optional.
    model_id_input: str | None = Field(default=None, alias="modelIdInput")


class PresetGroup(SchemaModel):
    """Named presets, each giving values for the listed `fields`."""

    fields: list[str]
    presets: dict[str, dict[str, JsonValue]]


class ResolutionPreset(SchemaModel):
    """A width/height pair; label-only presets ("Auto") leave both out of the request."""

    label: str
    width: Count | None = None
    height: Count | None = None


class ResolutionComponent(SchemaModel):
    label: str
    width_input: str = Field(alias="widthInput")
    height_input: str = Field(alias="heightInput")
    presets: list[ResolutionPreset] = Field(default_factory=list)


class TriggerGenerate(SchemaModel):
    """Where the generate button goes: after an input, or at the top or bottom."""

    label: str
    after: str | None = None
    position: Annotated[TriggerPosition, one_of(TRIGGER_POSITIONS)] | None = None


class OutputProperty(SchemaModel):
    label: str


class UiConfig(SchemaModel):
    input_properties: dict[str, InputProperties] = Field(
        default_factory=dict, alias="inputProperties"
    )
    loras_component: LorasComponent | None = Field(default=None, alias="lorasComponent")
    presets: list[PresetGroup] = Field(default_factory=list)
    resolution_component: ResolutionComponent | None = Field(
        default=None, alias="resolutionComponent"
    )
    # Input name -> {value as a string ("-1" for numbers too) -> display label}.
    # Labels may cover only some values and come in any order.
    selects: dict[str, dict[str, str]] = Field(default_factory=dict)
    trigger_generate: TriggerGenerate | None = Field(default=None, alias="triggerGenerate")
    output_properties: dict[str, OutputProperty] = Field(
        default_factory=dict, alias="outputProperties"
    )
