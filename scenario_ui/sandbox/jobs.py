"""Sandbox jobs: submitting one, reading it as it stands now, canceling it.

How a job's status moves with time is in `lifecycle`; this module stores jobs, produces
their outputs when they succeed, and answers them in the API's Job shape.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Iterable, Mapping
from typing import Any, Final

from django.conf import settings
from django.db import transaction

from scenario_ui.sandbox import clock
from scenario_ui.sandbox.api.errors import SandboxApiError
from scenario_ui.sandbox.assets import store_asset
from scenario_ui.sandbox.generation import accept_submission
from scenario_ui.sandbox.identity import SANDBOX_OWNER_ID
from scenario_ui.sandbox.json_types import JsonObject
from scenario_ui.sandbox.lifecycle import (
    FAILURE_ERROR,
    FAILURE_HINT,
    JobState,
    JobTimeline,
    job_state,
    prompt_asks_to_fail,
)
from scenario_ui.sandbox.models import SandboxAsset, SandboxJob, SandboxModel
from scenario_ui.sandbox.outputs import produce_outputs
from scenario_ui.sandbox.pricing import Cost
from scenario_ui.sandbox.prompts import main_prompt
from scenario_ui.schema import ModelDefinition, parse_definition

JOB_TYPE: Final = "custom"
DEFAULT_JOB_SECONDS: Final = 4.0
# Add-ons are refunded when a job does not succeed (see the SDK's JobBilling).
REFUNDED_STATUSES: Final = frozenset({"failure", "canceled"})


def job_seconds() -> float:
    return float(getattr(settings, "SANDBOX_JOB_SECONDS", DEFAULT_JOB_SECONDS))


def submit_job(
    model_id: str, definition: ModelDefinition, body: Mapping[str, Any], cost: Cost
) -> SandboxJob:
    """Validate, store the request's inline files and create the job, all or nothing."""
    with transaction.atomic():
        job_input = accept_submission(definition, body)
        return SandboxJob.objects.create(
            model_id=model_id,
            input=job_input,
            input_digest=input_digest(model_id, job_input),
            created_at=clock.now(),
            duration_seconds=job_seconds(),
            fails=prompt_asks_to_fail(main_prompt(definition, body)),
            generation_cost=cost.generation,
            quality_gate_cost=cost.quality_gate,
        )


def input_digest(model_id: str, job_input: Mapping[str, Any]) -> str:
    """What identifies a job's outputs: they are a function of its model and input."""
    text = f"{model_id}\n{json.dumps(job_input, sort_keys=True)}"
    return hashlib.sha256(text.encode()).hexdigest()


def find_job(job_id: str) -> SandboxJob:
    job = SandboxJob.objects.filter(pk=job_id).first()
    if job is None:
        raise SandboxApiError(404, f"Job {job_id} not found")
    return job


def state_now(job: SandboxJob) -> JobState:
    timeline = JobTimeline(
        created_at=job.created_at,
        duration_seconds=job.duration_seconds,
        fails=job.fails,
        canceled_at=job.canceled_at,
    )
    return job_state(timeline, clock.now())


def cancel_job(job: SandboxJob) -> None:
    """Freeze a job that is still running; 400 when it has already finished."""
    state = state_now(job)
    if state.is_finished:
        raise SandboxApiError(400, f"Job {job.id} cannot be canceled: it is {state.status}")
    job.canceled_at = clock.now()
    job.save(update_fields=["canceled_at"])


def jobs_json(jobs: Iterable[SandboxJob]) -> list[JsonObject]:
    """The jobs as they stand now, outputs produced for those that just succeeded."""
    states = [(job, state_now(job)) for job in jobs]
    for job, state in states:
        if state.status == "success" and not job.outputs_produced:
            _produce_outputs_once(job)
    asset_ids = _output_ids_by_job([job.id for job, _ in states])
    return [_job_json(job, state, asset_ids.get(job.id, [])) for job, state in states]


def job_json(job: SandboxJob) -> JsonObject:
    [document] = jobs_json([job])
    return document


def _produce_outputs_once(job: SandboxJob) -> None:
    with transaction.atomic():
        # Only the read that flips the flag produces; a concurrent read finds it flipped.
        claimed = SandboxJob.objects.filter(pk=job.pk, outputs_produced=False).update(
            outputs_produced=True
        )
        if not claimed:
            job.refresh_from_db(fields=["outputs_produced", "text_output"])
            return
        twin = _twin_with_outputs(job)
        if twin is not None:
            _copy_outputs(twin, job)
        else:
            record = SandboxModel.objects.filter(pk=job.model_id).values_list("record", flat=True)
            outputs = produce_outputs(
                parse_definition(record.first() or {"id": job.model_id}), job.input
            )
            for index, file in enumerate(outputs.files):
                named = dataclasses.replace(file, name=f"{job.id}-{file.name}")
                store_asset(named, outputs.source, job=job, output_index=index)
            job.text_output = outputs.text
        job.outputs_produced = True
        job.save(update_fields=["text_output"])


def _twin_with_outputs(job: SandboxJob) -> SandboxJob | None:
    """An earlier job of the same request whose outputs are stored (drawing takes ~30 ms a
    file, and the seeded history repeats requests)."""
    if not job.input_digest:
        return None
    twins = SandboxJob.objects.filter(input_digest=job.input_digest, outputs_produced=True)
    return twins.exclude(pk=job.pk).order_by("created_at").first()


def _copy_outputs(twin: SandboxJob, job: SandboxJob) -> None:
    copies = [
        SandboxAsset(
            kind=asset.kind,
            mime_type=asset.mime_type,
            name=asset.name.replace(twin.id, job.id, 1),
            content=asset.content,
            size=asset.size,
            source=asset.source,
            properties=asset.properties,
            created_at=clock.now(),
            job=job,
            output_index=asset.output_index,
        )
        for asset in SandboxAsset.objects.filter(job=twin).order_by("output_index")
    ]
    SandboxAsset.objects.bulk_create(copies)
    job.text_output = twin.text_output


def _output_ids_by_job(job_ids: list[str]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    rows = SandboxAsset.objects.filter(job_id__in=job_ids).order_by("output_index")
    for job_id, asset_id in rows.values_list("job_id", "id"):
        found.setdefault(str(job_id), []).append(asset_id)
    return found


def _job_json(job: SandboxJob, state: JobState, asset_ids: list[str]) -> JsonObject:
    metadata: JsonObject = {
        "input": job.input,
        "assetIds": list(asset_ids),
        "modelId": job.model_id,
    }
    if state.status == "failure":
        metadata.update(error=FAILURE_ERROR, hint=FAILURE_HINT)
    if state.status == "success" and job.text_output is not None:
        metadata["output"] = job.text_output
    quality_gate = 0 if state.status in REFUNDED_STATUSES else job.quality_gate_cost
    return {
        "jobId": job.id,
        "jobType": JOB_TYPE,
        "status": state.status,
        "progress": state.progress,
        "createdAt": clock.iso_timestamp(job.created_at),
        "updatedAt": clock.iso_timestamp(state.updated_at),
        "authorId": job.author_id,
        "ownerId": SANDBOX_OWNER_ID,
        "metadata": metadata,
        "statusHistory": [
            {"status": change.status, "date": clock.iso_timestamp(change.date)}
            for change in state.history
        ],
        "billing": {
            "cuCost": job.generation_cost,
            "cuDiscount": 0,
            "cuCostDetails": {"quality-gate": quality_gate},
        },
    }
