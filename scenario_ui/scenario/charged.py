"""Sending a charged request (a generation, a training start) exactly once.

Once a request may have reached Scenario, only a clear refusal proves that nothing
was created: the statuses the API documents for a request it turned down. Any
other outcome (a 5xx, a timeout or broken connection after sending, an answer that
is not JSON or has no job) may hide a job that runs and is charged, so it becomes
`SubmissionUnknown`: never resent, and looked up instead.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from scenario_sdk import Scenario

from scenario_ui.scenario.calls import JsonObject, call_action, expect_key
from scenario_ui.scenario.errors import (
    ScenarioBadResponse,
    ScenarioError,
    ScenarioTimeout,
    SubmissionUnknown,
)

# "Nothing was created": bad input, credentials, no such model, a conflict, a rate limit.
REFUSAL_STATUSES = frozenset({400, 401, 403, 404, 409, 422, 429})


@dataclass(frozen=True)
class ChargedAnswer:
    body: JsonObject
    job: JsonObject

    @property
    def job_id(self) -> str:
        return str(self.job["jobId"])


def send_charged(call: Callable[[Scenario], Any], *, follow_up: str) -> ChargedAnswer:
    """Run `call` once. A refusal (or a request never sent) raises as it is; anything
    else that is not an answer with a job raises `SubmissionUnknown`, whose message
    ends with `follow_up` (how the user finds out what happened)."""
    try:
        body = call_action(call)
        job: JsonObject = expect_key(body, "job", dict)
        if not isinstance(job.get("jobId"), str) or not job["jobId"]:
            raise ScenarioBadResponse("Scenario's answer names no job id.")
    except ScenarioError as error:
        if not error.request_sent or error.status_code in REFUSAL_STATUSES:
            raise
        raise SubmissionUnknown(
            f"The request was sent, but {_what_happened(error)}, so Scenario may or may not "
            f"have started it. It was not sent again: {follow_up}"
        ) from error
    return ChargedAnswer(body=body, job=job)


def _what_happened(error: ScenarioError) -> str:
    if isinstance(error, ScenarioTimeout):
        return "no answer came in time"
    if error.status_code is not None:
        return f"Scenario answered with HTTP {error.status_code}"
    if isinstance(error, ScenarioBadResponse):
        return "Scenario's answer could not be read"
    return "the connection broke before the answer came"
