from __future__ import annotations

from typing import Any

import pytest
from django.core.management import call_command

from scenario_ui.worker.management.commands import run_worker
from tests.worker.support import enqueued

pytestmark = pytest.mark.django_db


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> list[tuple[tuple[Any, ...], dict[str, Any]]]:
    calls: list[tuple[tuple[Any, ...], dict[str, Any]]] = []
    monkeypatch.setattr(run_worker, "call_command", lambda *a, **k: calls.append((a, k)))
    return calls


@pytest.fixture
def no_periodic_start(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each backend's own enqueue is tested with it (test_backends.py): not here."""
    monkeypatch.setattr(run_worker, "start_watching", lambda: None)


@pytest.mark.usefixtures("no_periodic_start")
def test_the_database_backend_runs_db_worker(settings: Any, started: list[Any]) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    call_command("run_worker")
    assert started == [(("db_worker",), {"reload": False, "interval": 0.2})]


@pytest.mark.usefixtures("no_periodic_start")
def test_rq_runs_an_rq_worker_with_its_scheduler(settings: Any, started: list[Any]) -> None:
    settings.TASKS = {"default": {"BACKEND": run_worker.RQ_BACKEND, "QUEUES": ["default"]}}
    call_command("run_worker")
    assert started == [
        (("rqworker", "default"), {"job_class": "django_tasks_rq.Job", "with_scheduler": True})
    ]


def test_a_worker_start_enqueues_the_periodic_task(started: list[Any]) -> None:
    call_command("run_worker")
    assert len(enqueued("keep_watch")) == 1
