"""`GET /jobs`: the query parameters of the SDK's `jobs.list`, as the API documents them
(`updatedAfter` too, which SDK 2.4.0 sends as an extra query parameter).

The list holds generations (`custom` jobs) and trainings (their trainer's job type),
newest first. `authorId` matches the jobs of that user: the API key's user, or the
other authors of the seeded history (`sandbox.history`). As documented, `authorId`,
`status` and `type` alone list only the last 30 days, `createdAfter` cannot be combined
with `status` or `type` (use `updatedAfter`), and `workflowId` matches no sandbox job.
`projectId` and `hideResults` change nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Final

from django.db.models import Max, Q, QuerySet
from django.http import QueryDict

from scenario_ui.sandbox import clock
from scenario_ui.sandbox.api.errors import SandboxApiError
from scenario_ui.sandbox.api.job_types import (
    JOB_STATUSES,
    JobEntry,
    checked_types,
    entries_json,
    entry_state,
    training_families,
)
from scenario_ui.sandbox.api.listing import list_param
from scenario_ui.sandbox.api.pagination import PageWindow, encode_pagination_token, page_window
from scenario_ui.sandbox.identity import SANDBOX_USER_ID
from scenario_ui.sandbox.jobs import JOB_TYPE
from scenario_ui.sandbox.json_types import JsonObject
from scenario_ui.sandbox.models import SandboxJob, SandboxTraining

DEFAULT_PAGE_SIZE: Final = 50
MAX_PAGE_SIZE: Final = 100
# What `authorId`, `status` or `type` alone reach back, as the API documents.
DEFAULT_WINDOW: Final = timedelta(days=30)


@dataclass(frozen=True)
class JobListQuery:
    author_id: str | None
    status: str | None
    # None: every type; else the job types asked for (`types` wins over `type`).
    types: frozenset[str] | None
    matches_workflow: bool
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
        types = checked_types(list_param(params, "types") or list_param(params, "type"))
        workflow = params.get("workflowId") or None
        created_after = _date(params, "createdAfter")
        updated_after = _date(params, "updatedAfter")
        sorted_by_update = status is not None or types is not None or workflow is not None
        if created_after is not None and sorted_by_update:
            raise SandboxApiError(
                400,
                "createdAfter cannot be combined with status, type, types or workflowId; "
                "use updatedAfter with them",
            )
        author_id = params.get("authorId") or None
        if created_after is None and updated_after is None and (author_id or sorted_by_update):
            since = clock.now() - DEFAULT_WINDOW
            if sorted_by_update:
                updated_after = since
            else:
                created_after = since
        return cls(
            author_id=author_id,
            status=status,
            types=types,
            matches_workflow=workflow is None,
            created_after=created_after,
            updated_after=updated_after,
            window=page_window(params, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE),
        )


def fetch_job_page(query: JobListQuery) -> JsonObject:
    window = query.window
    # One row past the page tells whether another page follows.
    end = window.offset + window.limit + 1
    jobs, trainings = _generations(query), _trainings(query)
    if query.status is None and query.updated_after is None:
        entries = _newest_first([*jobs[:end], *trainings[:end]])
        found = entries[window.offset : end]
    else:
        # A status (and when it last changed) is a function of the clock, not a column:
        # filter on read.
        candidates = _newest_first([*jobs, *trainings])
        found = [entry for entry in candidates if _matches(entry, query)][window.offset : end]
    page: JsonObject = {"jobs": list(entries_json(found[: window.limit]))}
    if len(found) > window.limit:
        next_window = PageWindow(offset=window.offset + window.limit, limit=window.limit)
        page["nextPaginationToken"] = encode_pagination_token(next_window)
    return page


def _generations(query: JobListQuery) -> QuerySet[SandboxJob]:
    if not query.matches_workflow or (query.types is not None and JOB_TYPE not in query.types):
        return SandboxJob.objects.none()
    jobs = SandboxJob.objects.order_by("-created_at", "-id")
    if query.author_id is not None:
        jobs = jobs.filter(author_id=query.author_id)
    if query.created_after is not None:
        jobs = jobs.filter(created_at__gt=query.created_after)
    if query.updated_after is not None:
        jobs = _changing_after(jobs, query.updated_after)
    return jobs


def _trainings(query: JobListQuery) -> QuerySet[SandboxTraining]:
    trainings = SandboxTraining.objects.order_by("-created_at", "-id")
    if not query.matches_workflow or query.author_id not in (None, SANDBOX_USER_ID):
        return trainings.none()
    if query.types is not None:
        trainings = trainings.filter(family__in=training_families(query.types))
    if query.created_after is not None:
        trainings = trainings.filter(created_at__gt=query.created_after)
    if query.updated_after is not None:
        trainings = _changing_after(trainings, query.updated_after)
    return trainings


def _changing_after[Row: (SandboxJob, SandboxTraining)](
    rows: QuerySet[Row], moment: datetime
) -> QuerySet[Row]:
    """The rows that may have changed after `moment`: any finished by then is left out."""
    longest = rows.aggregate(longest=Max("duration_seconds"))["longest"] or 0
    return rows.filter(
        Q(created_at__gt=moment - timedelta(seconds=longest)) | Q(canceled_at__gt=moment)
    )


def _newest_first(rows: Sequence[JobEntry]) -> list[JobEntry]:
    return sorted(rows, key=lambda row: (row.created_at, row.id), reverse=True)


def _matches(entry: JobEntry, query: JobListQuery) -> bool:
    status, updated_at = entry_state(entry)
    if query.status is not None and status != query.status:
        return False
    return query.updated_after is None or updated_at > query.updated_after


def _date(params: QueryDict, name: str) -> datetime | None:
    text = params.get(name)
    if not text:
        return None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError as error:
        raise SandboxApiError(400, f'Invalid {name} "{text}"; expected an ISO 8601 date') from error
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
