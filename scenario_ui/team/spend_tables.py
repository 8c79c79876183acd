"""The spend page's tables, cut from `spend.spend_rows`: per day, per user, per model."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Final

from scenario_ui.team.ranges import DateRange
from scenario_ui.team.spend import SpendRow, Totals, spend_rows

GROUPINGS: Final = ("model", "user")
DEFAULT_GROUPING: Final = "model"
# The chart stacks the biggest few; the rest share one "Other" colour.
MAX_SERIES: Final = 6
OTHER: Final = "Other"


@dataclass(frozen=True)
class Ranked:
    """A model or a user with everything it ran in the range."""

    key: str
    name: str
    jobs: int
    failed: int
    cu: float

    @property
    def cu_per_job(self) -> float:
        return self.cu / self.jobs if self.jobs else 0.0

    @property
    def failure_rate(self) -> float:
        """The share of its jobs that failed (0 to 1)."""
        return self.failed / self.jobs if self.jobs else 0.0

    @property
    def failure_percent(self) -> float:
        return self.failure_rate * 100


@dataclass(frozen=True)
class DayStack:
    """One day's CU, one value per series of the chart (same order), and their sum."""

    day: date
    values: tuple[float, ...]

    @property
    def total(self) -> float:
        return sum(self.values)


@dataclass(frozen=True)
class Change:
    """A figure of the range against the same figure in the period before it."""

    current: float
    previous: float

    @property
    def ratio(self) -> float | None:
        """+0.25 for a quarter more; None when there was nothing before to compare with."""
        if not self.previous:
            return None
        return (self.current - self.previous) / self.previous

    @property
    def text(self) -> str:
        """ "+25%", "-10%", "no change", or "new" when the period before had none."""
        ratio = self.ratio
        if ratio is None:
            return "no change" if not self.current else "new"
        if round(ratio * 100) == 0:
            return "no change"
        return f"{ratio * 100:+.0f}%"


@dataclass(frozen=True)
class SpendReport:
    period: DateRange
    previous: DateRange
    by: str
    series: tuple[str, ...]
    days: tuple[DayStack, ...]
    consumers: tuple[Ranked, ...]
    models: tuple[Ranked, ...]
    totals: Totals
    cu_change: Change
    jobs_change: Change


def spend_report(*, period: DateRange, by: str) -> SpendReport:
    """Everything the page shows from our records; `by` is one of GROUPINGS."""
    previous = period.previous()
    # One read covers both periods: the one before is only summed.
    both = spend_rows(period=DateRange(preset="custom", first=previous.first, last=period.last))
    rows = [row for row in both if row.day >= period.first]
    before = Totals.of(row for row in both if row.day < period.first)
    consumers = ranked(rows, key=lambda row: (row.user_name, row.user_name))
    models = ranked(rows, key=lambda row: (row.model_key, row.model_name))
    series, days = day_stacks(
        rows,
        period=period,
        ranking=models if by == "model" else consumers,
        key=(lambda row: row.model_key) if by == "model" else (lambda row: row.user_name),
    )
    totals = Totals.of(rows)
    return SpendReport(
        period=period,
        previous=previous,
        by=by,
        series=series,
        days=days,
        consumers=consumers,
        models=models,
        totals=totals,
        cu_change=Change(current=totals.cu, previous=before.cu),
        jobs_change=Change(current=totals.jobs, previous=before.jobs),
    )


def ranked(
    rows: Iterable[SpendRow], *, key: Callable[[SpendRow], tuple[str, str]]
) -> tuple[Ranked, ...]:
    """Rows summed per `key` ((key, name)), most CU first, then most jobs, then by name."""
    sums: dict[str, list[float]] = defaultdict(lambda: [0, 0, 0.0])
    names: dict[str, str] = {}
    for row in rows:
        group, name = key(row)
        names[group] = name
        figures = sums[group]
        figures[0] += row.jobs
        figures[1] += row.failed
        figures[2] += row.cu
    found = [
        Ranked(key=group, name=names[group], jobs=int(jobs), failed=int(failed), cu=cu)
        for group, (jobs, failed, cu) in sums.items()
    ]
    return tuple(sorted(found, key=lambda item: (-item.cu, -item.jobs, item.name)))


def day_stacks(
    rows: Iterable[SpendRow],
    *,
    period: DateRange,
    ranking: tuple[Ranked, ...],
    key: Callable[[SpendRow], str],
) -> tuple[tuple[str, ...], tuple[DayStack, ...]]:
    """The chart's series (the ranking's first few, then "Other" for the rest) and every
    day of the range, days without jobs included, one CU value per series."""
    shown = ranking if len(ranking) <= MAX_SERIES else ranking[: MAX_SERIES - 1]
    index = {item.key: position for position, item in enumerate(shown)}
    series = tuple(item.name for item in shown)
    if len(shown) < len(ranking):
        series = (*series, OTHER)
    cu: dict[date, list[float]] = {day: [0.0] * len(series) for day in period.each_day()}
    for row in rows:
        if row.day in cu:
            cu[row.day][index.get(key(row), len(series) - 1)] += row.cu
    return series, tuple(DayStack(day=day, values=tuple(values)) for day, values in cu.items())
