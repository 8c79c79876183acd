from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from django.http import QueryDict

from scenario_ui.sandbox.api.errors import SandboxApiError
from scenario_ui.sandbox.api.job_listing import JobListQuery, fetch_job_page
from scenario_ui.sandbox.models import SandboxJob
from tests.sandbox.conftest import FrozenClock

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.sandbox.urls")]


def page(params: str) -> dict[str, Any]:
    return fetch_job_page(JobListQuery.from_params(QueryDict(params)))


def ids(params: str) -> list[str]:
    return [job["jobId"] for job in page(params)["jobs"]]


@pytest.fixture
def jobs(frozen_clock: FrozenClock) -> list[str]:
    """Five ten-second jobs, one a minute: only the newest is still running."""
    created = []
    for index in range(5):
        created.append(
            SandboxJob.objects.create(
                id=f"job_{index}",
                model_id="model_a",
                input={"prompt": "fail" if index == 1 else "ok"},
                created_at=frozen_clock.moment,
                duration_seconds=10,
                fails=index == 1,
                generation_cost=4,
                quality_gate_cost=1.75,
            ).id
        )
        frozen_clock.advance(60)
    frozen_clock.advance(-60)
    return created


def test_newest_first_with_a_token_while_more_follow(jobs: list[str]) -> None:
    first = page("pageSize=2")
    assert [job["jobId"] for job in first["jobs"]] == ["job_4", "job_3"]
    assert ids(f"pageSize=2&paginationToken={first['nextPaginationToken']}") == ["job_2", "job_1"]
    assert "nextPaginationToken" not in page("pageSize=5")
    assert ids("") == ["job_4", "job_3", "job_2", "job_1", "job_0"]


@pytest.mark.parametrize(
    ("status", "expected"),
    [("queued", ["job_4"]), ("success", ["job_3", "job_2", "job_0"]), ("failure", ["job_1"])],
)
def test_filters_on_the_status_as_of_now(jobs: list[str], status: str, expected: list[str]) -> None:
    assert ids(f"status={status}") == expected


def test_status_filtered_pages_count_matching_jobs(jobs: list[str]) -> None:
    first = page("status=success&pageSize=2")
    assert [job["jobId"] for job in first["jobs"]] == ["job_3", "job_2"]
    token = first["nextPaginationToken"]
    assert ids(f"status=success&pageSize=2&paginationToken={token}") == ["job_0"]


def test_filters_on_creation_date(jobs: list[str]) -> None:
    assert ids("createdAfter=2026-03-01T12:02:00Z") == ["job_4", "job_3"]
    assert ids("createdAfter=2026-03-01T12:02:00") == ["job_4", "job_3"]


@pytest.mark.parametrize(
    ("params", "listed"),
    [
        ("type=custom", True),
        ("types=inference,custom", True),
        ("type=custom&types=inference", False),
        ("type=model-training", False),
        ("workflowId=workflow_a", False),
        ("authorId=user_x&hideResults=false&projectId=p", True),
    ],
)
def test_type_filters_match_all_or_nothing(jobs: list[str], params: str, listed: bool) -> None:
    assert bool(ids(params)) is listed


@pytest.mark.parametrize(
    ("params", "reason"),
    [
        (
            "status=done",
            'Invalid status "done"; expected one of: pending, queued, warming-up, '
            "in-progress, success, failure, canceled, finalizing",
        ),
        ("createdAfter=yesterday", 'Invalid createdAfter "yesterday"; expected an ISO 8601 date'),
        ("pageSize=101", 'Invalid pageSize "101"; expected an integer from 1 to 100'),
    ],
)
def test_invalid_parameters_are_400(params: str, reason: str) -> None:
    with pytest.raises(SandboxApiError) as raised:
        JobListQuery.from_params(QueryDict(params))
    assert (raised.value.status, raised.value.reason) == (400, reason)


def test_the_default_query() -> None:
    query = JobListQuery.from_params(QueryDict(""))
    assert (query.status, query.matches_job_type, query.created_after) == (None, True, None)
    assert query.window.limit == 50
    assert JobListQuery.from_params(
        QueryDict("createdAfter=2026-01-01T00:00:00%2B01:00")
    ).created_after == datetime(2025, 12, 31, 23, 0, tzinfo=UTC)
