from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from scenario_ui.worker.heartbeat import last_beat
from scenario_ui.worker.models import Schedule
from scenario_ui.worker.periodic import WATCH, Claimed, claim, keep_watch, start_watching
from tests.worker.support import enqueued, forget_enqueued

pytestmark = pytest.mark.django_db


def test_of_copies_due_at_once_only_one_claims_the_run() -> None:
    first = claim("sweep", every_seconds=30)
    assert first == Claimed(previous_run=None)
    assert claim("sweep", every_seconds=30) is None
    ran_at = Schedule.objects.get(name="sweep").ran_at
    Schedule.objects.filter(name="sweep").update(due_at=timezone.now() - timedelta(seconds=1))
    # The next run learns when the previous one ran: the sweep reads from there.
    assert claim("sweep", every_seconds=30) == Claimed(previous_run=ran_at)


def test_keep_watch_beats_and_comes_back_in_30_s() -> None:
    start_watching()
    [first] = enqueued("keep_watch")
    forget_enqueued()
    first.task.call()
    assert last_beat() is not None
    [again] = enqueued("keep_watch")
    assert again.task.run_after is not None
    assert again.task.run_after - timezone.now() > timedelta(seconds=28)
    # A second copy (another worker's start) finds the run taken and ends the chain there.
    forget_enqueued()
    keep_watch.call()
    assert enqueued("keep_watch") == []


def test_a_workers_start_restarts_a_lost_chain() -> None:
    Schedule.objects.create(name=WATCH, due_at=timezone.now() + timedelta(hours=1))
    start_watching()
    forget_enqueued()
    keep_watch.call()
    assert len(enqueued("keep_watch")) == 1
