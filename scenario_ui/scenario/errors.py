"""Typed failures of the Scenario API, each with a message a page can show as is."""

from __future__ import annotations

import json
import math
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any, ClassVar

import httpx
import scenario_sdk

# When a 429 names no Retry-After, wait this long before the next try.
DEFAULT_RETRY_AFTER_SECONDS = 5
# Failures that happen before a request leaves this machine: Scenario never saw it.
_NOT_SENT = (
    httpx.ConnectError,
    httpx.ConnectTimeout,
    httpx.PoolTimeout,
    httpx.ProxyError,
    httpx.UnsupportedProtocol,
)


class ScenarioError(Exception):
    """Base of every failure the gateway raises; pages catch this, never a 500."""

    title: ClassVar[str] = "Scenario API error"
    http_status: ClassVar[int] = 502

    def __init__(
        self, message: str, *, status_code: int | None = None, request_sent: bool = True
    ) -> None:
        super().__init__(message)
        self.message = message
        self.status_code = status_code
        # False when the request never left this machine (no connection was made).
        self.request_sent = request_sent


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
    """A 429. Where the page retries by itself, its message says when."""

    title = "Too many requests to Scenario"
    http_status = 429

    def __init__(
        self,
        *,
        retry_after: int = DEFAULT_RETRY_AFTER_SECONDS,
        reason: str = "",
        action_name: str | None = None,
        action_limit: int | None = None,
        retried: bool = True,
    ) -> None:
        when = f", retrying in {retry_after} s" if retried else f": try again in {retry_after} s"
        super().__init__(
            "Scenario is rate-limiting us" + when + (f" ({reason})" if reason else "") + ".",
            status_code=429,
        )
        self.retry_after = retry_after
        self.reason = reason
        self.action_name = action_name
        self.action_limit = action_limit

    def not_retried(self) -> ScenarioRateLimited:
        """The same refusal, told where nothing retries by itself (a submit, a cancel)."""
        return self._told(retry_after=self.retry_after, retried=False)

    def retried_in(self, seconds: int) -> ScenarioRateLimited:
        """The same refusal, told by a poll that asks again in `seconds` (never sooner)."""
        return self._told(retry_after=max(seconds, self.retry_after), retried=True)

    def _told(self, *, retry_after: int, retried: bool) -> ScenarioRateLimited:
        return ScenarioRateLimited(
            retry_after=retry_after,
            reason=self.reason,
            action_name=self.action_name,
            action_limit=self.action_limit,
            retried=retried,
        )


class ScenarioServerError(ScenarioError):
    title = "Scenario had an internal error"


class ScenarioBadResponse(ScenarioError):
    title = "Scenario sent an answer we could not read"


class SubmissionUnknown(ScenarioError):
    """The request may or may not have created a job: look it up, never resend it."""

    title = "Submission status unknown"
    http_status = 504


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
    # The SDK raises its own errors from httpx's, which tell whether anything was sent.
    transport = exc.__cause__ if isinstance(exc.__cause__, httpx.TransportError) else exc
    if isinstance(transport, _NOT_SENT):
        return ScenarioUnavailable(
            "Could not connect to Scenario. Check the network or SCENARIO_BASE_URL.",
            request_sent=False,
        )
    if isinstance(exc, scenario_sdk.APITimeoutError | httpx.TimeoutException):
        return ScenarioTimeout("Scenario took too long to answer. Try again in a moment.")
    if isinstance(exc, scenario_sdk.APIConnectionError | httpx.TransportError):
        return ScenarioUnavailable(
            "The connection to Scenario broke before its answer arrived. Try again in a moment."
        )
    if isinstance(exc, scenario_sdk.APIStatusError):
        return from_status(exc.response)
    if isinstance(exc, scenario_sdk.APIResponseValidationError | ValueError | TypeError):
        return ScenarioBadResponse(f"Scenario sent a malformed answer ({exc}).")
    if isinstance(exc, RecursionError):
        return ScenarioBadResponse("Scenario sent an answer nested too deeply to read.")
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
            retry_after=retry_after_seconds(response.headers),
            reason=reason,
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


def retry_after_seconds(headers: httpx.Headers) -> int:
    """Whole seconds to wait, from `retry-after-ms` or `Retry-After` (seconds or a date)."""
    seconds: float | None = None
    for name, scale in (("retry-after-ms", 0.001), ("retry-after", 1.0)):
        try:
            seconds = float(headers.get(name, "")) * scale
            break
        except ValueError:
            continue
    if seconds is None:
        try:
            moment = parsedate_to_datetime(headers.get("retry-after", ""))
            seconds = (moment - datetime.now(UTC)).total_seconds()
        except (TypeError, ValueError):
            seconds = None
    if seconds is None or not math.isfinite(seconds):
        return DEFAULT_RETRY_AFTER_SECONDS
    return max(1, math.ceil(min(seconds, 3600)))
