"""Reading a JSON file given on a command line, with messages a person can act on."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, NoReturn

from scenario_ui.nesting import MAX_NESTING, nested_too_deeply


class JsonFileError(Exception):
    """The file cannot be read or is not JSON; `message` says which, for a person."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def read_json_file(path: str) -> Any:
    try:
        # utf-8-sig: editors on Windows save a BOM that json.loads would refuse.
        text = Path(path).read_text(encoding="utf-8-sig")
    except OSError as error:
        raise JsonFileError(f"cannot read {path}: {error.strerror or error}") from error
    except UnicodeDecodeError as error:
        raise JsonFileError(f"cannot read {path}: not UTF-8 text ({error.reason})") from error
    try:
        document = json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as error:
        raise JsonFileError(
            f"{path} is not valid JSON: {error.msg} (line {error.lineno}, column {error.colno})"
        ) from error
    except ValueError as error:
        raise JsonFileError(f"{path} is not valid JSON: {error}") from error
    except RecursionError as error:
        raise _too_deep(path) from error
    if nested_too_deeply(document):
        raise _too_deep(path)
    return document


def _too_deep(path: str) -> JsonFileError:
    return JsonFileError(f"{path} is nested deeper than {MAX_NESTING} levels, which no model uses")


def _reject_constant(name: str) -> NoReturn:
    # Python's json reads NaN and Infinity, which JSON (and the API) does not have.
    raise ValueError(f"{name} is not a JSON value")
