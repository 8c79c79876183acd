"""A worker's sign of life, and what pages make of its absence."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.utils import timezone

from scenario_ui.worker.models import Heartbeat

WORKER = "worker"
# The periodic task beats every 30 s; two missed beats mean no worker is running.
STALE_AFTER = timedelta(seconds=60)


def beat() -> None:
    Heartbeat.objects.update_or_create(name=WORKER, defaults={"beat_at": timezone.now()})


def last_beat() -> datetime | None:
    return Heartbeat.objects.filter(name=WORKER).values_list("beat_at", flat=True).first()


@dataclass(frozen=True)
class WorkerState:
    last_beat: datetime | None

    @property
    def is_stale(self) -> bool:
        return self.last_beat is None or timezone.now() - self.last_beat > STALE_AFTER

    @property
    def silent_seconds(self) -> int | None:
        if self.last_beat is None:
            return None
        return max(0, round((timezone.now() - self.last_beat).total_seconds()))


def worker_state() -> WorkerState:
    return WorkerState(last_beat())
