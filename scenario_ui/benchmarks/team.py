"""`make bench` (the team dashboard's part): the feed, spend and CSV export on N job rows.

Server time in-process (Django's test client, signed in as the lead; no network): each
page is read once (its answer must be 200, else it is reported missing, with what it
answered), warmed up, then timed `runs` times; p50 and p95 against the issue's targets.
The CSV export runs in a subprocess per size (`team_export`), which reports its peak RSS
before the request and after reading the whole stream: flat memory means the peak of the
full export is close to that of a tenth of it.
"""

from __future__ import annotations

import html
import re
import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Final
from urllib.parse import urlencode

from django.test import Client

from scenario_ui.benchmarks.team_data import SEARCHED_WORD, BenchData

FEED_PATH: Final = "/team/"
SPEND_PATH: Final = "/team/spend/"
EXPORT_PATH: Final = "/team/feed.csv"
FEED_TARGET_MS: Final = 50.0
SPEND_TARGET_MS: Final = 100.0
WARM_UP_RUNS: Final = 3
# How many "next page" links the deep cursor probe follows before timing.
CURSOR_DEPTH: Final = 20
CURSOR_LINK: Final = re.compile(r"""[?&](?:amp;)?cursor=([^&"'\s<>]+)""")


@dataclass(frozen=True)
class Probe:
    name: str
    path: str
    params: dict[str, str]
    target_ms: float

    @property
    def url(self) -> str:
        return f"{self.path}?{urlencode(self.params)}" if self.params else self.path


@dataclass(frozen=True)
class Timed:
    probe: Probe
    p50_ms: float
    p95_ms: float


@dataclass(frozen=True)
class Missing:
    probe: Probe
    reason: str


type Outcome = Timed | Missing


def feed_probes(data: BenchData) -> list[Probe]:
    combinations: list[tuple[str, dict[str, str]]] = [
        ("none", {}),
        ("user", {"user": data.tenth_sender}),
        ("status", {"status": "failure"}),
        ("user_status", {"user": data.tenth_sender, "status": "failure"}),
        ("model_7d", {"model": data.model_id, "range": "7d"}),
        ("q", {"q": SEARCHED_WORD}),
        ("kind_training", {"kind": "training"}),
        ("hide_finished", {"hide_finished": "1"}),
    ]
    return [Probe(name, FEED_PATH, params, FEED_TARGET_MS) for name, params in combinations]


def spend_probes() -> list[Probe]:
    return [
        Probe(f"by_{by}", SPEND_PATH, {"range": "30d", "by": by}, SPEND_TARGET_MS)
        for by in ("model", "user")
    ]


def deep_cursor_probe(client: Client, *, depth: int = CURSOR_DEPTH) -> Probe | Missing:
    """The feed page reached by following `depth` "next page" links from the first."""
    probe = Probe("cursor_deep", FEED_PATH, {}, FEED_TARGET_MS)
    for step in range(depth):
        response = client.get(probe.url)
        if response.status_code != 200:
            return Missing(probe, _answered(probe, response.status_code))
        cursor = next_cursor(response.content.decode())
        if cursor is None:
            return Missing(probe, f"no cursor link on page {step + 1} of GET {probe.url}")
        probe = Probe("cursor_deep", FEED_PATH, {"cursor": cursor}, FEED_TARGET_MS)
    return probe


def next_cursor(page: str) -> str | None:
    """The last cursor a page links to (its "next" link comes after any "previous")."""
    found = CURSOR_LINK.findall(page)
    return html.unescape(found[-1]) if found else None


def time_probe(client: Client, probe: Probe, *, runs: int) -> Outcome:
    first = client.get(probe.url)
    if first.status_code != 200:
        return Missing(probe, _answered(probe, first.status_code))
    samples = time_ms(lambda: client.get(probe.url), runs=runs)
    return Timed(probe, percentile(samples, 50), percentile(samples, 95))


def time_ms(work: Callable[[], object], *, runs: int) -> list[float]:
    for _ in range(WARM_UP_RUNS):
        work()
    samples = []
    for _ in range(runs):
        start = time.perf_counter_ns()
        work()
        samples.append((time.perf_counter_ns() - start) / 1_000_000)
    return samples


def percentile(samples: Sequence[float], percent: int) -> float:
    """The nearest-rank-interpolated percentile (the median for 50)."""
    if len(samples) == 1:
        return samples[0]
    return statistics.quantiles(samples, n=100, method="inclusive")[percent - 1]


def report(section: str, outcomes: Sequence[Outcome]) -> list[str]:
    """`<name> <value>` per figure; a missing page says so on its own line."""
    lines = []
    for outcome in outcomes:
        name = f"team_{section}_{outcome.probe.name}"
        if isinstance(outcome, Missing):
            lines.append(f"{name} missing: {outcome.reason}")
            continue
        verdict = "met" if outcome.p50_ms <= outcome.probe.target_ms else "MISSED"
        lines += [
            f"{name}_ms_p50 {outcome.p50_ms:.2f}",
            f"{name}_ms_p95 {outcome.p95_ms:.2f}",
            f"{name}_target_ms {outcome.probe.target_ms:.0f} ({verdict}; {outcome.probe.url})",
        ]
    return lines


def _answered(probe: Probe, status: int) -> str:
    what = "page missing" if status == 404 else "not a page"
    return f"GET {probe.url} answered {status} ({what})"
