"""A VALUES file (input name -> value, as a user would enter it), for the commands."""

from __future__ import annotations

from typing import Any

from scenario_ui.catalog.json_file import JsonFileError, read_json_file
from scenario_ui.forms import FormValues
from scenario_ui.schema import ModelDefinition
from scenario_ui.schema.scalars import describe_value


def read_values_file(path: str) -> dict[str, Any]:
    """The JSON object saved at `path`; what each value means is the form engine's business."""
    data = read_json_file(path)
    if not isinstance(data, dict):
        raise JsonFileError(
            f"{path} must hold a JSON object of input name -> value, got {describe_value(data)}"
        )
    return data


def unknown_name_lines(definition: ModelDefinition, values: FormValues) -> list[str]:
    """One `<name>: not an input of this model; ...` line per name the model does not declare."""
    names = definition.input_names
    # Listing the declared names turns a typo into a one-look fix.
    known = f"inputs: {', '.join(names)}" if names else "the model has no inputs"
    return [f"{name}: not an input of this model; {known}" for name in values.unknown_names]
