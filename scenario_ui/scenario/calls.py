"""Running one SDK call: decoded JSON out, typed errors out, nothing else."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from scenario_sdk import Scenario

from scenario_ui.nesting import MAX_NESTING, nested_too_deeply
from scenario_ui.scenario.client import REQUEST_RETRIES, build_client
from scenario_ui.scenario.errors import (
    ScenarioBadResponse,
    ScenarioError,
    ScenarioRateLimited,
    translate,
)

JsonObject = dict[str, Any]


def call_json(call: Callable[[Scenario], Any], *, max_retries: int = REQUEST_RETRIES) -> Any:
    """Run `call` with a fresh client (its `with_raw_response` answer) and decode the body."""
    try:
        raw = call(build_client(max_retries=max_retries))
        body = raw.json()
    except ScenarioError:
        raise
    except Exception as exc:
        raise translate(exc) from exc
    if nested_too_deeply(body):
        raise ScenarioBadResponse(
            f"Scenario sent an answer nested deeper than {MAX_NESTING} levels."
        )
    return body


def call_action(call: Callable[[Scenario], Any]) -> Any:
    """`call_json` for a request a person made once (a cancel, an upload, a look-up):
    never retried, and a rate limit says when to try again, since nothing else will."""
    try:
        return call_json(call, max_retries=0)
    except ScenarioRateLimited as error:
        raise error.not_retried() from error


def finite_number(value: Any) -> float | None:
    """A JSON number as a float, or None for anything else (NaN, Infinity, text...)."""
    if not isinstance(value, int | float) or isinstance(value, bool):
        return None
    try:
        number = float(value)
    except OverflowError:
        return None
    return number if math.isfinite(number) else None


def expect_key(body: Any, key: str, kind: type | tuple[type, ...]) -> Any:
    """`body[key]`, checked to be of `kind`, or a ScenarioBadResponse naming what was missing."""
    if not isinstance(body, dict) or not isinstance(body.get(key), kind):
        raise ScenarioBadResponse(
            f"Scenario sent a malformed answer: expected an object with a {key!r} "
            f"{_kind_name(kind)}."
        )
    return body[key]


def _kind_name(kind: type | tuple[type, ...]) -> str:
    if kind is list:
        return "list"
    if kind is dict:
        return "object"
    return "number"
