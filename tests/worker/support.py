"""Reading and running what tests enqueued (kept by tests/worker/backend.py)."""

from __future__ import annotations

from typing import Any

from django.tasks.base import TaskResult
from django.utils import timezone

from tests.worker.backend import KeptTasksBackend


def enqueued(name: str | None = None) -> list[TaskResult[Any, Any]]:
    return [r for r in KeptTasksBackend.kept if name is None or r.task.name == name]


def forget_enqueued() -> None:
    KeptTasksBackend.kept.clear()


def run_enqueued(name: str) -> int:
    """Run the tasks called `name` that are waiting (not what they enqueue): how many ran."""
    return _run(enqueued(name))


def run_due() -> int:
    """What a worker does at this moment: run every task whose time has come."""
    now = timezone.now()
    return _run([r for r in enqueued() if r.task.run_after is None or r.task.run_after <= now])


def _run(results: list[TaskResult[Any, Any]]) -> int:
    kept = KeptTasksBackend.kept
    kept[:] = [result for result in kept if result not in results]
    for result in results:
        result.task.call(*result.args, **result.kwargs)
    return len(results)
