"""The task backend of the tests: Django's dummy backend, keeping what is enqueued in one
list for every thread and both task handlers (django.tasks and, with RQ, its backport),
so a test reads it and runs it as a worker would (tests/worker/support.py)."""

from __future__ import annotations

from typing import Any, ClassVar

from django.tasks.backends.dummy import DummyBackend
from django.tasks.base import TaskResult


class KeptTasksBackend(DummyBackend):
    kept: ClassVar[list[TaskResult[Any, Any]]] = []

    def __init__(self, alias: str, params: dict[str, Any]) -> None:
        super().__init__(alias, params)
        self.results = KeptTasksBackend.kept
