"""Shapes of model records in API answers."""

from __future__ import annotations

from typing import Final

from scenario_ui.sandbox.json_types import JsonObject

# The real API leaves these out of list and get-bulk rows: a form needs GET /models/{id}.
DETAIL_ONLY_FIELDS: Final = frozenset({"inputs", "uiConfig"})


def list_row(record: JsonObject) -> JsonObject:
    return {key: value for key, value in record.items() if key not in DETAIL_ONLY_FIELDS}
