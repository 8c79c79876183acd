"""Value types shared by the schema models, failing with messages a person can act on."""

from __future__ import annotations

import json
from typing import Annotated

from pydantic import PlainValidator
from pydantic_core import PydanticCustomError

WRONG_VALUE_ERROR = "wrong_value"
NOT_ONE_OF_ERROR = "not_one_of"
_LONGEST_SHOWN_VALUE = 60


def describe_value(value: object) -> str:
    """Show a received JSON value briefly, in JSON terms."""
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list | tuple):
        return "a list"
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        text = repr(value)
    if len(text) > _LONGEST_SHOWN_VALUE:
        return text[: _LONGEST_SHOWN_VALUE - 3] + "..."
    return text


def wrong_value(expectation: str, value: object) -> PydanticCustomError:
    """A validation error phrased as "<expectation>, got <value>", to follow a field name."""
    return PydanticCustomError(
        WRONG_VALUE_ERROR,
        "{expectation}, got {got}",
        {"expectation": expectation, "got": describe_value(value)},
    )


def _validate_number(value: object) -> int | float:
    # bool is an int subclass in Python, but `true` is never a number in JSON.
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value
    raise wrong_value("must be a number", value)


def _validate_count(value: object) -> int:
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    # JSON writers may emit 6.0 for 6; that is still a whole count.
    if isinstance(value, float) and value.is_integer() and value >= 0:
        return int(value)
    raise wrong_value("must be a whole number of 0 or more", value)


# Kept as int or float as received so `step: 1` renders as "1", not "1.0".
Number = Annotated[int | float, PlainValidator(_validate_number)]
Count = Annotated[int, PlainValidator(_validate_count)]


def one_of(options: tuple[str, ...]) -> PlainValidator:
    """Validator accepting exactly one of `options`, naming them all when it fails."""

    def validate(value: object) -> str:
        if isinstance(value, str) and value in options:
            return value
        raise PydanticCustomError(
            NOT_ONE_OF_ERROR,
            "must be one of: {options}; got {got}",
            {"options": ", ".join(options), "got": describe_value(value)},
        )

    return PlainValidator(validate)
