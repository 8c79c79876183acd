"""Jobs: read one, cancel one, find one whose submission answer was lost."""

from __future__ import annotations

from typing import Any

from scenario_sdk import omit

from scenario_ui.scenario.calls import JsonObject, call_json, expect_key


def get_job(job_id: str) -> JsonObject:
    answer = call_json(lambda client: client.jobs.with_raw_response.retrieve(job_id))
    job: JsonObject = expect_key(answer, "job", dict)
    return job


def cancel_job(job_id: str) -> JsonObject:
    """Ask for a cancel, then re-read: the acknowledgement alone proves nothing."""
    call_json(
        lambda client: client.jobs.with_raw_response.trigger_action(job_id, action="cancel"),
        max_retries=0,
    )
    return get_job(job_id)


def find_submitted_job(model_id: str, body: JsonObject, *, created_after: str) -> JsonObject | None:
    """The job created after `created_after` for this model with exactly this input, if any."""
    answer = call_json(
        lambda client: client.jobs.with_raw_response.list(
            created_after=created_after or omit, page_size=50
        )
    )
    jobs: list[Any] = expect_key(answer, "jobs", list)
    for job in jobs:
        if not isinstance(job, dict):
            continue
        metadata: JsonObject = job["metadata"] if isinstance(job.get("metadata"), dict) else {}
        # Jobs do not always name their model; the exact input then identifies it.
        if _model_of(job, metadata) in (model_id, None) and metadata.get("input") == body:
            return job
    return None


def _model_of(job: JsonObject, metadata: JsonObject) -> str | None:
    for source in (job, metadata):
        if isinstance(source.get("modelId"), str):
            return str(source["modelId"])
    return None
