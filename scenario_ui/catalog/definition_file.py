"""Read a model definition from a JSON file, for the management commands."""

from __future__ import annotations

from scenario_ui.catalog.json_file import read_json_file
from scenario_ui.schema import ModelDefinition, parse_definition


def read_definition_file(path: str) -> ModelDefinition:
    """Parse a `{"model": {...}}` record or a bare model object saved as JSON.

    Anything wrong inside the JSON is in the definition's `problems`; only a
    file that cannot be read as JSON at all raises `JsonFileError`.
    """
    return parse_definition(read_json_file(path))
