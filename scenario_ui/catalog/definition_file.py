"""Read a model definition from a JSON file, for the management commands."""

from __future__ import annotations

import json
from pathlib import Path
from typing import NoReturn

from scenario_ui.schema import ModelDefinition, parse_definition


class DefinitionFileError(Exception):
    """The file cannot be read or is not JSON; `message` says which, for a person."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def read_definition_file(path: str) -> ModelDefinition:
    """Parse a `{"model": {...}}` record or a bare model object saved as JSON.

    Anything wrong inside the JSON is in the definition's `problems`; only a
    file that cannot be read as JSON at all raises `DefinitionFileError`.
    """
    try:
        # utf-8-sig: editors on Windows save a BOM that json.loads would refuse.
        text = Path(path).read_text(encoding="utf-8-sig")
    except OSError as error:
        raise DefinitionFileError(f"cannot read {path}: {error.strerror or error}") from error
    except UnicodeDecodeError as error:
        raise DefinitionFileError(f"cannot read {path}: not UTF-8 text ({error.reason})") from error
    try:
        data = json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as error:
        raise DefinitionFileError(
            f"{path} is not valid JSON: {error.msg} (line {error.lineno}, column {error.colno})"
        ) from error
    except ValueError as error:
        raise DefinitionFileError(f"{path} is not valid JSON: {error}") from error
    return parse_definition(data)


def _reject_constant(name: str) -> NoReturn:
    # Python's json reads NaN and Infinity, which JSON (and the API) does not have.
    raise ValueError(f"{name} is not a JSON value")
