"""Typed failures of the Scenario API, each with a message a page can show as is."""

from __future__ import annotations

import json
from typing import Any, ClassVar

import httpx
import scenario_sdk


class ScenarioError(Exception):
    """Base of every failure the gateway raises; pages catch this, never a 500."""

    title: ClassVar[str] = "Scenario API error"
    http_status: ClassVar[int] = 502

    def __init__(self, message: str, *, status_code: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.status_code = status_code


class ScenarioTimeout(ScenarioError):
    title = "Scenario did not answer in time"
    http_status = 504


class ScenarioUnavailable(ScenarioError):
    title = "Scenario cannot be reached"


class ScenarioAuthError(ScenarioError):
    title = "Scenario refused our credentials"


class ScenarioNotFound(ScenarioError):
    title = "Not found on Scenario"
    http_status = 404


class ScenarioBadRequest(ScenarioError):
    title = "Scenario rejected the request"
    http_status = 400


class ScenarioRateLimited(ScenarioError):
    title = "Too many requests to Scenario"
    http_status = 429

    def __init__(
        self,
        message: str,
        *,
        status_code: int | None = 429,
        action_name: str | None = None,
        action_limit: int | None = None,
    ) -> None:
        super().__init__(message, status_code=status_code)
        self.action_name = action_name
        self.action_limit = action_limit


class ScenarioServerError(ScenarioError):
    title = "Scenario had an internal error"


class ScenarioBadResponse(ScenarioError):
    title = "Scenario sent an answer we could not read"


def _reason_of(response: httpx.Response) -> tuple[str, dict[str, Any]]:
    """The API puts its human message in `reason` (sometimes `message` or `error`)."""
    try:
        body = response.json()
    except (json.JSONDecodeError, UnicodeDecodeError):
        return response.text.strip()[:300], {}
    if not isinstance(body, dict):
        return str(body)[:300], {}
    for key in ("reason", "message", "error"):
        if isinstance(body.get(key), str):
            return str(body[key]), body
    return "", body


def translate(exc: Exception) -> ScenarioError:
    """Turn an SDK or transport exception into the gateway's typed error."""
    if isinstance(exc, ScenarioError):
        return exc
    if isinstance(exc, scenario_sdk.APITimeoutError | httpx.TimeoutException):
        return ScenarioTimeout("Scenario took too long to answer. Try again in a moment.")
    if isinstance(exc, scenario_sdk.APIConnectionError | httpx.TransportError):
        return ScenarioUnavailable(
            "Could not connect to Scenario. Check the network or SCENARIO_BASE_URL."
        )
    if isinstance(exc, scenario_sdk.APIStatusError):
        return from_status(exc.response)
    if isinstance(exc, scenario_sdk.APIResponseValidationError | ValueError | TypeError):
        return ScenarioBadResponse(f"Scenario sent a malformed answer ({exc}).")
    raise exc


def from_status(response: httpx.Response) -> ScenarioError:
    """Map an error status (4xx/5xx) to a typed error carrying the API's own reason."""
    status = response.status_code
    reason, body = _reason_of(response)
    if status in (401, 403):
        return ScenarioAuthError(
            "Scenario refused the API credentials"
            + (f": {reason}" if reason else "")
            + ". Check SCENARIO_SDK_API_KEY and SCENARIO_SDK_API_SECRET.",
            status_code=status,
        )
    if status == 404:
        return ScenarioNotFound(reason or "Scenario could not find that.", status_code=status)
    if status == 429:
        limit = body.get("actionLimit")
        return ScenarioRateLimited(
            reason or "Scenario's rate limit was reached. Wait a moment and try again.",
            action_name=body.get("actionName") if isinstance(body.get("actionName"), str) else None,
            action_limit=limit if isinstance(limit, int) else None,
        )
    if status >= 500:
        return ScenarioServerError(
            f"Scenario failed with HTTP {status}" + (f": {reason}" if reason else "") + ".",
            status_code=status,
        )
    return ScenarioBadRequest(
        reason or f"Scenario rejected the request (HTTP {status}).", status_code=status
    )
