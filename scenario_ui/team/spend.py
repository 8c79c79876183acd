"""What the team spent in a date range, read from our own job records by the database.

Generations and trainings are summed per day, model and user in one grouped query each
(about a thousand rows for a month, whatever the number of jobs); the page's tables,
chart and totals are cut from those rows in `spend_tables`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any, Final

from django.contrib.auth.models import User
from django.db.models import Count, FloatField, Max, Q, QuerySet, Sum, Value
from django.db.models.functions import Coalesce, TruncDate

from scenario_ui.generate.models import Generation
from scenario_ui.team.ranges import DateRange
from scenario_ui.training.models import Training

# Jobs of the team's project submitted elsewhere, imported by the sweep without a user.
EXTERNAL: Final = "External (API / web app)"
TRAINING_SUFFIX: Final = " (training)"
_NO_CU = Value(0.0, output_field=FloatField())


@dataclass(frozen=True)
class SpendRow:
    """The jobs of one model by one user on one day."""

    day: date
    model_key: str
    model_name: str
    user_name: str
    jobs: int
    failed: int
    cu: float


@dataclass(frozen=True)
class Totals:
    jobs: int
    cu: float

    @classmethod
    def of(cls, rows: Iterable[SpendRow]) -> Totals:
        jobs, cu = 0, 0.0
        for row in rows:
            jobs += row.jobs
            cu += row.cu
        return cls(jobs=jobs, cu=cu)


def spend_rows(*, period: DateRange) -> list[SpendRow]:
    """Generations, then trainings (a model `training:<id>`), grouped per day/model/user."""
    generations = list(
        _grouped(
            Generation.objects.filter(created_at__gte=period.start, created_at__lt=period.end),
            failed=Q(status=Generation.Status.FAILURE),
        )
    )
    trainings = list(
        _grouped(
            Training.objects.filter(created_at__gte=period.start, created_at__lt=period.end),
            failed=Q(model_record__status="failed"),
        )
    )
    names = _user_names({row["user_id"] for row in [*generations, *trainings]})
    return [
        _row(row, model_key=row["model_id"], suffix="", user_names=names) for row in generations
    ] + [
        _row(row, model_key=f"training:{row['model_id']}", suffix=TRAINING_SUFFIX, user_names=names)
        for row in trainings
    ]


def _grouped(jobs: QuerySet[Any], *, failed: Q) -> QuerySet[Any, dict[str, Any]]:
    # Plain columns and the day alone: on PostgreSQL the planner's statistics on exactly
    # these (team migration 0003) let it hash ~1,000 groups instead of sorting every job.
    grouped: QuerySet[Any, dict[str, Any]] = (
        jobs.annotate(day=TruncDate("created_at"))
        .values("day", "user_id", "model_id")
        .annotate(
            model_name=Max("model_name"),
            jobs=Count("id"),
            failed=Count("id", filter=failed),
            cu=Coalesce(Sum("creative_units"), _NO_CU),
        )
        .order_by()
    )
    return grouped


def _user_names(user_ids: set[int | None]) -> dict[int | None, str]:
    names: dict[int | None, str] = {None: EXTERNAL}
    found = User.objects.filter(pk__in=[pk for pk in user_ids if pk is not None])
    names.update(found.values_list("pk", "username"))
    return names


def _row(
    row: dict[str, Any], *, model_key: str, suffix: str, user_names: dict[int | None, str]
) -> SpendRow:
    return SpendRow(
        day=row["day"],
        model_key=model_key,
        model_name=(row["model_name"] or row["model_id"]) + suffix,
        user_name=user_names.get(row["user_id"], EXTERNAL),
        jobs=row["jobs"],
        failed=row["failed"],
        cu=row["cu"],
    )
