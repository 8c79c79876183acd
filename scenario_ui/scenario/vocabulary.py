"""Value lists the API accepts, read from the official SDK so they never drift."""

from __future__ import annotations

import typing

from scenario_sdk.types import model_list_params, model_list_response

# The SDK's list filter omits the legacy trainable types that our catalog also serves.
_LEGACY_TRAINABLE_TYPES = ("sd-1_5", "sd-1_5-lora", "sd-xl", "sd-xl-lora")


def _literal_values(annotation: object) -> tuple[str, ...]:
    for arg in typing.get_args(annotation):
        if isinstance(arg, str):
            return typing.get_args(annotation)
        values = _literal_values(arg)
        if values:
            return values
    return ()


MODEL_TYPES: tuple[str, ...] = tuple(
    sorted(
        {
            *_literal_values(typing.get_type_hints(model_list_params.ModelListParams)["type"]),
            *_LEGACY_TRAINABLE_TYPES,
        }
    )
)
CAPABILITIES: tuple[str, ...] = _literal_values(
    model_list_response.ModelListResponse.model_fields["capabilities"].annotation
)
MODEL_STATUSES: tuple[str, ...] = ("new", "training", "trained", "failed")
