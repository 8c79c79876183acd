from __future__ import annotations

from typing import Any

import pytest
from django.utils import timezone

from scenario_ui.sandbox import clock
from tests.generate.support import JOB_SECONDS, MovableClock


@pytest.fixture
def sandbox_clock(monkeypatch: pytest.MonkeyPatch, settings: Any) -> MovableClock:
    """Ten-second sandbox jobs on a clock that moves only when told to."""
    settings.SANDBOX_JOB_SECONDS = JOB_SECONDS
    movable = MovableClock(timezone.now())
    monkeypatch.setattr(clock, "now", movable.now)
    return movable
