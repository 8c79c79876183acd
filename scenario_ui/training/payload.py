"""The request body of `PUT /models/{modelId}/train` for a valid Train form."""

from __future__ import annotations

from typing import Any

from scenario_ui.forms import FormState, build_payload


def training_body(state: FormState) -> dict[str, Any]:
    """`{"parameters": {...}}`: the set parameters, typed, empty optional ones left out.

    Raises `InvalidForm` when the form has issues; evaluate it with
    `evaluate_training` so the cross-field rules count too.
    """
    return {"parameters": build_payload(state)}
