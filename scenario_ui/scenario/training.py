"""Trainings: their cost (dry run), starting one once, and cancelling one."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, cast

from scenario_ui.scenario.calls import JsonObject, call_action, call_json, finite_number
from scenario_ui.scenario.charged import send_charged
from scenario_ui.scenario.gateway import forget_model
from scenario_ui.scenario.generation import CostEstimate, cost_from


@dataclass(frozen=True)
class StartedTraining:
    job_id: str
    model: JsonObject
    creative_units: float | None


def estimate_training(model_id: str, parameters: JsonObject, *, images_count: int) -> CostEstimate:
    """The dry run, told how many training images the form's defaults were computed for
    (`trainingImagesCount`: the API uses it only while the model has none)."""
    answer = call_json(
        lambda client: client.models.train.with_raw_response.trigger(
            model_id,
            parameters=cast(Any, parameters),
            dry_run="true",
            training_images_count=images_count,
        ),
        max_retries=0,
    )
    return cost_from(answer)


def start_training(model_id: str, parameters: JsonObject) -> StartedTraining:
    """Raises the API's refusal, or `SubmissionUnknown` when the training may have started."""
    try:
        answer = send_charged(
            lambda client: client.models.train.with_raw_response.trigger(
                model_id, parameters=cast(Any, parameters)
            ),
            follow_up="the model's status below shows whether the training started.",
        )
    finally:
        # Whatever happened, the model's status may have moved.
        forget_model(model_id)
    model = answer.body.get("model")
    return StartedTraining(
        job_id=answer.job_id,
        model=model if isinstance(model, dict) else {},
        creative_units=finite_number(answer.body.get("creativeUnitsCost")),
    )


def cancel_training(model_id: str) -> None:
    """Ask for a cancel; the caller re-reads the model, since this only acknowledges."""
    try:
        call_action(
            lambda client: client.models.train.with_raw_response.action(model_id, action="cancel")
        )
    finally:
        forget_model(model_id)
