"""The request body of `POST /generate/custom/{modelId}` for a valid form."""

from __future__ import annotations

from typing import Any

from scenario_ui.forms.validation import FormState

JsonObject = dict[str, Any]


class InvalidForm(ValueError):
    def __init__(self, state: FormState) -> None:
        super().__init__("The form has errors; no request body can be built.")
        self.state = state


def build_payload(state: FormState) -> JsonObject:
    """Defined values in definition order, typed as the API expects.

    Empty optional inputs are left out; component choices were already mapped
    back onto their inputs when the values were read.
    """
    if not state.is_valid:
        raise InvalidForm(state)
    return preview_payload(state)


def preview_payload(state: FormState) -> JsonObject:
    """The body as it stands, errors or not: the live "Request preview"."""
    values = state.values.values
    return {name: values[name] for name in state.definition.input_names if name in values}
