"""Enqueueing through django.tasks, later or now, with one log line per event."""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any

from django.tasks import Task
from django.utils import timezone

log = logging.getLogger("scenario_ui.worker")


def enqueue_in(task: Task[Any, Any], seconds: float, *args: Any) -> None:
    """Run `task(*args)` once `seconds` have passed (at once for 0)."""
    if seconds > 0:
        task = task.using(run_after=timezone.now() + timedelta(seconds=seconds))
    task.enqueue(*args)
