"""Reading one load step's figures (locust's stats CSV) and finding the sustained rate.

A step holds when it answered requests, none failed and its p99 is within the limit; the
sustained rate is the best request rate among the steps that hold.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Sequence
from dataclasses import dataclass

AGGREGATED = "Aggregated"


class StatsError(Exception):
    """Locust's stats file is not what this reader expects; the message says what is off."""


@dataclass(frozen=True)
class RequestFigures:
    name: str
    requests: int
    failures: int
    per_second: float
    p50_ms: float
    p95_ms: float
    p99_ms: float


@dataclass(frozen=True)
class StepResult:
    users: int
    total: RequestFigures
    by_name: list[RequestFigures]

    def holds(self, p99_limit_ms: float) -> bool:
        total = self.total
        return total.requests > 0 and total.failures == 0 and total.p99_ms <= p99_limit_ms


def read_stats(text: str, *, users: int) -> StepResult:
    """A step's figures from locust's `<prefix>_stats.csv`: its Aggregated row and the rest."""
    rows = [_figures(row) for row in csv.DictReader(io.StringIO(text))]
    totals = [row for row in rows if row.name == AGGREGATED]
    if len(totals) != 1:
        raise StatsError(f"expected one {AGGREGATED} row in the stats, found {len(totals)}")
    return StepResult(
        users=users, total=totals[0], by_name=[row for row in rows if row.name != AGGREGATED]
    )


def sustained(steps: Sequence[StepResult], p99_limit_ms: float) -> StepResult | None:
    """The step with the best request rate among those that hold, if any does."""
    holding = [step for step in steps if step.holds(p99_limit_ms)]
    return max(holding, key=lambda step: step.total.per_second, default=None)


def step_table(steps: Sequence[StepResult], p99_limit_ms: float) -> list[str]:
    lines = [f"{'users':>5}  {'req/s':>7}  {'p50 ms':>6}  {'p95 ms':>6}  {'p99 ms':>6}  errors"]
    for step in steps:
        total = step.total
        verdict = "holds" if step.holds(p99_limit_ms) else "does not hold"
        lines.append(
            f"{step.users:>5}  {total.per_second:>7.1f}  {_ms(total.p50_ms):>6}  "
            f"{_ms(total.p95_ms):>6}  {_ms(total.p99_ms):>6}  "
            f"{total.failures:>6}  {verdict}"
        )
    return lines


def request_table(step: StepResult) -> list[str]:
    width = max(len(row.name) for row in [step.total, *step.by_name])
    lines = [f"{'request':<{width}}  {'count':>7}  {'req/s':>7}  {'p50 ms':>6}  {'p99 ms':>6}"]
    for row in [*step.by_name, step.total]:
        lines.append(
            f"{row.name:<{width}}  {row.requests:>7}  {row.per_second:>7.1f}  "
            f"{_ms(row.p50_ms):>6}  {_ms(row.p99_ms):>6}"
        )
    return lines


def _figures(row: dict[str, str]) -> RequestFigures:
    try:
        return RequestFigures(
            name=row["Name"],
            requests=int(row["Request Count"]),
            failures=int(row["Failure Count"]),
            per_second=float(row["Requests/s"]),
            p50_ms=_percentile(row["50%"]),
            p95_ms=_percentile(row["95%"]),
            p99_ms=_percentile(row["99%"]),
        )
    except KeyError as error:
        raise StatsError(f"the stats have no {error.args[0]!r} column") from error


def _percentile(text: str) -> float:
    # Locust writes N/A when a name got no answer at all.
    return math.inf if text == "N/A" else float(text)


def _ms(value: float) -> str:
    return "-" if math.isinf(value) else f"{value:.0f}"
