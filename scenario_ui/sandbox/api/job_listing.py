"""`GET /jobs`: the query parameters of the SDK's `jobs.list` that mean something here
(`updatedAfter` too, which SDK 2.4.0 sends as an extra query parameter).

Every sandbox job is a `custom` job of the one sandbox user, so `type`/`types` match
either all jobs or none, `workflowId` matches none, and `authorId`, `projectId` and
`hideResults` change nothing. Jobs come newest first.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Final

from django.db.models import Max, Q, QuerySet
from django.http import QueryDict

from scenario_ui.sandbox.api.errors import SandboxApiError
from scenario_ui.sandbox.api.listing import list_param
from scenario_ui.sandbox.api.pagination import PageWindow, encode_pagination_token, page_window
from scenario_ui.sandbox.jobs import JOB_TYPE, jobs_json, state_now
from scenario_ui.sandbox.json_types import JsonObject
from scenario_ui.sandbox.lifecycle import JobState
from scenario_ui.sandbox.models import SandboxJob

DEFAULT_PAGE_SIZE: Final = 50
MAX_PAGE_SIZE: Final = 100
JOB_STATUSES: Final = (
    "pending",
    "queued",
    "warming-up",
    "in-progress",
    "success",
    "failure",
    "canceled",
    "finalizing",
)


@dataclass(frozen=True)
class JobListQuery:
    status: str | None
    matches_job_type: bool
    created_after: datetime | None
    updated_after: datetime | None
    window: PageWindow

    @classmethod
    def from_params(cls, params: QueryDict) -> JobListQuery:
        status = params.get("status") or None
        if status is not None and status not in JOB_STATUSES:
            raise SandboxApiError(
                400, f'Invalid status "{status}"; expected one of: {", ".join(JOB_STATUSES)}'
            )
        # As documented: when "types" is given, "type" is ignored.
        types = list_param(params, "types") or list_param(params, "type")
        return cls(
            status=status,
            matches_job_type=(not types or JOB_TYPE in types) and not params.get("workflowId"),
            created_after=_date(params, "createdAfter"),
            updated_after=_date(params, "updatedAfter"),
            window=page_window(params, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE),
        )


def _changing_after(jobs: QuerySet[SandboxJob], moment: datetime) -> QuerySet[SandboxJob]:
    """The jobs that may have changed after `moment`: any finished by then is left out."""
    longest = jobs.aggregate(longest=Max("duration_seconds"))["longest"] or 0
    return jobs.filter(
        Q(created_at__gt=moment - timedelta(seconds=longest)) | Q(canceled_at__gt=moment)
    )


def _matches(state: JobState, query: JobListQuery) -> bool:
    if query.status is not None and state.status != query.status:
        return False
    return query.updated_after is None or state.updated_at > query.updated_after


def fetch_job_page(query: JobListQuery) -> JsonObject:
    if not query.matches_job_type:
        return {"jobs": []}
    jobs = SandboxJob.objects.order_by("-created_at", "-id")
    if query.created_after is not None:
        jobs = jobs.filter(created_at__gt=query.created_after)
    window = query.window
    # One row past the page tells whether another page follows.
    end = window.offset + window.limit + 1
    if query.updated_after is not None:
        jobs = _changing_after(jobs, query.updated_after)
    if query.status is None and query.updated_after is None:
        found = list(jobs[window.offset : end])
    else:
        # A status (and when it last changed) is a function of the clock, not a column:
        # filter on read.
        matching = [job for job in jobs if _matches(state_now(job), query)]
        found = matching[window.offset : end]
    page: JsonObject = {"jobs": list(jobs_json(found[: window.limit]))}
    if len(found) > window.limit:
        next_window = PageWindow(offset=window.offset + window.limit, limit=window.limit)
        page["nextPaginationToken"] = encode_pagination_token(next_window)
    return page


def _date(params: QueryDict, name: str) -> datetime | None:
    text = params.get(name)
    if not text:
        return None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError as error:
        raise SandboxApiError(400, f'Invalid {name} "{text}"; expected an ISO 8601 date') from error
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
