"""Trainings: their cost (dry run), starting one once, and cancelling one."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, cast

from scenario_ui.scenario.calls import JsonObject, call_json
from scenario_ui.scenario.errors import ScenarioTimeout, ScenarioUnavailable
from scenario_ui.scenario.gateway import forget_model
from scenario_ui.scenario.generation import CostEstimate, SubmissionUnknown, cost_from


@dataclass(frozen=True)
class StartedTraining:
    job_id: str
    model: JsonObject
    creative_units: float | None


def estimate_training(model_id: str, parameters: JsonObject) -> CostEstimate:
    answer = call_json(
        lambda client: client.models.train.with_raw_response.trigger(
            model_id, parameters=cast(Any, parameters), dry_run="true"
        ),
        max_retries=0,
    )
    return cost_from(answer)


def start_training(model_id: str, parameters: JsonObject) -> StartedTraining:
    """Sent once: a lost answer becomes SubmissionUnknown, never a second request."""
    try:
        answer = call_json(
            lambda client: client.models.train.with_raw_response.trigger(
                model_id, parameters=cast(Any, parameters)
            ),
            max_retries=0,
        )
    except (ScenarioTimeout, ScenarioUnavailable) as lost:
        raise SubmissionUnknown(
            "The training request was sent but its answer never arrived. It was not sent "
            "again: the model's status below shows whether the training started."
        ) from lost
    finally:
        forget_model(model_id)
    job = answer.get("job") if isinstance(answer, dict) else None
    model = answer.get("model") if isinstance(answer, dict) else None
    cost = answer.get("creativeUnitsCost") if isinstance(answer, dict) else None
    return StartedTraining(
        job_id=str(job.get("jobId", "")) if isinstance(job, dict) else "",
        model=model if isinstance(model, dict) else {},
        creative_units=float(cost) if isinstance(cost, int | float) else None,
    )


def cancel_training(model_id: str) -> None:
    """Ask for a cancel; the caller re-reads the model, since this only acknowledges."""
    try:
        call_json(
            lambda client: client.models.train.with_raw_response.action(model_id, action="cancel"),
            max_retries=0,
        )
    finally:
        forget_model(model_id)
