"""Sandbox trainings: starting one, canceling one, and keeping model records current.

No worker moves a training on. Every read of a model record first brings the records of
models in training up to date (`sync_trainings`), from the clock (`training_lifecycle`),
so lists, filters and single reads all see the current status. Once a training has ended,
its outcome is written into the record one last time and the training is left alone
("settled").
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Final

from django.conf import settings
from django.db import transaction

from scenario_ui.sandbox import clock
from scenario_ui.sandbox.api.errors import SandboxApiError
from scenario_ui.sandbox.json_types import JsonObject
from scenario_ui.sandbox.models import SandboxModel, SandboxTraining
from scenario_ui.sandbox.training_lifecycle import (
    CANCELABLE_STAGES,
    TrainingState,
    TrainingTimeline,
    training_state,
)
from scenario_ui.sandbox.training_order import TrainingOrder, refuse_untrainable_status
from scenario_ui.sandbox.training_records import model_record_at, training_job_json

DEFAULT_TRAINING_SECONDS: Final = 12.0
# What an earlier training of the same model left in the record; a new training resets it.
PREVIOUS_OUTCOME_FIELDS: Final = frozenset({"trainingStats", "failureReason"})


def training_seconds() -> float:
    return float(getattr(settings, "SANDBOX_TRAINING_SECONDS", DEFAULT_TRAINING_SECONDS))


def start_training(order: TrainingOrder) -> SandboxTraining:
    with transaction.atomic():
        row = SandboxModel.objects.select_for_update().get(pk=order.model_id)
        # Checked again under the lock: a concurrent trigger may have started it meanwhile.
        refuse_untrainable_status(order.model_id, row.status)
        training = SandboxTraining.objects.create(
            model_id=order.model_id,
            family=order.family.key,
            parameters=order.parameters,
            created_at=clock.now(),
            duration_seconds=training_seconds(),
            fails=order.fails,
            cost=order.cost.total,
        )
        record = {
            key: value for key, value in row.record.items() if key not in PREVIOUS_OUTCOME_FIELDS
        }
        record.update(parameters=order.parameters, jobId=training.id)
        _write(row, record, training)
    return training


def sync_trainings(model_ids: Collection[str] | None = None) -> None:
    """Write the current stage of every unsettled training (of `model_ids`) into its model."""
    pending = SandboxTraining.objects.filter(settled=False)
    if model_ids is not None:
        pending = pending.filter(model_id__in=model_ids)
    for training_id in list(pending.values_list("id", flat=True)):
        with transaction.atomic():
            training = SandboxTraining.objects.select_for_update().get(pk=training_id)
            if training.settled:
                continue  # A concurrent read settled it in the meantime.
            row = SandboxModel.objects.get(pk=training.model_id)
            _write(row, row.record, training)


def cancel_training(model_id: str) -> None:
    """Cancel the training of `model_id` while queued or starting; 400 once it runs."""
    sync_trainings([model_id])
    training = SandboxTraining.objects.filter(model_id=model_id, settled=False).first()
    if training is None:
        raise _nothing_to_cancel(model_id)
    if state_now(training).stage not in CANCELABLE_STAGES:
        raise _running(model_id)
    training.canceled_at = clock.now()
    training.save(update_fields=["canceled_at"])
    sync_trainings([model_id])


def find_training(job_id: str) -> SandboxTraining | None:
    return SandboxTraining.objects.filter(pk=job_id).first()


def training_job(training: SandboxTraining) -> JsonObject:
    return training_job_json(training, state_now(training))


def state_now(training: SandboxTraining) -> TrainingState:
    timeline = TrainingTimeline(
        created_at=training.created_at,
        duration_seconds=training.duration_seconds,
        fails=training.fails,
        canceled_at=training.canceled_at,
    )
    return training_state(timeline, clock.now())


def _write(row: SandboxModel, record: JsonObject, training: SandboxTraining) -> None:
    state = state_now(training)
    shown = model_record_at(record, training, state)
    if shown != row.record:
        SandboxModel.from_record(shown).save(force_update=True)
    if state.is_finished:
        training.settled = True
        training.save(update_fields=["settled"])


def _nothing_to_cancel(model_id: str) -> SandboxApiError:
    status = SandboxModel.objects.filter(pk=model_id).values_list("status", flat=True).first()
    if status is None:
        return SandboxApiError(404, f"Model {model_id} not found")
    if status == "training":
        # A demo record shown mid-training has no sandbox training behind it to stop.
        return _running(model_id)
    return SandboxApiError(400, f"Model {model_id} is not training")


def _running(model_id: str) -> SandboxApiError:
    return SandboxApiError(400, f"Training of model {model_id} cannot be canceled once running")
