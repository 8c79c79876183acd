"""One worker process, whichever backend the settings chose: `manage.py run_worker`."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from scenario_ui.worker.periodic import start_watching

RQ_BACKEND = "django_tasks_rq.RQBackend"
# How often the database backend's worker looks for due tasks: one indexed query, and a
# webhook's news (a task the receiver enqueues) reaches pages well within a second.
DB_POLL_SECONDS = 0.2


class Command(BaseCommand):
    help = (
        "Run a background worker: the database backend's db_worker, or an RQ worker with its "
        "scheduler when REDIS_URL is set. Start as many as needed, on any machine."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        start_watching()
        backend = settings.TASKS["default"]["BACKEND"]
        if backend == RQ_BACKEND:
            call_command(
                "rqworker",
                *settings.TASK_QUEUES,
                job_class="django_tasks_rq.Job",
                with_scheduler=True,
            )
        else:
            call_command("db_worker", reload=False, interval=DB_POLL_SECONDS)
