"""Side-by-side figures: the median (and range) of each metric for two pages, and their ratio.

A run gives each metric one sample or several (every steady keystroke, say); a metric's
spread is over all its samples of all runs. Ratios are ours / theirs, so below 1 is better
for us on every metric printed here (times, memory, bytes, elements).
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass

type RunSamples = dict[str, list[float]]

KIB = 1024
MIB = 1024 * 1024


@dataclass(frozen=True)
class Metric:
    key: str
    label: str
    unit: str
    # The ratio ours/theirs to reach, when there is one.
    target: float | None = None
    # Samples are divided by this before printing (bytes shown as KiB, say).
    scale: float = 1.0
    digits: int = 1


@dataclass(frozen=True)
class Spread:
    count: int
    low: float
    median: float
    high: float

    @classmethod
    def of(cls, samples: Sequence[float]) -> Spread | None:
        if not samples:
            return None
        return cls(
            count=len(samples),
            low=min(samples),
            median=statistics.median(samples),
            high=max(samples),
        )


@dataclass(frozen=True)
class Row:
    metric: Metric
    ours: Spread | None
    theirs: Spread | None

    @property
    def ratio(self) -> float | None:
        if self.ours is None or self.theirs is None or self.theirs.median == 0:
            return None
        return self.ours.median / self.theirs.median


def samples_of(runs: Sequence[RunSamples], key: str) -> list[float]:
    return [value for run in runs for value in run.get(key, [])]


def compare(
    metrics: Sequence[Metric], ours: Sequence[RunSamples], theirs: Sequence[RunSamples]
) -> list[Row]:
    """One row per metric that either page measured."""
    rows = [
        Row(
            metric=metric,
            ours=Spread.of(samples_of(ours, metric.key)),
            theirs=Spread.of(samples_of(theirs, metric.key)),
        )
        for metric in metrics
    ]
    return [row for row in rows if row.ours is not None or row.theirs is not None]


def table(rows: Sequence[Row], *, ours_name: str, theirs_name: str) -> list[str]:
    """The rows as fixed-width text: median [min..max] for each page, the ratio, the target."""
    header = ("metric", "unit", ours_name, theirs_name, f"{ours_name}/{theirs_name}", "target")
    body = [
        (
            row.metric.label,
            row.metric.unit,
            _spread_text(row.ours, row.metric),
            _spread_text(row.theirs, row.metric),
            "n/a" if row.ratio is None else f"{row.ratio:.2f}x",
            _target_text(row),
        )
        for row in rows
    ]
    widths = [max(len(line[column]) for line in [header, *body]) for column in range(len(header))]
    return [
        "  ".join(
            cell.ljust(width) if column in (0, 1, 5) else cell.rjust(width)
            for column, (cell, width) in enumerate(zip(line, widths, strict=True))
        ).rstrip()
        for line in [header, *body]
    ]


def _target_text(row: Row) -> str:
    target = row.metric.target
    if target is None:
        return ""
    verdict = "?" if row.ratio is None else ("met" if row.ratio <= target else "MISSED")
    return f"<= {target:.2f}x {verdict}"


def _spread_text(spread: Spread | None, metric: Metric) -> str:
    if spread is None:
        return "-"

    def number(value: float) -> str:
        return f"{value / metric.scale:.{metric.digits}f}"

    if spread.low == spread.high:
        return number(spread.median)
    return f"{number(spread.median)} [{number(spread.low)}..{number(spread.high)}]"
