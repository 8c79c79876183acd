"""The demo team's last 30 days, recorded locally from the sandbox's job history.

In sandbox mode only: the sandbox seeds a history (`manage.py seed_sandbox_history`), and
this reads it through the gateway like any job list (`jobs.list(createdAfter)`, every
page) and records each job as the job-tracking service would have: a Generation, dated
when the job was created, or a Training for a training job. The demo has one API key,
so the jobs of its author (the one most jobs come from) were sent through the app: each
goes to a member of the demo team, chosen from its id (the same one every time). Jobs of
other authors were sent outside the app: recorded external, like the sweep's imports.

Jobs already recorded (by job id) are skipped, so running it again adds nothing, and
the reconciliation sweep, which imports only unknown job ids, finds nothing to add.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from typing import Any, Final

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from scenario_ui.generate.models import Generation
from scenario_ui.generate.tracking import apply_job, result_asset
from scenario_ui.scenario import assets, gateway
from scenario_ui.scenario.client import is_sandbox
from scenario_ui.scenario.jobs import jobs_created_after
from scenario_ui.training.models import Training

HISTORY_DAYS: Final = 30
# 50 pages of 100: ten times the seeded history.
MAX_PAGES: Final = 50
# Who of the demo team sent each job, by the job's id: a lead sends fewer.
SENDERS: Final = ("demo-lead", "demo-member-1", "demo-member-1", "demo-member-2", "demo-member-2")
ASSETS_PER_CALL: Final = 100


class HistoryRefused(Exception):
    """Nothing was imported; the message says why and what to do."""


@dataclass(frozen=True)
class ImportedHistory:
    read: int
    generations: int
    external: int
    trainings: int


def import_team_history(*, now: datetime | None = None) -> ImportedHistory:
    if not is_sandbox():
        raise HistoryRefused(
            "The demo history is imported in sandbox mode only: with real Scenario "
            "credentials set, the team's jobs arrive through the job-tracking sweep."
        )
    senders = _senders()
    since = (now or timezone.now()) - timedelta(days=HISTORY_DAYS)
    jobs = jobs_created_after(since.isoformat().replace("+00:00", "Z"), max_pages=MAX_PAGES)
    ids = [str(job["jobId"]) for job in jobs]
    known = set(Generation.objects.filter(job_id__in=ids).values_list("job_id", flat=True))
    known |= set(Training.objects.filter(job_id__in=ids).values_list("job_id", flat=True))
    new_jobs = [job for job in jobs if str(job["jobId"]) not in known]
    app_author = _app_author(jobs)
    records = {str(row.get("id")): row for row in gateway.get_bulk(_model_ids(new_jobs))}
    generations = trainings = external = 0
    with transaction.atomic():
        for job in new_jobs:
            ours = job.get("authorId") == app_author
            sender = senders[_pick(str(job["jobId"]), len(senders))] if ours else None
            record = records.get(_model_id(job), {})
            if _is_training(job) and sender is not None:
                _record_training(job, sender, record)
                trainings += 1
            elif not _is_training(job):
                _record_generation(job, sender, record)
                generations += 1
                external += sender is None
        _store_results([str(job["jobId"]) for job in new_jobs])
    return ImportedHistory(
        read=len(jobs), generations=generations, external=external, trainings=trainings
    )


def _senders() -> list[User]:
    users = {user.get_username(): user for user in User.objects.filter(username__in=SENDERS)}
    missing = sorted({name for name in SENDERS if name not in users})
    if missing:
        raise HistoryRefused(
            f"The demo team is missing {', '.join(missing)}: run manage.py ensure_demo_user first."
        )
    return [users[name] for name in SENDERS]


def _app_author(jobs: Sequence[dict[str, Any]]) -> str | None:
    authors = Counter(str(job.get("authorId")) for job in jobs if job.get("authorId"))
    return authors.most_common(1)[0][0] if authors else None


def _pick(job_id: str, choices: int) -> int:
    return int.from_bytes(hashlib.sha256(job_id.encode()).digest()[:4], "big") % choices


def _record_generation(job: dict[str, Any], sender: User | None, record: dict[str, Any]) -> None:
    generation = Generation(
        user=sender,
        external=sender is None,
        job_id=str(job["jobId"]),
        model_id=_model_id(job),
        model_name=str(record.get("name") or ""),
        request_body=_metadata(job).get("input") or {},
        checked_at=timezone.now(),
    )
    apply_job(generation, job)  # Saves it, as the tracking service does.
    _backdate(Generation, generation.pk, job)


def _record_training(job: dict[str, Any], sender: User, record: dict[str, Any]) -> None:
    metadata = _metadata(job)
    training = Training.objects.create(
        user=sender,
        model_id=_model_id(job),
        model_name=str(record.get("name") or ""),
        model_type=str(record.get("type") or ""),
        parameters=metadata.get("input") or {},
        job_id=str(job["jobId"]),
        outcome=Training.Outcome.STARTED,
        creative_units=(job.get("billing") or {}).get("cuCost"),
        error=str(metadata.get("error") or ""),
        model_record=record,
        checked_at=timezone.now(),
    )
    _backdate(Training, training.pk, job)


def _backdate(model: type[Generation] | type[Training], pk: int, job: dict[str, Any]) -> None:
    """created_at is set on insert (auto_now_add): the job's own date replaces it."""
    created_at = parse_datetime(str(job.get("createdAt", "")))
    if created_at is not None:
        model.objects.filter(pk=pk).update(created_at=created_at)


def _store_results(job_ids: list[str]) -> None:
    """The succeeded imports' result assets, read in bulk (the worker reads them one job at
    a time)."""
    pending = list(
        Generation.objects.filter(job_id__in=job_ids, status=Generation.Status.SUCCESS)
        .exclude(asset_ids=[])
        .only("asset_ids")
    )
    asset_ids = [asset_id for generation in pending for asset_id in generation.asset_ids]
    found: dict[str, dict[str, Any]] = {}
    for start in range(0, len(asset_ids), ASSETS_PER_CALL):
        for asset in assets.get_assets(asset_ids[start : start + ASSETS_PER_CALL]):
            found[str(asset.get("id"))] = asdict(result_asset(asset))
    for generation in pending:
        generation.results = [found[i] for i in generation.asset_ids if i in found]
    Generation.objects.bulk_update(pending, ["results"], batch_size=500)


def _is_training(job: dict[str, Any]) -> bool:
    return "training" in str(job.get("jobType", ""))


def _metadata(job: dict[str, Any]) -> dict[str, Any]:
    return job["metadata"] if isinstance(job.get("metadata"), dict) else {}


def _model_id(job: dict[str, Any]) -> str:
    return str(job.get("modelId") or _metadata(job).get("modelId") or "")


def _model_ids(jobs: Sequence[dict[str, Any]]) -> list[str]:
    return sorted({_model_id(job) for job in jobs} - {""})
