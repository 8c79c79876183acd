"""The ids a generation request refers to: models, and files (asset ids or data URLs).

They can sit in top-level inputs or in the rows of an `inputs_array`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final

from scenario_ui.sandbox.api.errors import SandboxApiError
from scenario_ui.sandbox.models import SandboxModel
from scenario_ui.schema import InputBase, InputsArrayInput, ModelArrayInput, ModelPickerInput

MODEL_INPUT_TYPES: Final = frozenset({"model", "model_array"})
FILE_INPUT_TYPES: Final = frozenset({"file", "file_array"})


@dataclass(frozen=True)
class Reference:
    spec: InputBase
    value: str


def references(
    specs: Sequence[InputBase], body: Mapping[str, Any], input_types: frozenset[str]
) -> Iterator[Reference]:
    """Every non-empty id given to an input of `input_types`, rows included, in order."""
    for spec in specs:
        value = body.get(spec.name)
        if isinstance(spec, InputsArrayInput) and isinstance(value, list):
            for row in value:
                if isinstance(row, dict):
                    yield from references(spec.inputs, row, input_types)
        elif spec.type in input_types:
            for item in value if isinstance(value, list) else [value]:
                if isinstance(item, str) and item:
                    yield Reference(spec, item)


def replace_files(
    specs: Sequence[InputBase], body: Mapping[str, Any], replace: Callable[[str], str]
) -> dict[str, Any]:
    """A copy of `body` where each file value `v` (rows included) becomes `replace(v)`."""
    copy = dict(body)
    for spec in specs:
        if spec.name not in body:
            continue
        value = body[spec.name]
        if isinstance(spec, InputsArrayInput) and isinstance(value, list):
            copy[spec.name] = [
                replace_files(spec.inputs, row, replace) if isinstance(row, dict) else row
                for row in value
            ]
        elif spec.type in FILE_INPUT_TYPES and isinstance(value, list):
            copy[spec.name] = [_replaced(item, replace) for item in value]
        elif spec.type in FILE_INPUT_TYPES:
            copy[spec.name] = _replaced(value, replace)
    return copy


def check_model_references(specs: Sequence[InputBase], body: Mapping[str, Any]) -> None:
    """404 for a model that does not exist, 400 for models of a type the input refuses."""
    found = list(references(specs, body, MODEL_INPUT_TYPES))
    types = dict(
        SandboxModel.objects.filter(pk__in={ref.value for ref in found}).values_list("id", "type")
    )
    for ref in found:
        if ref.value not in types:
            raise SandboxApiError(404, f"Model {ref.value} not found")
    refused = [ref for ref in found if not _accepts(ref.spec, types[ref.value])]
    if refused:
        # Like the API, name every refused model of the first input that refuses some.
        spec = refused[0].spec
        model_ids = dict.fromkeys(ref.value for ref in refused if ref.spec is spec)
        raise SandboxApiError(
            400,
            f"Invalid model(s): {', '.join(model_ids)}.\n"
            f"Allowed model types: {', '.join(_allowed_types(spec))}",
        )


def _accepts(spec: InputBase, model_type: str) -> bool:
    allowed = _allowed_types(spec)
    return not allowed or model_type in allowed


def _allowed_types(spec: InputBase) -> list[str]:
    if isinstance(spec, ModelPickerInput | ModelArrayInput):
        return spec.model_types or []
    return []


def _replaced(value: Any, replace: Callable[[str], str]) -> Any:
    return replace(value) if isinstance(value, str) and value else value
