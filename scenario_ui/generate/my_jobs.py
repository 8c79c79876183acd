"""My jobs: the user's generations and trainings as our records hold them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth.models import User

from scenario_ui.generate.models import Generation
from scenario_ui.training.models import Training
from scenario_ui.training.monitor import FINISHED_STATUSES
from scenario_ui.worker.heartbeat import WorkerState, worker_state

# Polls read two short lists from our tables: brisk costs little.
POLL_SECONDS = 3


@dataclass(frozen=True)
class MyJobs:
    generations: list[Generation]
    trainings: list[Training]
    worker: WorkerState
    # The latest change to any record shown, and how many are shown: the version.
    last_change: datetime | None
    count: int
    poll_seconds: int = POLL_SECONDS

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


def my_jobs_view(user: User, *, shown: int) -> MyJobs:
    generations = list(Generation.objects.filter(user=user)[:shown])
    trainings = list(Training.objects.filter(user=user)[:shown])
    changes = [g.updated_at for g in generations] + [t.updated_at for t in trainings]
    return MyJobs(
        generations=generations,
        trainings=trainings,
        worker=worker_state(),
        last_change=max(changes, default=None),
        count=len(changes),
    )
