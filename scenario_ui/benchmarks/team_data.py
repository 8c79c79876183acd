"""The dashboard bench's data: N job rows of a lead, eight members and external jobs.

Bulk-created in batches with their dates set directly (auto_now/auto_now_add are turned
off meanwhile), so 100,000 rows take seconds. Deterministic: row i is the i-th newest,
spread evenly over SPAN_DAYS, and its sender, model, status and prompt follow from i.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Final

from django.contrib.auth.models import User
from django.db import models

from scenario_ui.generate.models import Generation
from scenario_ui.team.roles import Role, set_role
from scenario_ui.training.models import Training

LEAD: Final = "bench-lead"
MEMBERS: Final = tuple(f"bench-member-{n}" for n in range(1, 9))
# Row i is sent by SENDERS[i % 10]: None is a job imported as external.
SENDERS: Final = (*MEMBERS, LEAD, None)
# Sends exactly a tenth of the rows: the small export.
TENTH_SENDER: Final = MEMBERS[0]
MODELS: Final = tuple((f"model_bench-{n:02d}", f"Bench model {n:02d}") for n in range(12))
SPAN_DAYS: Final = 180
# The newest rows are still running; the rest end as row % 25 says.
RUNNING_ROWS: Final = 20
SUBJECTS: Final = ("castle", "forest", "robot", "harbor", "desert", "temple", "dragon")
STYLES: Final = ("watercolor", "pixel art", "low poly", "ink wash", "photoreal")
# One prompt in 20 holds it: the text search's word.
SEARCHED_WORD: Final = "lighthouse"
BATCH_ROWS: Final = 5_000
ROWS_PER_TRAINING: Final = 500


@dataclass(frozen=True)
class BenchData:
    rows: int
    trainings: int
    lead: User
    tenth_sender: str
    model_id: str


def build_team_rows(*, rows: int, now: datetime) -> BenchData:
    senders = _bench_users()
    trainings = max(rows // ROWS_PER_TRAINING, 1)
    with _dates_set_by_hand(Generation, Training):
        for start in range(0, rows, BATCH_ROWS):
            batch = range(start, min(rows, start + BATCH_ROWS))
            Generation.objects.bulk_create([_generation(i, rows, senders, now) for i in batch])
        Training.objects.bulk_create(
            [_training(i, trainings, senders, now) for i in range(trainings)]
        )
    lead = senders[LEAD]
    assert lead is not None
    return BenchData(
        rows=rows,
        trainings=trainings,
        lead=lead,
        tenth_sender=TENTH_SENDER,
        model_id=MODELS[0][0],
    )


def status_of(i: int) -> str:
    if i < RUNNING_ROWS:
        return Generation.Status.IN_PROGRESS
    match i % 25:
        case 0 | 1:
            return Generation.Status.FAILURE
        case 2:
            return Generation.Status.CANCELED
        case _:
            return Generation.Status.SUCCESS


def _bench_users() -> dict[str | None, User | None]:
    names = [LEAD, *MEMBERS]
    User.objects.bulk_create([User(username=name) for name in names], ignore_conflicts=True)
    users: dict[str | None, User | None] = {
        user.username: user for user in User.objects.filter(username__in=names)
    }
    for name, user in users.items():
        assert user is not None
        set_role(user=user, role=Role.LEAD if name == LEAD else Role.MEMBER, actor=None)
    users[None] = None
    return users


def _generation(
    i: int, rows: int, senders: dict[str | None, User | None], now: datetime
) -> Generation:
    user = senders[SENDERS[i % len(SENDERS)]]
    model_id, model_name = MODELS[(i * 7) % len(MODELS)]
    status = status_of(i)
    created_at = now - timedelta(seconds=i * SPAN_DAYS * 86_400 / rows)
    subject = SEARCHED_WORD if i % 20 == 7 else SUBJECTS[i % len(SUBJECTS)]
    asset = f"asset_bench{i:08d}"
    succeeded = status == Generation.Status.SUCCESS
    return Generation(
        user=user,
        external=user is None,
        job_id=f"job_bench{i:08d}",
        model_id=model_id,
        model_name=model_name,
        request_body={"prompt": f"a {subject}, {STYLES[i % len(STYLES)]}, take {i}"},
        status=status,
        progress=1.0 if succeeded else 0.5,
        creative_units=0 if status == Generation.Status.CANCELED else 2 + (i % 7) * 1.5,
        asset_ids=[asset] if succeeded else [],
        results=[_result(asset)] if succeeded else [],
        created_at=created_at,
        updated_at=created_at,
        checked_at=created_at,
    )


def _result(asset_id: str) -> dict[str, str]:
    return {
        "id": asset_id,
        "url": f"/sandbox/v1/assets/{asset_id}/content",
        "kind": "image",
        "mime_type": "image/png",
        "name": "output-1.png",
    }


def _training(
    i: int, trainings: int, senders: dict[str | None, User | None], now: datetime
) -> Training:
    user = senders[MEMBERS[i % len(MEMBERS)]]
    model_id, model_name = MODELS[i % len(MODELS)]
    created_at = now - timedelta(seconds=i * SPAN_DAYS * 86_400 / trainings)
    record: dict[str, Any] = {"id": model_id, "name": model_name, "status": "trained"}
    if i % 10 == 3:
        record["status"] = "failed"
    if i < 3:
        record.update(status="training", trainingProgress={"stage": "running-train"})
    return Training(
        user=user,
        model_id=model_id,
        model_name=model_name,
        model_type="flux.1-lora",
        job_id=f"job_benchtrain{i:06d}",
        outcome=Training.Outcome.STARTED,
        creative_units=150,
        model_record=record,
        created_at=created_at,
        updated_at=created_at,
        checked_at=created_at,
    )


@contextmanager
def _dates_set_by_hand(*model_classes: type[models.Model]) -> Iterator[None]:
    """created_at/updated_at as given, not "now" (auto_now_add/auto_now overwrite them)."""
    fields = []
    for model_class in model_classes:
        for name in ("created_at", "updated_at"):
            field = model_class._meta.get_field(name)
            assert isinstance(field, models.DateTimeField)
            fields.append(field)
    saved = [(field, field.auto_now, field.auto_now_add) for field in fields]
    for field in fields:
        field.auto_now = field.auto_now_add = False
    try:
        yield
    finally:
        for field, auto_now, auto_now_add in saved:
            field.auto_now, field.auto_now_add = auto_now, auto_now_add
