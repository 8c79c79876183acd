"""Locust users for `make loadtest`: the catalog page, the model page and live form updates.

Run by `scenario_ui.benchmarks.loadtest`, which writes the plan (BENCH_LOAD_PLAN) and steps the
user count up. Each user sends its next request as soon as the last one is answered
(closed loop, no think time); a response other than 200 counts as an error (a redirect to
the login page means the session was lost).
"""

from __future__ import annotations

import itertools
import os
from pathlib import Path

from locust import FastHttpUser, constant, task

from scenario_ui.benchmarks.load_plan import LoadPlan

PLAN = LoadPlan.load(Path(os.environ["BENCH_LOAD_PLAN"]))
# A different prompt each time, as someone typing; the form re-validates each one.
PROMPTS = itertools.cycle(
    f"A lighthouse on a basalt cliff at dawn, volumetric fog, 35mm photo, take {n}"
    for n in range(1000)
)


class FormUser(FastHttpUser):
    wait_time = constant(0)

    def _expect_ok(
        self, method: str, path: str, name: str, *, headers: dict[str, str], data: str = ""
    ) -> None:
        with self.client.request(
            method,
            path,
            name=name,
            headers={"Cookie": PLAN.cookie_header, **headers},
            data=data or None,
            allow_redirects=False,
            catch_response=True,
        ) as response:
            if response.status_code != 200:
                response.failure(f"HTTP {response.status_code}")

    @task(PLAN.weights["catalog page"])
    def catalog_page(self) -> None:
        self._expect_ok("GET", PLAN.catalog_path, "catalog page", headers={})

    @task(PLAN.weights["model page"])
    def model_page(self) -> None:
        self._expect_ok("GET", PLAN.model_path, "model page", headers={})

    @task(PLAN.weights["live update"])
    def live_update(self) -> None:
        self._expect_ok(
            "POST",
            PLAN.live.path,
            "live update",
            headers=PLAN.live.headers,
            data=PLAN.live.body(next(PROMPTS)),
        )
