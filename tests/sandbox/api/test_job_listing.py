from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from django.http import QueryDict

from scenario_ui.sandbox.api.errors import SandboxApiError
from scenario_ui.sandbox.api.job_listing import JobListQuery, fetch_job_page
from scenario_ui.sandbox.models import SandboxJob, SandboxTraining
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
        ("authorId=user_sandbox-demo&hideResults=false&projectId=p", True),
        ("authorId=user_x", False),
    ],
)
def test_type_and_author_filters(jobs: list[str], params: str, listed: bool) -> None:
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
    assert (query.status, query.types, query.created_after) == (None, None, None)
    assert (query.author_id, query.updated_after, query.matches_workflow) == (None, None, True)
    assert query.window.limit == 50
    assert JobListQuery.from_params(
        QueryDict("createdAfter=2026-01-01T00:00:00%2B01:00")
    ).created_after == datetime(2025, 12, 31, 23, 0, tzinfo=UTC)


@pytest.fixture
def training(jobs: list[str], frozen_clock: FrozenClock) -> str:
    """A training triggered 90 s after job_1 (between job_1 and job_2), long finished."""
    return SandboxTraining.objects.create(
        id="job_training",
        model_id="model_t",
        family="sd-1_5",
        parameters={"conceptPrompt": "boats"},
        created_at=frozen_clock.moment - timedelta(seconds=150),
        duration_seconds=20,
        cost=100,
        settled=True,
    ).id


def test_trainings_are_listed_among_generations_newest_first(training: str) -> None:
    listed = page("")["jobs"]
    assert [job["jobId"] for job in listed] == [
        "job_4",
        "job_3",
        "job_2",
        "job_training",
        "job_1",
        "job_0",
    ]
    assert listed[3]["jobType"] == "model-training"
    assert ids("pageSize=2&paginationToken=" + page("pageSize=2")["nextPaginationToken"]) == [
        "job_2",
        "job_training",
    ]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ("type=model-training", ["job_training"]),
        ("types=flux-model-training", []),
        ("type=custom&status=failure", ["job_1"]),
        ("status=success", ["job_3", "job_2", "job_training", "job_0"]),
        ("authorId=user_sandbox-demo&pageSize=1", ["job_4"]),
    ],
)
def test_trainings_follow_the_filters(training: str, params: str, expected: list[str]) -> None:
    assert ids(params) == expected


def test_author_filter_lists_that_author_only(jobs: list[str]) -> None:
    SandboxJob.objects.filter(pk="job_2").update(author_id="user_pipeline")
    assert ids("authorId=user_pipeline") == ["job_2"]
    assert "job_2" not in ids("authorId=user_sandbox-demo")
    assert page("")["jobs"][2]["authorId"] == "user_pipeline"


def test_author_status_or_type_alone_reach_back_30_days(
    jobs: list[str], frozen_clock: FrozenClock
) -> None:
    SandboxJob.objects.filter(pk="job_0").update(
        created_at=frozen_clock.moment - timedelta(days=31)
    )
    assert "job_0" not in ids("authorId=user_sandbox-demo")
    assert "job_0" not in ids("status=success")
    assert "job_0" not in ids("type=custom")
    assert "job_0" in ids("")
    assert "job_0" in ids("authorId=user_sandbox-demo&createdAfter=2026-01-01T00:00:00Z")


@pytest.mark.parametrize(
    ("params", "reason"),
    [
        (
            "type=drawing",
            'Invalid type "drawing"; expected one of: assets-download, model-training, ',
        ),
        (
            "status=success&createdAfter=2026-01-01T00:00:00Z",
            "createdAfter cannot be combined with status, type, types or workflowId; "
            "use updatedAfter with them",
        ),
    ],
)
def test_refused_combinations_name_what_is_valid(params: str, reason: str) -> None:
    with pytest.raises(SandboxApiError) as raised:
        JobListQuery.from_params(QueryDict(params))
    assert raised.value.status == 400
    assert raised.value.reason.startswith(reason)
    if "type=" in params:
        assert raised.value.reason.endswith("mesh-preview-rendering, workflow")
