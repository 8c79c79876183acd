"""The inputs of a model: one pydantic class per input type, plus a fallback.

Field names follow the API in camelCase (aliases) and read in snake_case.
A field outside its type's set (say `step` on a string) is kept in
`model_extra` for the linter to report, not rejected.
"""

from __future__ import annotations

from typing import Annotated, Literal, get_args

from pydantic import Discriminator, Field, Tag

from scenario_ui.schema.base import SchemaModel
from scenario_ui.schema.rules import RequiredRules
from scenario_ui.schema.scalars import Count, JsonValue, Number, one_of

InputType = Literal[
    "boolean",
    "file",
    "file_array",
    "inputs_array",
    "model",
    "model_array",
    "number",
    "number_array",
    "string",
    "string_array",
]
INPUT_TYPES: tuple[str, ...] = get_args(InputType)
UNKNOWN_INPUT_TAG = "unknown"

FileKind = Literal["3d", "audio", "document", "image", "image-hdr", "json", "text", "video"]
FILE_KINDS: tuple[str, ...] = get_args(FileKind)

BackgroundBehavior = Literal["opaque", "transparent"]
BACKGROUND_BEHAVIORS: tuple[str, ...] = get_args(BackgroundBehavior)


class InputBase(SchemaModel):
    """What every input has, whatever its type."""

    name: str
    type: str
    label: str | None = None
    description: str | None = None
    hint: str | None = None
    group: str | None = None
    cost_impact: bool | None = Field(default=None, alias="costImpact")
    default: JsonValue = None
    required: RequiredRules | None = None
    placeholder: str | None = None


class _NumberBounds(SchemaModel):
    min: Number | None = None
    max: Number | None = None
    step: Number | None = None


class _LengthBounds(SchemaModel):
    """Characters on `string` and `model` inputs, but ITEMS on every array type."""

    min_length: Count | None = Field(default=None, alias="minLength")
    max_length: Count | None = Field(default=None, alias="maxLength")


class _PromptFlags(SchemaModel):
    prompt: bool | None = None
    prompt_spark: bool | None = Field(default=None, alias="promptSpark")


class _FileConstraints(SchemaModel):
    kind: Annotated[FileKind, one_of(FILE_KINDS)] | None = None
    max_size: Count | None = Field(default=None, alias="maxSize", description="bytes")
    max_duration: Number | None = Field(default=None, alias="maxDuration", description="seconds")
    min_duration: Number | None = Field(default=None, alias="minDuration", description="seconds")
    background_behavior: Annotated[BackgroundBehavior, one_of(BACKGROUND_BEHAVIORS)] | None = Field(
        default=None, alias="backgroundBehavior"
    )
    mask_from: str | None = Field(default=None, alias="maskFrom")
    parent: bool | None = None


class _ModelTypes(SchemaModel):
    # Plain strings: the API adds model types more often than clients update.
    model_types: list[str] | None = Field(default=None, alias="modelTypes")


class BooleanInput(InputBase):
    type: Literal["boolean"] = "boolean"


class NumberInput(_NumberBounds, InputBase):
    type: Literal["number"] = "number"
    # Floats (23.976) and sentinels (-1 shown as "Auto") both occur.
    allowed_values: list[Number] | None = Field(default=None, alias="allowedValues")


class StringInput(_LengthBounds, _PromptFlags, InputBase):
    type: Literal["string"] = "string"
    allowed_values: list[str] | None = Field(default=None, alias="allowedValues")
    color: bool | None = None


class StringArrayInput(_LengthBounds, _PromptFlags, InputBase):
    type: Literal["string_array"] = "string_array"
    allowed_values: list[str] | None = Field(default=None, alias="allowedValues")


class NumberArrayInput(_NumberBounds, _LengthBounds, InputBase):
    type: Literal["number_array"] = "number_array"
    allowed_values: list[Number] | None = Field(default=None, alias="allowedValues")


class FileInput(_FileConstraints, InputBase):
    """Takes an asset id (or a small data URL)."""

    type: Literal["file"] = "file"


class FileArrayInput(_FileConstraints, _LengthBounds, InputBase):
    type: Literal["file_array"] = "file_array"


class ModelPickerInput(_ModelTypes, _LengthBounds, InputBase):
    """A `model` input: one model id. Named apart from the SDK's `ModelInput`."""

    type: Literal["model"] = "model"


class ModelArrayInput(_ModelTypes, _LengthBounds, InputBase):
    type: Literal["model_array"] = "model_array"


class InputsArrayInput(_LengthBounds, InputBase):
    """A list of rows; `inputs` is the schema of one row."""

    type: Literal["inputs_array"] = "inputs_array"
    inputs: list[Input] = Field(default_factory=list)


class UnknownInput(InputBase):
    """An input whose type is missing or not one we know; every field it had is kept.

    Forms show its value as JSON text rather than dropping it.
    """

    type: str = ""


def input_tag(value: object) -> str:
    """Discriminator for `Input`: the input's type, or "unknown" for anything else."""
    input_type = value.get("type") if isinstance(value, dict) else getattr(value, "type", None)
    if isinstance(input_type, str) and input_type in INPUT_TYPES:
        return input_type
    return UNKNOWN_INPUT_TAG


Input = Annotated[
    Annotated[BooleanInput, Tag("boolean")]
    | Annotated[FileInput, Tag("file")]
    | Annotated[FileArrayInput, Tag("file_array")]
    | Annotated[InputsArrayInput, Tag("inputs_array")]
    | Annotated[ModelPickerInput, Tag("model")]
    | Annotated[ModelArrayInput, Tag("model_array")]
    | Annotated[NumberInput, Tag("number")]
    | Annotated[NumberArrayInput, Tag("number_array")]
    | Annotated[StringInput, Tag("string")]
    | Annotated[StringArrayInput, Tag("string_array")]
    | Annotated[UnknownInput, Tag(UNKNOWN_INPUT_TAG)],
    Discriminator(input_tag),
]

InputsArrayInput.model_rebuild()

_INPUT_CLASSES: dict[str, type[InputBase]] = {
    "boolean": BooleanInput,
    "file": FileInput,
    "file_array": FileArrayInput,
    "inputs_array": InputsArrayInput,
    "model": ModelPickerInput,
    "model_array": ModelArrayInput,
    "number": NumberInput,
    "number_array": NumberArrayInput,
    "string": StringInput,
    "string_array": StringArrayInput,
}


def input_class_for_type(input_type: object) -> type[InputBase]:
    """The class an input of `input_type` parses into; `UnknownInput` when unknown."""
    if isinstance(input_type, str):
        return _INPUT_CLASSES.get(input_type, UnknownInput)
    return UnknownInput
