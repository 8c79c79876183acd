"""Generations: the cost of a request (dry run) and the request itself, sent once."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from scenario_ui.scenario.calls import JsonObject, call_json, expect_key, finite_number
from scenario_ui.scenario.charged import send_charged
from scenario_ui.scenario.errors import ScenarioBadResponse

# The API answers a dry run with this non-standard success status.
DRY_RUN_STATUS = 269


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
    cost = finite_number(expect_key(answer, "creativeUnitsCost", (int, float)))
    if cost is None:
        raise ScenarioBadResponse("Scenario sent a cost that is not a number.")
    details = answer.get("costDetails") if isinstance(answer.get("costDetails"), dict) else {}
    numbers = {key: finite_number(value) for key, value in details.items()}
    return CostEstimate(
        creative_units=cost,
        discount=finite_number(answer.get("creativeUnitsDiscount")) or 0.0,
        details={key: value for key, value in numbers.items() if value is not None},
    )


def submit_generation(model_id: str, body: JsonObject) -> SubmittedJob:
    """Raises the API's refusal, or `SubmissionUnknown` when the job may exist."""
    answer = send_charged(
        lambda client: client.generate.with_raw_response.run_model(model_id, body=body),
        follow_up="look the job up before trying again.",
    )
    return SubmittedJob(
        job_id=answer.job_id,
        status=str(answer.job.get("status", "queued")),
        creative_units=finite_number(answer.body.get("creativeUnitsCost")),
        job=answer.job,
    )
