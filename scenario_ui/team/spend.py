"""What the team spent in a date range, read from our own job records by the database.

Generations and trainings are summed per day, model and user in one grouped query each
(a few hundred rows for a month, whatever the number of jobs); the page's tables and
chart are cut from those rows in `spend_tables`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Final

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


def spend_rows(*, period: DateRange) -> list[SpendRow]:
    """Generations, then trainings (a model `training:<id>`), grouped per day/model/user."""
    generations = _grouped(
        Generation.objects.filter(created_at__gte=period.start, created_at__lt=period.end),
        failed=Q(status=Generation.Status.FAILURE),
    )
    trainings = _grouped(
        Training.objects.filter(created_at__gte=period.start, created_at__lt=period.end),
        failed=Q(model_record__status="failed"),
    )
    return [_generation_row(row) for row in generations] + [_training_row(row) for row in trainings]


def spend_totals(*, period: DateRange) -> Totals:
    """Jobs and CU of the range, generations and trainings together."""
    jobs, cu = 0, 0.0
    for model in (Generation, Training):
        found = model.objects.filter(
            created_at__gte=period.start, created_at__lt=period.end
        ).aggregate(jobs=Count("id"), cu=Coalesce(Sum("creative_units"), _NO_CU))
        jobs += found["jobs"]
        cu += found["cu"]
    return Totals(jobs=jobs, cu=cu)


def _grouped(jobs: QuerySet[Any], *, failed: Q) -> QuerySet[Any, dict[str, Any]]:
    grouped: QuerySet[Any, dict[str, Any]] = (
        jobs.annotate(day=TruncDate("created_at"))
        .values("day", "model_id", "user__username")
        .annotate(
            model_name=Max("model_name"),
            jobs=Count("id"),
            failed=Count("id", filter=failed),
            cu=Coalesce(Sum("creative_units"), _NO_CU),
        )
        .order_by()
    )
    return grouped


def _generation_row(row: dict[str, Any]) -> SpendRow:
    return SpendRow(
        day=row["day"],
        model_key=row["model_id"],
        model_name=row["model_name"] or row["model_id"],
        user_name=row["user__username"] or EXTERNAL,
        jobs=row["jobs"],
        failed=row["failed"],
        cu=row["cu"],
    )


def _training_row(row: dict[str, Any]) -> SpendRow:
    return SpendRow(
        day=row["day"],
        model_key=f"training:{row['model_id']}",
        model_name=(row["model_name"] or row["model_id"]) + TRAINING_SUFFIX,
        user_name=row["user__username"],
        jobs=row["jobs"],
        failed=row["failed"],
        cu=row["cu"],
    )
