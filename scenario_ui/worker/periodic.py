"""The periodic task: every 30 s (`WORKER_PERIOD_SECONDS`) a worker reports it is alive
(pages warn when it stops) and sweeps the project's changed jobs into our records
(`generate.sweep`).

django.tasks has no clock of its own: the task enqueues its next run itself. Each
worker's start enqueues one too (`run_worker`), in case the chain was lost; of copies
due at the same time, only the one that claims the schedule runs on.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.tasks import task
from django.utils import timezone

from scenario_ui.generate.sweep import sweep
from scenario_ui.scenario.errors import ScenarioError
from scenario_ui.worker.heartbeat import beat
from scenario_ui.worker.models import Schedule
from scenario_ui.worker.scheduling import enqueue_in

log = logging.getLogger("scenario_ui.worker")

WATCH = "watch"


@dataclass(frozen=True)
class Claimed:
    # When the previous claimed run started (None for the first).
    previous_run: datetime | None


def claim(name: str, *, every_seconds: float) -> Claimed | None:
    """This run, when it is the one due now (one conditional UPDATE, atomic in any
    database), else None."""
    now = timezone.now()
    schedule, _ = Schedule.objects.get_or_create(name=name, defaults={"due_at": now})
    # A little early counts: the queue may start a task a moment before its due time.
    due = Schedule.objects.filter(
        name=name, due_at__lte=now + timedelta(seconds=1), ran_at=schedule.ran_at
    )
    if due.update(due_at=now + timedelta(seconds=every_seconds), ran_at=now) != 1:
        return None
    return Claimed(previous_run=schedule.ran_at)


@task()
def keep_watch() -> None:
    every = settings.WORKER_PERIOD_SECONDS
    claimed = claim(WATCH, every_seconds=every)
    if claimed is None:
        return
    beat()
    # Whatever the sweep meets, the chain goes on: the next run is enqueued first.
    enqueue_in(keep_watch, every)
    try:
        sweep(since=claimed.previous_run)
    except ScenarioError as problem:
        # The next sweep reads from this run's start again, so nothing is missed.
        Schedule.objects.filter(name=WATCH).update(ran_at=claimed.previous_run)
        log.warning("sweep problem=%s: %s", type(problem).__name__, problem.message)


def start_watching() -> None:
    """Make the schedule due now and enqueue a run: a lost chain starts again."""
    Schedule.objects.update_or_create(name=WATCH, defaults={"due_at": timezone.now()})
    keep_watch.enqueue()
