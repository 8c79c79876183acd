"""Running one SDK call: decoded JSON out, typed errors out, nothing else."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from scenario_sdk import Scenario

from scenario_ui.scenario.client import READ_RETRIES, build_client
from scenario_ui.scenario.errors import ScenarioBadResponse, ScenarioError, translate

JsonObject = dict[str, Any]


def call_json(call: Callable[[Scenario], Any], *, max_retries: int = READ_RETRIES) -> Any:
    """Run `call` with a fresh client (its `with_raw_response` answer) and decode the body."""
    try:
        raw = call(build_client(max_retries=max_retries))
        return raw.json()
    except ScenarioError:
        raise
    except Exception as exc:
        raise translate(exc) from exc


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
