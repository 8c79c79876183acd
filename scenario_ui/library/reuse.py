"""Using an output as another model's input: which of that model's inputs can take it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from scenario_ui.schema import FileArrayInput, FileInput, ModelDefinition

# An asset's kind, as the input kinds that accept it.
ACCEPTING_KINDS = {
    "image": ("image", "image-hdr"),
    "video": ("video",),
    "audio": ("audio",),
    "3d": ("3d",),
}


@dataclass(frozen=True)
class InputChoice:
    name: str
    label: str


def inputs_taking(definition: ModelDefinition, asset_kind: str) -> list[InputChoice]:
    """The model's file inputs an asset of `asset_kind` may fill (any, when unsaid)."""
    accepted = ACCEPTING_KINDS.get(asset_kind)
    return [
        InputChoice(spec.name, spec.label or spec.name)
        for spec in definition.inputs
        if isinstance(spec, FileInput | FileArrayInput)
        and (accepted is None or spec.kind is None or spec.kind in accepted)
    ]


def filled_with(
    definition: ModelDefinition, input_name: str, asset_id: str
) -> dict[str, Any] | None:
    """The defaults with the asset in `input_name` (a list for a multi-file input); None
    when the model has no such file input or it is no asset id."""
    spec = definition.input_named(input_name)
    if not asset_id.startswith("asset_") or not isinstance(spec, FileInput | FileArrayInput):
        return None
    body = {s.name: s.default for s in definition.inputs if s.default is not None}
    body[input_name] = [asset_id] if isinstance(spec, FileArrayInput) else asset_id
    return body
