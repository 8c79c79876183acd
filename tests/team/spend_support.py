"""Jobs on given days, for the spend tests (`created_at` is set on create, so moved after)."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from django.contrib.auth.models import User
from django.utils import timezone

from scenario_ui.generate.models import Generation
from scenario_ui.team.ranges import DateRange
from scenario_ui.training.models import Training

NOON = time(12)


def on(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, NOON))


def generation(
    *,
    day: date,
    user: User | None,
    cu: float | None,
    model_id: str = "model_lumen",
    model_name: str = "Lumen",
    status: str = "success",
) -> Generation:
    made = Generation.objects.create(
        user=user,
        external=user is None,
        model_id=model_id,
        model_name=model_name,
        status=status,
        creative_units=cu,
    )
    Generation.objects.filter(pk=made.pk).update(created_at=on(day))
    return made


def training(*, day: date, user: User, cu: float, status: str = "trained", **fields: Any) -> None:
    made = Training.objects.create(
        user=user,
        model_id=fields.get("model_id", "model_mascot"),
        model_name=fields.get("model_name", "Mascot"),
        creative_units=cu,
        model_record={"status": status},
    )
    Training.objects.filter(pk=made.pk).update(created_at=on(day))


def days(first: date, last: date) -> DateRange:
    return DateRange(preset="custom", first=first, last=last)
