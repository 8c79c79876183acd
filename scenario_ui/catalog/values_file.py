"""A VALUES file (input name -> value, as a user would enter it), for the commands."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, NoReturn

from scenario_ui.forms import FormValues
from scenario_ui.schema import ModelDefinition
from scenario_ui.schema.scalars import describe_value


class ValuesFileError(Exception):
    """The file cannot be read, is not JSON or not an object; `message` says which."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def read_values_file(path: str) -> dict[str, Any]:
    """The JSON object saved at `path`; what each value means is the form engine's business."""
    try:
        # utf-8-sig: editors on Windows save a BOM that json.loads would refuse.
        text = Path(path).read_text(encoding="utf-8-sig")
    except OSError as error:
        raise ValuesFileError(f"cannot read {path}: {error.strerror or error}") from error
    except UnicodeDecodeError as error:
        raise ValuesFileError(f"cannot read {path}: not UTF-8 text ({error.reason})") from error
    try:
        data = json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as error:
        raise ValuesFileError(
            f"{path} is not valid JSON: {error.msg} (line {error.lineno}, column {error.colno})"
        ) from error
    except ValueError as error:
        raise ValuesFileError(f"{path} is not valid JSON: {error}") from error
    if not isinstance(data, dict):
        raise ValuesFileError(
            f"{path} must hold a JSON object of input name -> value, got {describe_value(data)}"
        )
    return data


def unknown_name_lines(definition: ModelDefinition, values: FormValues) -> list[str]:
    """One `<name>: not an input of this model; ...` line per name the model does not declare."""
    names = definition.input_names
    # Listing the declared names turns a typo into a one-look fix.
    known = f"inputs: {', '.join(names)}" if names else "the model has no inputs"
    return [f"{name}: not an input of this model; {known}" for name in values.unknown_names]


def _reject_constant(name: str) -> NoReturn:
    # Python's json reads NaN and Infinity, which JSON (and the API) does not have.
    raise ValueError(f"{name} is not a JSON value")
