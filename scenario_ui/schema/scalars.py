"""Value types shared by the schema models, failing with messages a person can act on."""

from __future__ import annotations

import json
import math
import sys
from typing import Annotated, Any

from pydantic import PlainValidator
from pydantic_core import PydanticCustomError

from scenario_ui.nesting import MAX_NESTING, nested_too_deeply

WRONG_VALUE_ERROR = "wrong_value"
NOT_ONE_OF_ERROR = "not_one_of"
_LONGEST_SHOWN_VALUE = 60
# What JSON numbers mean to every client (JavaScript, Python floats): finite doubles.
LARGEST_NUMBER = sys.float_info.max
# The largest whole number a double holds exactly (JavaScript's MAX_SAFE_INTEGER).
LARGEST_COUNT = 2**53 - 1
FINITE_NUMBER = "must be a finite number within ±1.8e308"


def describe_value(value: object) -> str:
    """Show a received JSON value briefly, in JSON terms."""
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list | tuple):
        return "a list"
    if isinstance(value, int) and abs(value) > LARGEST_NUMBER:
        return f"a number of {_digit_count(value)} digits"
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


def _digit_count(value: int) -> str:
    try:
        return str(len(str(abs(value))))
    except ValueError:  # More digits than Python agrees to print.
        return f"more than {sys.get_int_max_str_digits()}"


def is_finite_number(value: object) -> bool:
    """A JSON number every client can hold: not NaN, not infinite, not past a double's range."""
    if isinstance(value, float):
        return math.isfinite(value)
    return isinstance(value, int) and abs(value) <= LARGEST_NUMBER


def _validate_number(value: object) -> int | float:
    # bool is an int subclass in Python, but `true` is never a number in JSON.
    if not isinstance(value, int | float) or isinstance(value, bool):
        raise wrong_value("must be a number", value)
    if not is_finite_number(value):
        raise wrong_value(FINITE_NUMBER, value)
    return value


def _validate_count(value: object) -> int:
    count: int | None = None
    if isinstance(value, int) and not isinstance(value, bool):
        count = value
    elif isinstance(value, float) and value.is_integer():
        # JSON writers may emit 6.0 for 6; that is still a whole count.
        count = int(value)
    if count is None or count < 0:
        raise wrong_value("must be a whole number of 0 or more", value)
    if count > LARGEST_COUNT:
        raise wrong_value(f"must be a whole number of at most {LARGEST_COUNT}", value)
    return count


def json_value_problem(value: object) -> str:
    """Why `value` cannot go into a request as JSON, or "" when it can.

    Python reads NaN, Infinity and numbers of any size from JSON text; no API does.
    """
    if nested_too_deeply(value):
        return f"is nested deeper than {MAX_NESTING} levels"
    pending = [value]
    while pending:
        item = pending.pop()
        if isinstance(item, dict):
            pending.extend(item.values())
        elif isinstance(item, list):
            pending.extend(item)
        elif isinstance(item, int | float) and not is_finite_number(item):
            return f"holds {describe_value(item)}, not a finite number within ±1.8e308"
    return ""


def _validate_json_value(value: object) -> Any:
    problem = json_value_problem(value)
    if problem:
        raise PydanticCustomError(WRONG_VALUE_ERROR, problem, {})
    return value


# Kept as int or float as received so `step: 1` renders as "1", not "1.0".
Number = Annotated[int | float, PlainValidator(_validate_number)]
Count = Annotated[int, PlainValidator(_validate_count)]
# Any JSON value that a request can carry (a default, a preset's value).
JsonValue = Annotated[Any, PlainValidator(_validate_json_value)]


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
