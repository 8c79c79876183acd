"""A training as the API shows it: the model's record at each stage, and the training's job."""

from __future__ import annotations

from datetime import datetime
from typing import Final

from scenario_ui.sandbox import clock
from scenario_ui.sandbox.identity import SANDBOX_OWNER_ID, SANDBOX_USER_ID
from scenario_ui.sandbox.json_types import JsonObject
from scenario_ui.sandbox.models import SandboxTraining
from scenario_ui.sandbox.training_lifecycle import RUNNING, TrainingState
from scenario_ui.sandbox.training_order import failure_parameter
from scenario_ui.training import (
    ELEVENLABS_VOICE,
    FAMILIES,
    FLUX_LORA,
    MUSUBI,
    SD_1_5,
    SDXL_LORA,
    TrainerFamily,
)

FAMILIES_BY_KEY: Final = {family.key: family for family in FAMILIES}
# The SDK's job types name no voice trainer: a voice trains in a plain "model-training" job.
JOB_TYPES: Final = {
    SD_1_5: "model-training",
    SDXL_LORA: "model-training",
    FLUX_LORA: "flux-model-training",
    MUSUBI: "musubi-model-training",
    ELEVENLABS_VOICE: "model-training",
}
# A trained or canceled model shows no progress, like the real records do.
WITHOUT_PROGRESS: Final = frozenset({"trained", "training-canceled"})
WITH_STATS: Final = frozenset({"trained", "failed"})


def family_of(training: SandboxTraining) -> TrainerFamily:
    return FAMILIES_BY_KEY[training.family]


def failure_reason(training: SandboxTraining) -> str:
    parameter = failure_parameter(family_of(training))
    return f"The sandbox was asked to fail: {parameter} contains “fail”."


def failure_hint(training: SandboxTraining) -> str:
    return f"Remove “fail” from {failure_parameter(family_of(training))} and train again."


def model_record_at(
    record: JsonObject, training: SandboxTraining, state: TrainingState
) -> JsonObject:
    """`record` showing `training` as it stands in `state`."""
    shown: JsonObject = {
        **record,
        "status": state.model_status,
        "updatedAt": clock.iso_timestamp(state.ended_at or training.created_at),
        "trainingProgress": _progress_json(state),
    }
    if state.model_status in WITH_STATS:
        shown["trainingStats"] = _stats_json(training, state)
    if state.model_status == "failed":
        shown["failureReason"] = failure_reason(training)
    return shown


def training_job_json(training: SandboxTraining, state: TrainingState) -> JsonObject:
    """The training's job in the API's Job shape."""
    metadata: JsonObject = {
        "input": training.parameters,
        "assetIds": [],
        "modelId": training.model_id,
    }
    if state.job_status == "failure":
        metadata.update(error=failure_reason(training), hint=failure_hint(training))
    return {
        "jobId": training.id,
        "jobType": JOB_TYPES[family_of(training)],
        "status": state.job_status,
        "progress": state.progress,
        "createdAt": clock.iso_timestamp(training.created_at),
        "updatedAt": clock.iso_timestamp(state.job_history[-1].date),
        "authorId": SANDBOX_USER_ID,
        "ownerId": SANDBOX_OWNER_ID,
        "metadata": metadata,
        "statusHistory": [
            {"status": change.status, "date": clock.iso_timestamp(change.date)}
            for change in state.job_history
        ],
        "billing": {"cuCost": training.cost, "cuDiscount": 0},
    }


def _progress_json(state: TrainingState) -> JsonObject:
    if state.model_status in WITHOUT_PROGRESS:
        return {}
    progress: JsonObject = {
        "stage": state.stage,
        "updatedAt": _epoch_ms(state.updated_at),
        "progress": state.progress,
    }
    if state.position is not None:
        progress["position"] = state.position
    if state.started_at is not None:
        progress["startedAt"] = _epoch_ms(state.started_at)
    if state.model_status == "training" and state.stage == RUNNING:
        progress["remainingTimeMs"] = state.remaining_ms
    return progress


def _stats_json(training: SandboxTraining, state: TrainingState) -> JsonObject:
    started_at, ended_at = state.started_at, state.ended_at
    # Both outcomes with stats are reached while running: the trainer had started.
    assert started_at is not None
    assert ended_at is not None
    return {
        "startedAt": clock.iso_timestamp(started_at),
        "endedAt": clock.iso_timestamp(ended_at),
        "queueDuration": _seconds(training.created_at, started_at),
        "trainDuration": _seconds(started_at, ended_at),
    }


def _epoch_ms(moment: datetime) -> int:
    return round(moment.timestamp() * 1000)


def _seconds(start: datetime, end: datetime) -> float:
    return round((end - start).total_seconds(), 3)
