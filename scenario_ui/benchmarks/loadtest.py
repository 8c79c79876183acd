"""`make loadtest`: the highest request rate the production server sustains with p99 <= 200 ms.

Starts the app in its production shape (see `production`: 2 gunicorn workers), records one
real live form update in Chromium, then runs locust headless in steps of rising user
counts (closed loop: each user sends its next request as soon as the last is answered)
over a mix of catalog page, model page and live updates. Stops at the first step that
does not hold (an error, or p99 over the limit) and prints every step, the requests of
the best one, and the sustained rate.

Usage: python -m scenario_ui.benchmarks.loadtest --server-command CMD [--users 1,2,4,8,16,32]
    [--step-seconds 20] [--p99-ms 200] [--port P]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Final

from playwright.sync_api import Playwright, sync_playwright

from scenario_ui.accounts.demo_names import DEMO_USERNAME
from scenario_ui.benchmarks.browser_run import OurPage
from scenario_ui.benchmarks.chromium import cookie_header, fresh_chromium, sign_in
from scenario_ui.benchmarks.definitions import FLUX
from scenario_ui.benchmarks.load_plan import LiveUpdate, LoadPlan
from scenario_ui.benchmarks.load_steps import (
    StatsError,
    StepResult,
    read_stats,
    request_table,
    step_table,
    sustained,
)
from scenario_ui.benchmarks.options import add_server_options, positive, positive_list
from scenario_ui.benchmarks.paths import PROJECT_DIR, WORK_DIR
from scenario_ui.benchmarks.production import (
    DEMO_PASSWORD,
    ServerError,
    production_server,
    warm_up,
)

LOCUSTFILE: Final = PROJECT_DIR / "bench" / "load" / "locustfile.py"
PLAN: Final = WORK_DIR / "load-plan.json"
TARGET_RATE: Final = 200
TYPED: Final = "A lighthouse"
# Locust stops its users this long after the run time, then writes its stats.
STOP_SECONDS: Final = 5


class LoadError(Exception):
    """A load step could not be run; the message says why."""


def main(argv: Sequence[str] | None = None) -> int:
    options = _parser().parse_args(argv)
    load_before = os.getloadavg()[0]
    try:
        with production_server(
            options.server_command,
            port=options.port,
            database_url=options.database_url,
            name="loadtest-server",
        ) as server:
            with sync_playwright() as playwright:
                plan = record_plan(playwright, server.url)
            plan.save(PLAN)
            for path in (plan.catalog_path, plan.model_path):
                warm_up(server.url + path, cookie_header=plan.cookie_header)
            print("\n".join(_header(options, plan)), flush=True)
            steps = _step_up(options, host=server.url)
    except (ServerError, LoadError, StatsError) as error:
        print(f"loadtest: {error}", file=sys.stderr)
        return 1
    print("\n".join(_summary(steps, options.p99_ms)))
    print(
        f"Load average {load_before:.2f} at the start, {os.getloadavg()[0]:.2f} at the end "
        "(anything else running on the machine lowers the rate)."
    )
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="loadtest", description="The sustained request rate.")
    parser.add_argument(
        "--users",
        type=positive_list,
        default=[1, 2, 4, 8, 16, 32, 64],
        help="the user counts to step through, rising (default 1,2,4,8,16,32,64)",
    )
    parser.add_argument("--step-seconds", type=positive, default=20, help="how long each step runs")
    parser.add_argument(
        "--p99-ms", type=positive, default=200, help="the p99 a sustained rate must keep"
    )
    add_server_options(parser)
    return parser


def record_plan(playwright: Playwright, base_url: str) -> LoadPlan:
    """Sign in, type into the FLUX.1 model page in Chromium, keep the request htmx sends."""
    cookies = sign_in(playwright, base_url=base_url, username=DEMO_USERNAME, password=DEMO_PASSWORD)
    page_kind = OurPage()
    model_path = page_kind.path(FLUX)
    with fresh_chromium(playwright) as context:
        context.add_cookies(cookies)
        page = context.new_page()
        page.goto(base_url + model_path)
        live_url = f"{base_url}/models/{FLUX.model_id}/form/"
        with page.expect_request(
            lambda request: request.method == "POST" and request.url == live_url
        ) as sent:
            page.locator(page_kind.control("prompt")).press_sequentially(TYPED)
        request = sent.value
        live = LiveUpdate.recorded(
            path=live_url.removeprefix(base_url),
            headers=request.all_headers(),
            body=request.post_data or "",
            typed="prompt",
        )
    return LoadPlan(
        cookie_header=cookie_header(cookies),
        catalog_path="/",
        model_path=model_path,
        live=live,
    )


def _step_up(options: argparse.Namespace, *, host: str) -> list[StepResult]:
    steps: list[StepResult] = []
    print("\n".join(step_table([], options.p99_ms)), flush=True)
    for users in options.users:
        step = run_step(users=users, seconds=options.step_seconds, host=host)
        steps.append(step)
        print(step_table([step], options.p99_ms)[1], flush=True)
        if not step.holds(options.p99_ms):
            break
    return steps


def run_step(*, users: int, seconds: int, host: str) -> StepResult:
    """One locust run of `users` users for `seconds`; its figures after all users started."""
    prefix = WORK_DIR / f"loadtest-{users}-users"
    stats = Path(f"{prefix}_stats.csv")
    stats.unlink(missing_ok=True)
    command = [
        sys.executable,
        "-m",
        "locust",
        "--locustfile",
        str(LOCUSTFILE),
        "--headless",
        "--users",
        str(users),
        "--spawn-rate",
        str(users),
        "--run-time",
        f"{seconds}s",
        "--stop-timeout",
        str(STOP_SECONDS),
        "--reset-stats",
        "--only-summary",
        "--loglevel",
        "ERROR",
        "--host",
        host,
        "--csv",
        str(prefix),
    ]
    try:
        finished = subprocess.run(
            command,
            cwd=PROJECT_DIR,
            env={**os.environ, "BENCH_LOAD_PLAN": str(PLAN)},
            capture_output=True,
            text=True,
            timeout=seconds + STOP_SECONDS + 60,
            check=False,
        )
    except subprocess.TimeoutExpired as error:
        raise LoadError(f"locust ran past its time with {users} users") from error
    # Locust exits with 1 when a request failed: that is a finding, not a crash.
    if not stats.exists():
        raise LoadError(f"locust wrote no stats with {users} users:\n{finished.stderr[-2000:]}")
    return read_stats(stats.read_text(encoding="utf-8"), users=users)


def _header(options: argparse.Namespace, plan: LoadPlan) -> list[str]:
    return [
        "",
        f"Load test: {plan.mix_text()} (the FLUX.1 Dev model page; each live update is the "
        "request htmx sent when the prompt was typed in Chromium, replayed with a new prompt).",
        f"Server: {options.server_command}, DEBUG=false, WhiteNoise, sandbox; one signed-in "
        "session. Closed loop: each user sends its next request when the last is answered.",
        f"Steps of {options.step_seconds} s (figures from after all users started); a step "
        f"holds with 0 errors and p99 <= {options.p99_ms} ms.",
        f"The load client (locust, one process) shares this {os.cpu_count()}-CPU machine with "
        "the server, and takes CPU from it: the rates are what both together reach.",
        "",
    ]


def _summary(steps: Sequence[StepResult], p99_limit_ms: int) -> list[str]:
    best = sustained(steps, p99_limit_ms)
    if best is None:
        return [
            "",
            f"No step held: not even {steps[0].users} user(s) kept p99 <= {p99_limit_ms} ms "
            "with 0 errors.",
        ]
    verdict = "met" if best.total.per_second >= TARGET_RATE else "MISSED"
    return [
        "",
        f"Requests of the best step ({best.users} users):",
        *request_table(best),
        "",
        f"Sustained: {best.total.per_second:.1f} requests/s with p99 {best.total.p99_ms:.0f} ms "
        f"<= {p99_limit_ms} ms and 0 errors, at {best.users} users "
        f"(issue 12's target >= {TARGET_RATE}/s: {verdict}; the load client shares the machine).",
    ]


if __name__ == "__main__":
    sys.exit(main())
