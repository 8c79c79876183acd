"""`make bench` (its job-tracking part): what following jobs costs, measured from outside.

- Upstream calls per job, from submit to success, with and without webhooks: the
  sandbox's own call counts (`/sandbox/v1/_stats`) for the job routes, over N jobs.
- Poll answer time at 200 open job pages: each page polls every 2 s, as the job page
  does (revalidating with If-None-Match); p50 and p95 of the answer times.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor

import httpx

from scenario_ui.benchmarks.tracking_stack import Stack, job_calls, tracking_stack

LUMEN = "model_demo-lumen-xl"
POLL_EVERY_SECONDS = 2.0
STOP_POLLING = 286


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument("--jobs", type=int, default=20, help="jobs per calls measurement")
    parser.add_argument("--pages", type=int, default=200, help="open job pages, polling")
    parser.add_argument("--seconds", type=float, default=10, help="how long the pages poll")
    parser.add_argument(
        "--clients",
        type=int,
        default=2,
        help="client threads sharing the pages (one per server worker)",
    )
    parser.add_argument("--only-polls", action="store_true", help="skip the calls per job")
    options = parser.parse_args(argv)
    if not options.only_polls:
        for webhooks in (False, True):
            with tracking_stack(name=f"bench-jobs-{webhooks}", webhooks=webhooks) as stack:
                per_job = calls_per_job(stack, jobs=options.jobs)
            label = "with" if webhooks else "without"
            print(f"upstream_calls_per_job_{label}_webhooks {per_job:.2f}", flush=True)
    # Jobs that outlast the measurement: the pages poll running jobs, as people watch them.
    running = options.seconds * 3 + 60
    with tracking_stack(name="bench-polls", webhooks=True, job_seconds=running) as stack:
        p50, p95 = poll_times(
            stack, pages=options.pages, seconds=options.seconds, clients=options.clients
        )
    print(f"poll_p50_ms_at_{options.pages}_pages {p50:.1f}")
    print(f"poll_p95_ms_at_{options.pages}_pages {p95:.1f}")
    return 0


def calls_per_job(stack: Stack, *, jobs: int) -> float:
    client = stack.signed_in()
    before = stack.calls()
    pages = [stack.submit(client, LUMEN, {"prompt": f"a lighthouse {n}"}) for n in range(jobs)]
    wait_until_finished(client, pages)
    return job_calls(before, stack.calls()) / jobs


def wait_until_finished(client: httpx.Client, pages: list[str], timeout: float = 120) -> None:
    waiting = list(pages)
    deadline = time.monotonic() + timeout
    while waiting:
        if time.monotonic() > deadline:
            raise TimeoutError(f"{len(waiting)} jobs did not finish in {timeout} s")
        waiting = [
            page for page in waiting if client.get(f"{page}poll/").status_code != STOP_POLLING
        ]
        time.sleep(0.25)


def poll_times(stack: Stack, *, pages: int, seconds: float, clients: int) -> tuple[float, float]:
    client = stack.signed_in()
    polls = [f"{stack.submit(client, LUMEN, {'prompt': f'page {n}'})}poll/" for n in range(pages)]
    cookies = dict(client.cookies)
    with ThreadPoolExecutor(clients) as pool:
        shares = [polls[n::clients] for n in range(clients)]
        timings = pool.map(lambda share: _poll_share(stack.url, cookies, share, seconds), shares)
        times = [t for share in timings for t in share]
    quantiles = statistics.quantiles(times, n=20)
    return statistics.median(times), quantiles[18]


def _poll_share(url: str, cookies: dict[str, str], polls: list[str], seconds: float) -> list[float]:
    """These pages polling every 2 s, each revalidating its last answer: answer times (ms)."""
    times: list[float] = []
    etags: dict[str, str] = {}
    with httpx.Client(base_url=url, cookies=cookies, timeout=30) as client:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            round_start = time.monotonic()
            for poll in polls:
                headers = {"HX-Request": "true", "If-None-Match": etags.get(poll, "")}
                started = time.perf_counter()
                answer = client.get(poll, headers=headers)
                times.append((time.perf_counter() - started) * 1000)
                if "ETag" in answer.headers:
                    etags[poll] = answer.headers["ETag"]
            time.sleep(max(0.0, POLL_EVERY_SECONDS - (time.monotonic() - round_start)))
    return times


if __name__ == "__main__":
    raise SystemExit(main())
