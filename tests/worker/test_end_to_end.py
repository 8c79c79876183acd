"""End to end, as `make serve` runs: gunicorn and a real worker process (`run_worker`, the
database backend's db_worker), the sandbox delivering webhooks over HTTP, and pages
polled from outside. The sandbox's call counts show who calls Scenario."""

from __future__ import annotations

import re
import socket
import time
from concurrent.futures import ThreadPoolExecutor

import httpx

from scenario_ui.benchmarks.jobs import STOP_POLLING, wait_until_finished
from scenario_ui.benchmarks.tracking_stack import (
    JOB_SECONDS,
    Stack,
    job_calls,
    tracking_stack,
)
from tests.forms.html import parse_html, posted_fields

LUMEN = "model_demo-lumen-xl"
TRAINABLE = ("model_demo-my-mascot-flux", "model_demo-my-temple-zimage")
STATUS = re.compile(r'class="status status--([a-z-]+)"')


def start_training(stack: Stack, client: httpx.Client, model_id: str) -> None:
    page = f"/models/{model_id}/train/"
    referer = {"Referer": stack.url + page}
    review = client.post(
        f"{page}review/", data=posted_fields(parse_html(client.get(page).text)), headers=referer
    )
    assert review.status_code == 200, review.text[-500:]
    root = parse_html(review.text)
    data = {**posted_fields(root), "__reviewed": root.one("button", name="__reviewed").get("value")}
    assert client.post(f"{page}start/", data=data, headers=referer).status_code == 302


def status_of(client: httpx.Client, page: str) -> str:
    match = STATUS.search(client.get(page).text)
    return match.group(1) if match else ""


def watch(stack: Stack, cookies: dict[str, str], page: str) -> str:
    """A browser tab on a job page: polls as the page does until the job is settled."""
    with httpx.Client(base_url=stack.url, cookies=cookies, timeout=30) as tab:
        etag = ""
        for _ in range(200):
            answer = tab.get(f"{page}poll/", headers={"HX-Request": "true", "If-None-Match": etag})
            etag = answer.headers.get("ETag", etag)
            if answer.status_code == STOP_POLLING:
                return STATUS.search(answer.text).group(1)  # type: ignore[union-attr]
            time.sleep(0.5)
    return "still polling"


def seconds_to_success(client: httpx.Client, page: str, submitted_at: float) -> float:
    while time.monotonic() - submitted_at < 60:
        if client.get(f"{page}poll/", headers={"HX-Request": "true"}).status_code == STOP_POLLING:
            return time.monotonic() - submitted_at
        time.sleep(0.1)
    raise AssertionError(f"{page} did not succeed in 60 s")


def reserved_nowhere(closed: socket.socket) -> str:
    closed.bind(("127.0.0.1", 0))
    return f"http://127.0.0.1:{closed.getsockname()[1]}"


def test_every_job_ends_followed_by_the_worker_and_no_page_calls_scenario() -> None:
    with tracking_stack(name="e2e-tracking", webhooks=True) as stack:
        client = stack.signed_in()
        before = stack.calls()
        pages = [stack.submit(client, LUMEN, {"prompt": f"a lighthouse {n}"}) for n in range(20)]
        for model_id in TRAINABLE:
            start_training(stack, client, model_id)
        cookies = dict(client.cookies)
        with ThreadPoolExecutor(5) as tabs:
            watched = list(tabs.map(lambda page: watch(stack, cookies, page), pages[:5]))
        assert watched == ["success"] * 5
        wait_until_finished(client, pages)
        for model_id in TRAINABLE:
            deadline = time.monotonic() + 60
            while status_of(client, f"/models/{model_id}/train/") != "trained":
                assert time.monotonic() < deadline, f"{model_id} did not finish training"
                time.sleep(0.5)
        # Submit, one read after the webhook, the results: 3 calls a job, whoever watched.
        assert job_calls(before, stack.calls()) <= 4 * len(pages)

        # Every page, read again and again: Scenario is not asked anything more.
        settled = stack.calls()
        for _ in range(3):
            for page in [*pages, "/jobs/", *(f"/models/{m}/train/" for m in TRAINABLE)]:
                assert client.get(page).status_code == 200
            for page in pages:
                client.get(f"{page}poll/", headers={"HX-Request": "true"})
        changed = {
            r: n - settled.get(r, 0) for r, n in stack.calls().items() if n != settled.get(r)
        }
        # Only the worker's sweep (one listing every 30 s) may have run meanwhile.
        assert set(changed) <= {"GET jobs"}

        # A webhook delivery makes the page show success about as soon as the job ends,
        # long before the follow task's first read (30 s with webhooks).
        submitted_at = time.monotonic()
        page = stack.submit(client, LUMEN, {"prompt": "a quick one"})
        assert seconds_to_success(client, page, submitted_at) < JOB_SECONDS + 2


def test_a_lost_webhook_is_caught_by_the_sweep() -> None:
    # Bound but not listening, for the whole test: connections are refused, and no server
    # can be given this port meanwhile.
    with (
        socket.socket() as closed,
        tracking_stack(
            name="e2e-lost-webhook",
            webhooks=True,
            webhook_base_url=reserved_nowhere(closed),
            period_seconds=3,
        ) as stack,
    ):
        client = stack.signed_in()
        submitted_at = time.monotonic()
        page = stack.submit(client, LUMEN, {"prompt": "a lighthouse"})
        # Its delivery goes nowhere; the first follow read is 30 s away: the sweep finds it.
        assert seconds_to_success(client, page, submitted_at) < JOB_SECONDS + 3 + 3
        assert stack.calls().get("GET jobs/<str:job_id>", 0) == 0
