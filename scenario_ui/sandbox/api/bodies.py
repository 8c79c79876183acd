"""JSON request bodies."""

from __future__ import annotations

import json
from typing import Any

from scenario_ui.sandbox.api.errors import SandboxApiError


def parse_json_object(body: bytes, expected: str) -> dict[str, Any]:
    """The body as a JSON object; `expected` says what it should hold, for the 400."""
    try:
        document = json.loads(body)
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise SandboxApiError(400, f"Invalid JSON body: {error}") from error
    if not isinstance(document, dict):
        raise SandboxApiError(400, f"Invalid body; expected a JSON object with {expected}")
    return document


def parse_get_bulk_body(body: bytes) -> list[str]:
    """The `modelIds` of a `POST /models/get-bulk` body."""
    return parse_id_list(body, "modelIds", "model")


def parse_id_list(body: bytes, key: str, noun: str) -> list[str]:
    """The list of ids under `key`, e.g. the `assetIds` of `POST /assets/get-bulk`."""
    ids = parse_json_object(body, key).get(key)
    if not isinstance(ids, list) or not all(isinstance(item, str) for item in ids):
        raise SandboxApiError(400, f"Invalid {key}; expected an array of {noun} id strings")
    return [item for item in ids if isinstance(item, str)]


def required_text(document: dict[str, Any], key: str) -> str:
    value = document.get(key)
    if not isinstance(value, str) or not value:
        raise SandboxApiError(400, f"Invalid {key}; expected a non-empty string")
    return value
