"""The job endpoints over HTTP, the clock moved by hand."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.sandbox.conftest import FrozenClock
from tests.sandbox.factories import store_generator_and_loras
from tests.sandbox.http import answer, get, post

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.sandbox.urls")]


@pytest.fixture(autouse=True)
def _models(frozen_clock: FrozenClock, ten_second_jobs: float) -> None:
    store_generator_and_loras()


def submit(client: Client, prompt: str = "a cabin", outputs: int = 2) -> str:
    body = {"prompt": prompt, "numOutputs": outputs}
    job_id: str = post(client, "/generate/custom/model_generator", body).json()["job"]["jobId"]
    return job_id


def test_a_job_moves_through_its_statuses_to_success(
    client: Client, frozen_clock: FrozenClock
) -> None:
    job_id = submit(client)
    seen = []
    for _ in range(11):
        job = get(client, f"/jobs/{job_id}").json()["job"]
        seen.append((job["status"], job["progress"]))
        frozen_clock.advance(1)
    assert seen == [
        ("queued", 0),
        ("queued", 0),
        ("warming-up", 0),
        ("in-progress", 0.0769),
        ("in-progress", 0.2308),
        ("in-progress", 0.3846),
        ("in-progress", 0.5385),
        ("in-progress", 0.6923),
        ("in-progress", 0.8462),
        ("finalizing", 1),
        ("success", 1),
    ]
    assert [change["status"] for change in job["statusHistory"]] == [
        "queued",
        "warming-up",
        "in-progress",
        "finalizing",
        "success",
    ]
    assert len(job["metadata"]["assetIds"]) == 2
    assert (
        get(client, f"/jobs/{job_id}").json()["job"]["metadata"]["assetIds"]
        == (job["metadata"]["assetIds"])
    )


def test_a_prompt_with_fail_fails(client: Client, frozen_clock: FrozenClock) -> None:
    job_id = submit(client, prompt="Make it fail")
    frozen_clock.advance(6)
    job = get(client, f"/jobs/{job_id}").json()["job"]
    assert job["status"] == "failure"
    assert job["metadata"]["error"] == "The sandbox was asked to fail: the prompt contains “fail”."
    assert job["metadata"]["hint"] == "Remove “fail” from the prompt and submit again."


def test_cancel_answers_the_canceled_job_which_stays_canceled(
    client: Client, frozen_clock: FrozenClock
) -> None:
    job_id = submit(client)
    frozen_clock.advance(3)
    status, document = answer(post(client, f"/jobs/{job_id}/action", {"action": "cancel"}))
    assert (status, document["job"]["status"]) == (200, "canceled")
    frozen_clock.advance(30)
    job = get(client, f"/jobs/{job_id}").json()["job"]
    assert (job["status"], job["metadata"]["assetIds"]) == ("canceled", [])


def test_a_finished_job_cannot_be_canceled(client: Client, frozen_clock: FrozenClock) -> None:
    job_id = submit(client)
    frozen_clock.advance(10)
    response = post(client, f"/jobs/{job_id}/action", {"action": "cancel"})
    assert answer(response) == (
        400,
        {"reason": f"Job {job_id} cannot be canceled: it is success"},
    )


@pytest.mark.parametrize("body", [{"action": "pause"}, {}])
def test_unknown_actions_are_400(client: Client, body: dict[str, str]) -> None:
    job_id = submit(client)
    response = post(client, f"/jobs/{job_id}/action", body)
    assert answer(response) == (
        400,
        {"reason": f'Invalid action "{body.get("action")}"; expected one of: cancel'},
    )


def test_unknown_jobs_are_404(client: Client) -> None:
    assert answer(get(client, "/jobs/job_missing")) == (
        404,
        {"reason": "Job job_missing not found"},
    )
    response = post(client, "/jobs/job_missing/action", {"action": "cancel"})
    assert answer(response) == (404, {"reason": "Job job_missing not found"})


def test_the_list_is_newest_first_and_paginated(client: Client, frozen_clock: FrozenClock) -> None:
    created = []
    for _ in range(3):
        created.append(submit(client))
        frozen_clock.advance(1)
    first = get(client, "/jobs?pageSize=2").json()
    assert [job["jobId"] for job in first["jobs"]] == created[:0:-1]
    rest = get(client, f"/jobs?pageSize=2&paginationToken={first['nextPaginationToken']}")
    assert rest.json() == {"jobs": [get(client, f"/jobs/{created[0]}").json()["job"]]}


def test_the_list_refuses_bad_parameters(client: Client) -> None:
    assert get(client, "/jobs?createdAfter=soon").status_code == 400
