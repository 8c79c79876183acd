from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from scenario_ui.worker.heartbeat import WorkerState, beat, worker_state

pytestmark = pytest.mark.django_db


def test_no_beat_yet_is_a_stale_worker() -> None:
    state = worker_state()
    assert (state.is_stale, state.silent_seconds) == (True, None)


def test_a_recent_beat_is_alive_and_a_minute_of_silence_is_stale() -> None:
    beat()
    assert worker_state().is_stale is False
    old = WorkerState(last_beat=timezone.now() - timedelta(seconds=61))
    assert (old.is_stale, old.silent_seconds) == (True, 61)
