"""The periodic task: every 30 s a worker reports it is alive (pages warn when it stops).

django.tasks has no clock of its own: the task enqueues its next run itself. Each
worker's start enqueues one too (`run_worker`), in case the chain was lost; of copies
due at the same time, only the one that claims the schedule runs on.
"""

from __future__ import annotations

from datetime import timedelta

from django.tasks import task
from django.utils import timezone

from scenario_ui.worker.heartbeat import beat
from scenario_ui.worker.models import Schedule
from scenario_ui.worker.scheduling import enqueue_in

WATCH = "watch"
EVERY_SECONDS = 30


def claim(name: str, *, every_seconds: float) -> bool:
    """Whether this run is the one due now: one conditional UPDATE, atomic in any database."""
    now = timezone.now()
    Schedule.objects.get_or_create(name=name, defaults={"due_at": now})
    # A little early counts: the queue may start a task a moment before its due time.
    due = Schedule.objects.filter(name=name, due_at__lte=now + timedelta(seconds=1))
    return due.update(due_at=now + timedelta(seconds=every_seconds)) == 1


@task()
def keep_watch() -> None:
    if not claim(WATCH, every_seconds=EVERY_SECONDS):
        return
    beat()
    enqueue_in(keep_watch, EVERY_SECONDS)


def start_watching() -> None:
    """Make the schedule due now and enqueue a run: a lost chain starts again."""
    Schedule.objects.update_or_create(name=WATCH, defaults={"due_at": timezone.now()})
    keep_watch.enqueue()
