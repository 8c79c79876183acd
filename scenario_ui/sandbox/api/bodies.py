"""JSON request bodies."""

from __future__ import annotations

import json

from scenario_ui.sandbox.api.errors import SandboxApiError


def parse_get_bulk_body(body: bytes) -> list[str]:
    """The `modelIds` of a `POST /models/get-bulk` body."""
    try:
        document = json.loads(body)
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise SandboxApiError(400, f"Invalid JSON body: {error}") from error
    if not isinstance(document, dict):
        raise SandboxApiError(400, "Invalid body; expected a JSON object with modelIds")
    model_ids = document.get("modelIds")
    if not isinstance(model_ids, list) or not all(isinstance(item, str) for item in model_ids):
        raise SandboxApiError(400, "Invalid modelIds; expected an array of model id strings")
    return [item for item in model_ids if isinstance(item, str)]
