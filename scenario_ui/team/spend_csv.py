"""The spend page's tables as CSV rows: per day (and model or user), per user, per model."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Final

from scenario_ui.team.ranges import DateRange
from scenario_ui.team.spend import SpendRow, spend_rows
from scenario_ui.team.spend_tables import ranked

TABLES: Final = ("days", "models", "users")


@dataclass(frozen=True)
class CsvTable:
    header: tuple[str, ...]
    rows: Iterator[Sequence[object]]


def spend_table(*, table: str, period: DateRange, by: str) -> CsvTable:
    """`table` is one of TABLES; `by` (model or user) splits the days table."""
    rows = spend_rows(period=period)
    if table == "days":
        return CsvTable(
            header=("Date", "Model" if by == "model" else "User", "Jobs", "CU"),
            rows=_days(rows, by=by),
        )
    if table == "users":
        users = ranked(rows, key=lambda row: (row.user_name, row.user_name))
        return CsvTable(
            header=("User", "Jobs", "CU"),
            rows=((user.name, user.jobs, _cu(user.cu)) for user in users),
        )
    models = ranked(rows, key=lambda row: (row.model_key, row.model_name))
    return CsvTable(
        header=("Model", "Model ID", "Jobs", "CU", "CU per job", "Failed", "Failure rate (%)"),
        rows=(
            (
                model.name,
                model.key,
                model.jobs,
                _cu(model.cu),
                _cu(model.cu_per_job),
                model.failed,
                round(model.failure_rate * 100, 1),
            )
            for model in models
        ),
    )


def _days(rows: list[SpendRow], *, by: str) -> Iterator[Sequence[object]]:
    sums: dict[tuple[str, str], list[float]] = {}
    for row in rows:
        group = row.model_name if by == "model" else row.user_name
        figures = sums.setdefault((row.day.isoformat(), group), [0, 0.0])
        figures[0] += row.jobs
        figures[1] += row.cu
    for (day, group), (jobs, cu) in sorted(sums.items()):
        yield (day, group, int(jobs), _cu(cu))


def _cu(value: float) -> float:
    return round(value, 2)
