"""The reconciliation sweep: one `jobs.list(updatedAfter=...)` for the whole project.

Run by the periodic task every 30 s, it updates every record whose job changed (a
lost webhook or a stalled follow cannot leave a record behind), hands trainings to
their follow task, and imports the team's jobs submitted elsewhere, marked external.
Studio test runs are the model author's sandbox trials, not team jobs: left alone.
Upstream calls grow with time (one page per 100 changed jobs), not with jobs or pages.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.utils import timezone

from scenario_ui.authoring.models import DraftTestRun
from scenario_ui.generate.following import read_soon as read_generation_soon
from scenario_ui.generate.models import TERMINAL, Generation
from scenario_ui.generate.tracking import apply_job
from scenario_ui.scenario.jobs import jobs_updated_after
from scenario_ui.training.following import read_soon as read_training_soon
from scenario_ui.training.models import Training

log = logging.getLogger("scenario_ui.worker")

# Jobs changing while the previous sweep read are read again: overlap a little.
OVERLAP = timedelta(seconds=5)
# A first sweep imports the last hour of the project's jobs.
FIRST_LOOKBACK = timedelta(hours=1)
MAX_PAGES = 10
IN_FLIGHT = (Generation.Status.SUBMITTING, Generation.Status.UNKNOWN)


@dataclass(frozen=True)
class Swept:
    read: int
    updated: int
    imported: int


def sweep(*, since: datetime | None) -> Swept:
    start = (since - OVERLAP) if since else timezone.now() - FIRST_LOOKBACK
    jobs = jobs_updated_after(start.isoformat().replace("+00:00", "Z"), max_pages=MAX_PAGES)
    ids = [str(job["jobId"]) for job in jobs]
    test_runs = set(DraftTestRun.objects.filter(job_id__in=ids).values_list("job_id", flat=True))
    generations = {g.job_id: g for g in Generation.objects.filter(job_id__in=ids)}
    # Ours, but without a job id yet (sending now, or its answer lost): never imported.
    in_flight = [
        g.request_body
        for g in Generation.objects.filter(job_id="", status__in=IN_FLIGHT).only("request_body")
    ]
    trainings = {t.job_id: t for t in Training.objects.filter(job_id__in=ids)}
    updated = imported = 0
    for job in jobs:
        job_id = str(job["jobId"])
        if job_id in test_runs:
            continue
        if job_id in trainings:
            # Only news of its end (a delivery may be lost): its own reads follow the rest.
            if job.get("status") in TERMINAL:
                read_training_soon(trainings[job_id])
            continue
        if _is_training(job):
            continue
        generation = generations.get(job_id)
        if generation is None:
            if _input_of(job) in in_flight:
                continue
            generation = _imported(job)
            imported += 1
        elif generation.is_finished:
            continue
        generation.checked_at = timezone.now()
        apply_job(generation, job)
        updated += 1
        if generation.status == Generation.Status.SUCCESS and not generation.results:
            read_generation_soon(generation)
    log.info("sweep read=%s updated=%s imported=%s", len(jobs), updated, imported)
    return Swept(read=len(jobs), updated=updated, imported=imported)


def _is_training(job: dict[str, Any]) -> bool:
    return "training" in str(job.get("jobType", ""))


def _metadata(job: dict[str, Any]) -> dict[str, Any]:
    return job["metadata"] if isinstance(job.get("metadata"), dict) else {}


def _input_of(job: dict[str, Any]) -> dict[str, Any]:
    body = _metadata(job).get("input")
    return body if isinstance(body, dict) else {}


def _imported(job: dict[str, Any]) -> Generation:
    model_id = job.get("modelId") or _metadata(job).get("modelId") or ""
    return Generation(
        user=None,
        external=True,
        job_id=str(job["jobId"]),
        model_id=str(model_id),
        request_body=_input_of(job),
    )
