"""My jobs: the user's generations and trainings as our records hold them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth.models import User

from scenario_ui.generate.job_list import (
    JobFilters,
    JobRow,
    TrainingRow,
    filtered_generations,
    job_rows,
    training_rows,
)
from scenario_ui.generate.models import Generation
from scenario_ui.training.models import Training
from scenario_ui.training.monitor import FINISHED_STATUSES
from scenario_ui.worker.heartbeat import WorkerState, worker_state

# Polls read two short lists from our tables: brisk costs little.
POLL_SECONDS = 3


@dataclass(frozen=True)
class MyJobs:
    filters: JobFilters
    rows: list[JobRow]
    training_rows: list[TrainingRow]
    worker: WorkerState
    # The latest change to any record shown, and how many are shown: the version.
    last_change: datetime | None
    count: int
    poll_seconds: int = POLL_SECONDS

    @property
    def generations(self) -> list[Generation]:
        return [row.generation for row in self.rows]

    @property
    def trainings(self) -> list[Training]:
        return [row.training for row in self.training_rows]

    @property
    def running(self) -> bool:
        return any(g.is_running for g in self.generations) or any(
            t.outcome != Training.Outcome.SUBMITTING and t.model_status not in FINISHED_STATUSES
            for t in self.trainings
        )

    @property
    def checked_at(self) -> datetime | None:
        """When a worker last read any job still running (how fresh the page is)."""
        times = [g.checked_at for g in self.generations if g.is_running and g.checked_at]
        return max(times, default=None)

    @property
    def worker_missing(self) -> bool:
        return self.running and self.worker.is_stale

    @property
    def version(self) -> str:
        stamp = self.last_change.timestamp() if self.last_change else 0
        return f"jobs-{self.count}-{stamp}-{self.worker_missing}"


def my_jobs_view(user: User, *, shown: int, filters: JobFilters) -> MyJobs:
    generations = list(filtered_generations(user=user, filters=filters)[:shown])
    trainings = list(Training.objects.filter(user=user)[:shown])
    changes = [g.updated_at for g in generations] + [t.updated_at for t in trainings]
    return MyJobs(
        filters=filters,
        rows=job_rows(generations),
        training_rows=training_rows(trainings),
        worker=worker_state(),
        last_change=max(changes, default=None),
        count=len(changes),
    )
