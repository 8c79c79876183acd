"""Feed rows made for tests: generations and trainings at a chosen moment."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.contrib.auth.models import User
from django.utils import timezone

from scenario_ui.generate.models import Generation
from scenario_ui.training.models import Training

IMAGE = {"id": "asset_1", "url": "/a/1.png", "kind": "image", "mime_type": "image/png", "name": "1"}


def ago(**delta: float) -> datetime:
    return timezone.now() - timedelta(**delta)


def generation(
    user: User | None,
    *,
    at: datetime | None = None,
    model_id: str = "model_a",
    status: str = "success",
    prompt: str = "a lighthouse",
    **fields: Any,
) -> Generation:
    made = Generation.objects.create(
        user=user,
        external=user is None,
        job_id=fields.pop("job_id", "job"),
        model_id=model_id,
        model_name=model_id.replace("_", " ").title(),
        status=status,
        request_body={"prompt": prompt},
        **fields,
    )
    if at is not None:
        Generation.objects.filter(pk=made.pk).update(created_at=at)
    return Generation.objects.get(pk=made.pk)


def training(
    user: User,
    *,
    at: datetime | None = None,
    model_id: str = "model_t",
    status: str = "training",
    **fields: Any,
) -> Training:
    record = {"id": model_id, "status": status} if status else {}
    made = Training.objects.create(
        user=user,
        model_id=model_id,
        model_name=model_id.replace("_", " ").title(),
        outcome=fields.pop("outcome", Training.Outcome.STARTED),
        model_record=record,
        **fields,
    )
    if at is not None:
        Training.objects.filter(pk=made.pk).update(created_at=at)
    return Training.objects.get(pk=made.pk)
