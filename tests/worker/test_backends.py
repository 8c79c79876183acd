"""The two real backends run our tasks: the database one in the default run, RQ on Redis
when REDIS_URL names one (CI's PostgreSQL + Redis run). Tasks take the task class of the
backend configured when they are imported, so each run tests its own backend."""

from __future__ import annotations

import io
import os
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.tasks import default_task_backend

from scenario_ui.generate.following import follow_generation
from scenario_ui.generate.models import Generation
from scenario_ui.worker.heartbeat import last_beat
from tests.generate.support import LUMEN, MovableClock, submitted

pytestmark = pytest.mark.usefixtures("seeded_sandbox")


def sent_generation(user: User) -> Generation:
    return submitted(user, LUMEN, {"prompt": ["a lighthouse"]})


@pytest.mark.skipif(bool(os.environ.get("REDIS_URL")), reason="this run's backend is RQ")
@pytest.mark.django_db(transaction=True)
def test_the_database_backend_runs_a_follow_in_db_worker(
    settings: Any, user: User, sandbox_clock: MovableClock
) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    generation = sent_generation(user)
    sandbox_clock.advance(20)
    follow_generation.enqueue(generation.pk)
    call_command("db_worker", batch=True, reload=False, startup_delay=False, stdout=io.StringIO())
    generation.refresh_from_db()
    assert generation.status == "success"
    assert generation.results
    assert last_beat() is not None


@pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="RQ needs the Redis of REDIS_URL")
def test_the_rq_backend_runs_a_follow_in_an_rq_worker(
    settings: Any, user: User, sandbox_clock: MovableClock
) -> None:
    import django_rq
    from django_tasks_rq import Job
    from rq import SimpleWorker

    settings.TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
    queue = django_rq.get_queue("default", job_class=Job)
    queue.empty()
    generation = sent_generation(user)
    sandbox_clock.advance(20)
    result = follow_generation.enqueue(generation.pk)
    assert default_task_backend.get_result(result.id).status == "READY"
    SimpleWorker([queue], connection=queue.connection, job_class=Job).work(burst=True)
    generation.refresh_from_db()
    assert generation.status == "success"
    assert last_beat() is not None
