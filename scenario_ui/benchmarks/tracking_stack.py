"""The whole job-tracking stack as `make serve` runs it, for the job benchmark and the
end-to-end test to drive from outside: `Procfile.serve` (gunicorn and a task worker) under
honcho, the sandbox (delivering webhooks when asked), on a SQLite database of the run's own.
"""

from __future__ import annotations

import re
import secrets
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

import httpx

from scenario_ui.benchmarks.paths import PROJECT_DIR, WORK_DIR
from scenario_ui.benchmarks.production import (
    DEMO_PASSWORD,
    ServerError,
    free_port,
    prepare,
    production_environment,
    running_server,
)

JOB_SECONDS: Final = 4
# What `make serve` starts once the app is prepared.
SERVE_COMMAND: Final = (
    f"{Path(sys.executable).parent}/honcho start --procfile Procfile.serve --port {{port}}"
)
# The routes a job costs upstream, from its submission to its results.
JOB_ROUTES: Final = (
    "POST generate/custom/<str:model_id>",
    "GET jobs/<str:job_id>",
    "GET jobs",
    "POST assets/get-bulk",
)
_CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
_TOKEN = re.compile(r'name="__token" value="([^"]+)"')


@dataclass(frozen=True)
class Stack:
    url: str
    key_pair: tuple[str, str]

    def calls(self) -> dict[str, int]:
        """The sandbox's call counts per route (`/sandbox/v1/_stats`)."""
        answer = httpx.get(f"{self.url}/sandbox/v1/_stats", auth=self.key_pair, timeout=30)
        answer.raise_for_status()
        routes: dict[str, int] = answer.json()["routes"]
        return routes

    def signed_in(self) -> httpx.Client:
        client = httpx.Client(base_url=self.url, timeout=30)
        login = client.get("/accounts/login/")
        signed = client.post(
            "/accounts/login/",
            data={
                "csrfmiddlewaretoken": _found(_CSRF, login.text),
                "username": "demo",
                "password": DEMO_PASSWORD,
            },
            headers={"Referer": f"{self.url}/accounts/login/"},
        )
        if signed.status_code != 302:
            raise ServerError(f"the demo user could not sign in ({signed.status_code})")
        return client

    def submit(self, client: httpx.Client, model_id: str, fields: dict[str, Any]) -> str:
        """One generation through the model page's form: the job page's path."""
        page = client.get(f"/models/{model_id}/")
        answer = client.post(
            f"/models/{model_id}/generate/",
            data={
                "csrfmiddlewaretoken": _found(_CSRF, page.text),
                "__token": _found(_TOKEN, page.text),
                **fields,
            },
            headers={"Referer": f"{self.url}/models/{model_id}/"},
        )
        if answer.status_code != 302:
            raise ServerError(f"the submission was not accepted ({answer.status_code})")
        return answer.headers["Location"]


def job_calls(before: dict[str, int], after: dict[str, int]) -> int:
    return sum(after.get(route, 0) - before.get(route, 0) for route in JOB_ROUTES)


@contextmanager
def tracking_stack(
    *,
    name: str,
    webhooks: bool,
    period_seconds: float = 30,
    job_seconds: float = JOB_SECONDS,
    webhook_base_url: str = "",
    server_command: str = SERVE_COMMAND,
) -> Iterator[Stack]:
    """Prepared, started and stopped around the block; `webhooks` registers the sandbox's
    endpoint first, as `make run` does (at `webhook_base_url` instead of the server: where
    deliveries are lost)."""
    database = WORK_DIR / f"{name}.sqlite3"
    WORK_DIR.mkdir(exist_ok=True)
    database.unlink(missing_ok=True)
    key_pair = (secrets.token_urlsafe(12), secrets.token_urlsafe(24))
    environment = production_environment(f"sqlite:///{database}")
    # The embedded shape: tasks in this run's database, for db_worker. A Redis queue would
    # be shared with whatever else uses that Redis, and outlive the run.
    environment.pop("REDIS_URL", None)
    environment.update(
        SANDBOX_API_KEY=key_pair[0],
        SANDBOX_API_SECRET=key_pair[1],
        SANDBOX_JOB_SECONDS=str(job_seconds),
        WORKER_PERIOD_SECONDS=str(period_seconds),
        PATH=f"{Path(sys.executable).parent}:{environment.get('PATH', '')}",
        WEB_CONCURRENCY="2",
        # Plain HTTP on the loopback: cookies marked Secure would never come back.
        SECURE_COOKIES="false",
    )
    prepare(environment)
    port = free_port()
    with running_server(server_command, port=port, environment=environment, name=name) as web:
        if webhooks:
            subprocess.run(
                [
                    sys.executable,
                    "manage.py",
                    "scenario_webhook",
                    "register",
                    "--base-url",
                    webhook_base_url or web.url,
                ],
                cwd=PROJECT_DIR,
                env=environment,
                check=True,
                capture_output=True,
            )
        yield Stack(url=web.url, key_pair=key_pair)


def _found(pattern: re.Pattern[str], text: str) -> str:
    match = pattern.search(text)
    if match is None:
        raise ServerError(f"the page has no {pattern.pattern!r}")
    return match.group(1)
