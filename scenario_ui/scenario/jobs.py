"""Jobs: read one, cancel one, find one whose submission answer was lost."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from scenario_sdk import Scenario, omit

from scenario_ui.scenario.calls import JsonObject, call_action, call_json, expect_key

LOOKUP_PAGE_SIZE = 100
# A look-up reads at most this many pages of jobs created since the submission, so a
# busy project cannot hold a request for long; 2,000 jobs in a few minutes is a lot.
LOOKUP_MAX_PAGES = 20


def get_job(job_id: str) -> JsonObject:
    answer = call_json(lambda client: client.jobs.with_raw_response.retrieve(job_id))
    job: JsonObject = expect_key(answer, "job", dict)
    return job


def cancel_job(job_id: str) -> JsonObject:
    """Ask for a cancel, then re-read: the acknowledgement alone proves nothing."""
    call_action(
        lambda client: client.jobs.with_raw_response.trigger_action(job_id, action="cancel")
    )
    return get_job(job_id)


def find_submitted_job(model_id: str, body: JsonObject, *, created_after: str) -> JsonObject | None:
    """The job created after `created_after` for this model with exactly this input, if any.

    Pages through `GET /jobs` (newest first) until the job or the last page is found.
    """
    token = ""
    for _ in range(LOOKUP_MAX_PAGES):
        answer = call_action(partial(_list_jobs, created_after=created_after, token=token))
        jobs: list[Any] = expect_key(answer, "jobs", list)
        found = next((job for job in jobs if _is_the_submission(job, model_id, body)), None)
        next_token = answer.get("nextPaginationToken")
        if found is not None or not isinstance(next_token, str) or not next_token:
            return found
        token = next_token
    return None


def jobs_updated_after(updated_after: str, *, max_pages: int) -> list[JsonObject]:
    """Every job of the project updated since `updated_after`, in at most `max_pages` calls:
    one call follows any number of jobs."""
    return _every_page(partial(_list_updated, updated_after=updated_after), max_pages=max_pages)


def jobs_created_after(created_after: str, *, max_pages: int) -> list[JsonObject]:
    """Every job of the project created since `created_after` (newest first), in at most
    `max_pages` calls of 100 jobs."""
    return _every_page(partial(_list_jobs, created_after=created_after), max_pages=max_pages)


def _every_page(list_page: Callable[..., Any], *, max_pages: int) -> list[JsonObject]:
    found: list[JsonObject] = []
    token = ""
    for _ in range(max_pages):
        answer = call_json(partial(list_page, token=token))
        jobs: list[Any] = expect_key(answer, "jobs", list)
        found += [
            job for job in jobs if isinstance(job, dict) and isinstance(job.get("jobId"), str)
        ]
        next_token = answer.get("nextPaginationToken")
        if not isinstance(next_token, str) or not next_token:
            break
        token = next_token
    return found


def _list_updated(client: Scenario, *, updated_after: str, token: str) -> Any:
    # SDK 2.4.0's `jobs.list` has no keyword for the documented updatedAfter filter yet.
    return client.jobs.with_raw_response.list(
        page_size=LOOKUP_PAGE_SIZE,
        pagination_token=token or omit,
        extra_query={"updatedAfter": updated_after},
    )


def _list_jobs(client: Scenario, *, created_after: str, token: str) -> Any:
    return client.jobs.with_raw_response.list(
        created_after=created_after or omit,
        page_size=LOOKUP_PAGE_SIZE,
        pagination_token=token or omit,
    )


def _is_the_submission(job: Any, model_id: str, body: JsonObject) -> bool:
    if not isinstance(job, dict):
        return False
    metadata: JsonObject = job["metadata"] if isinstance(job.get("metadata"), dict) else {}
    # Jobs do not always name their model; the exact input then identifies it.
    return _model_of(job, metadata) in (model_id, None) and metadata.get("input") == body


def _model_of(job: JsonObject, metadata: JsonObject) -> str | None:
    for source in (job, metadata):
        if isinstance(source.get("modelId"), str):
            return str(source["modelId"])
    return None
