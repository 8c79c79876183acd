"""Reading and running what tests enqueued (the Dummy backend keeps it, see tests/conftest.py)."""

from __future__ import annotations

from typing import Any

from django.tasks import default_task_backend
from django.tasks.base import TaskResult


def enqueued(name: str | None = None) -> list[TaskResult[Any, Any]]:
    results: list[TaskResult[Any, Any]] = list(default_task_backend.results)  # type: ignore[attr-defined]
    return [r for r in results if name is None or r.task.name == name]


def forget_enqueued() -> None:
    default_task_backend.clear()  # type: ignore[attr-defined]


def run_enqueued(name: str) -> int:
    """Run the tasks called `name` that are waiting (not what they enqueue): how many ran."""
    waiting = enqueued(name)
    kept = default_task_backend.results  # type: ignore[attr-defined]
    kept[:] = [result for result in kept if result not in waiting]
    for result in waiting:
        result.task.call(*result.args, **result.kwargs)
    return len(waiting)
