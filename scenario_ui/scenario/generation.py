"""Generations: the cost of a request (dry run) and the request itself.

A submission is never retried: a POST whose answer was lost may already have
been charged. When the answer is lost (timeout, dropped connection) the caller
gets `SubmissionUnknown`, never a second attempt.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from scenario_ui.scenario.calls import JsonObject, call_json, expect_key
from scenario_ui.scenario.errors import (
    ScenarioError,
    ScenarioTimeout,
    ScenarioUnavailable,
)

# The API answers a dry run with this non-standard success status.
DRY_RUN_STATUS = 269


class SubmissionUnknown(ScenarioError):
    """The request may or may not have reached Scenario: look the job up, do not resend."""

    title = "Submission status unknown"
    http_status = 504


@dataclass(frozen=True)
class CostEstimate:
    creative_units: float
    discount: float
    details: dict[str, float]


@dataclass(frozen=True)
class SubmittedJob:
    job_id: str
    status: str
    creative_units: float | None
    job: JsonObject


def estimate_cost(model_id: str, body: JsonObject) -> CostEstimate:
    answer = call_json(
        lambda client: client.generate.with_raw_response.run_model(
            model_id, body=body, dry_run="true"
        ),
        max_retries=0,
    )
    return cost_from(answer)


def cost_from(answer: Any) -> CostEstimate:
    cost = expect_key(answer, "creativeUnitsCost", (int, float))
    details = answer.get("costDetails") if isinstance(answer.get("costDetails"), dict) else {}
    discount = answer.get("creativeUnitsDiscount")
    return CostEstimate(
        creative_units=float(cost),
        discount=float(discount) if isinstance(discount, int | float) else 0.0,
        details={k: float(v) for k, v in details.items() if isinstance(v, int | float)},
    )


def submit_generation(model_id: str, body: JsonObject) -> SubmittedJob:
    try:
        answer = call_json(
            lambda client: client.generate.with_raw_response.run_model(model_id, body=body),
            max_retries=0,
        )
    except (ScenarioTimeout, ScenarioUnavailable) as lost:
        raise SubmissionUnknown(
            "The request was sent but its answer never arrived, so Scenario may or may not "
            "have started the job. It was not sent again; look the job up before retrying."
        ) from lost
    job: JsonObject = expect_key(answer, "job", dict)
    cost = answer.get("creativeUnitsCost")
    return SubmittedJob(
        job_id=str(job.get("jobId", "")),
        status=str(job.get("status", "queued")),
        creative_units=float(cost) if isinstance(cost, int | float) else None,
        job=job,
    )
