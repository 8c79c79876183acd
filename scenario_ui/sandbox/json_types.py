"""JSON value types for model records, which the sandbox stores and serves verbatim."""

from __future__ import annotations

type JsonValue = None | bool | int | float | str | list[JsonValue] | dict[str, JsonValue]
type JsonObject = dict[str, JsonValue]
