"""The Train page's live monitor, read from our record of the model (never from Scenario)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth.models import User

from scenario_ui.schema import ModelDefinition
from scenario_ui.team.access import jobs_visible_to
from scenario_ui.training.following import read_soon
from scenario_ui.training.models import Training
from scenario_ui.training.monitor import TrainingMonitor, monitor_for
from scenario_ui.training.page import followed_training
from scenario_ui.worker.heartbeat import WorkerState, worker_state

# The poll carries the status the page shows; a different one redraws the page.
SHOWN_STATUS = "shown"
POLL_SECONDS = 2


@dataclass(frozen=True)
class LiveMonitor:
    monitor: TrainingMonitor
    worker: WorkerState
    checked_at: datetime | None
    poll_seconds: int = POLL_SECONDS

    @property
    def worker_missing(self) -> bool:
        return self.monitor.is_active and self.worker.is_stale

    @property
    def version(self) -> str:
        stamp = self.checked_at.timestamp() if self.checked_at else 0
        return f"training-{self.monitor.status}-{stamp}-{self.worker_missing}"


def live_monitor(user: User, model: ModelDefinition) -> LiveMonitor:
    """`model` as `current_model` gives it: the monitor agrees with the rest of the page."""
    followed = followed_training(user, model.id)
    return LiveMonitor(
        monitor=monitor_for(model),
        worker=worker_state(),
        checked_at=followed.checked_at if followed is not None else None,
    )


def follow_now(user: User, model_id: str) -> None:
    """After a cancel (the owner's, or a lead's): read the model again soon rather than at
    the back-off's pace."""
    latest = Training.objects.filter(jobs_visible_to(user), model_id=model_id).first()
    if latest is not None:
        read_soon(latest)
