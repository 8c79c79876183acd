from __future__ import annotations

import json

import httpx
import pytest

from scenario_ui.scenario import errors, jobs


def test_get_job(fake_api):
    seen = fake_api(
        lambda r: httpx.Response(200, json={"job": {"jobId": "job_1", "status": "queued"}})
    )
    assert jobs.get_job("job_1")["status"] == "queued"
    assert seen[0].url.path == "/v1/jobs/job_1"


def test_cancel_asks_then_re_reads_the_job(fake_api):
    def answer(request: httpx.Request) -> httpx.Response:
        if request.method == "POST":
            return httpx.Response(200, json={"job": {"jobId": "job_1", "status": "in-progress"}})
        return httpx.Response(200, json={"job": {"jobId": "job_1", "status": "canceled"}})

    seen = fake_api(answer)
    assert jobs.cancel_job("job_1")["status"] == "canceled"
    assert [(r.method, r.url.path) for r in seen] == [
        ("POST", "/v1/jobs/job_1/action"),
        ("GET", "/v1/jobs/job_1"),
    ]
    assert json.loads(seen[0].content) == {"action": "cancel"}


def test_a_job_that_cannot_be_canceled_says_why(fake_api):
    fake_api(lambda r: httpx.Response(400, json={"reason": "Job job_1 cannot be canceled"}))
    with pytest.raises(errors.ScenarioBadRequest, match="cannot be canceled"):
        jobs.cancel_job("job_1")


def test_find_submitted_job_matches_the_exact_input(fake_api):
    body = {"prompt": "a cabin"}
    listed = [
        {"jobId": "job_other", "metadata": {"input": {"prompt": "else"}}},
        {"jobId": "job_mine", "metadata": {"input": body}},
    ]
    seen = fake_api(lambda r: httpx.Response(200, json={"jobs": listed}))
    found = jobs.find_submitted_job("model_x", body, created_after="2026-11-21T10:00:00Z")
    assert found is not None
    assert found["jobId"] == "job_mine"
    assert seen[0].url.params["createdAfter"] == "2026-11-21T10:00:00Z"


def test_find_submitted_job_skips_other_models(fake_api):
    body = {"prompt": "a cabin"}
    listed = [{"jobId": "job_1", "metadata": {"modelId": "model_y", "input": body}}]
    fake_api(lambda r: httpx.Response(200, json={"jobs": listed}))
    assert jobs.find_submitted_job("model_x", body, created_after="") is None


def test_find_submitted_job_pages_until_it_finds_the_job(fake_api):
    body = {"prompt": "a cabin"}
    others = [
        {"jobId": f"job_{n}", "metadata": {"input": {"prompt": f"other {n}"}}} for n in (1, 2)
    ]
    wanted = {"jobId": "job_3", "metadata": {"modelId": "model_x", "input": body}}
    pages = {
        "": {"jobs": [others[0]], "nextPaginationToken": "page2"},
        "page2": {"jobs": [others[1]], "nextPaginationToken": "page3"},
        "page3": {"jobs": [wanted], "nextPaginationToken": "page4"},
    }
    seen = fake_api(
        lambda r: httpx.Response(200, json=pages[r.url.params.get("paginationToken", "")])
    )

    found = jobs.find_submitted_job("model_x", body, created_after="2026-11-21T10:00:00Z")

    assert found == wanted
    assert [r.url.params.get("paginationToken") for r in seen] == [None, "page2", "page3"]
    assert {r.url.params["createdAfter"] for r in seen} == {"2026-11-21T10:00:00Z"}
    assert {r.url.params["pageSize"] for r in seen} == {str(jobs.LOOKUP_PAGE_SIZE)}


def test_find_submitted_job_stops_at_the_last_page(fake_api):
    seen = fake_api(lambda r: httpx.Response(200, json={"jobs": []}))
    assert jobs.find_submitted_job("model_x", {"prompt": "p"}, created_after="") is None
    assert len(seen) == 1


def test_find_submitted_job_reads_a_bounded_number_of_pages(fake_api):
    seen = fake_api(
        lambda r: httpx.Response(200, json={"jobs": [], "nextPaginationToken": "again"})
    )
    assert jobs.find_submitted_job("model_x", {"prompt": "p"}, created_after="") is None
    assert len(seen) == jobs.LOOKUP_MAX_PAGES


def test_a_rate_limited_look_up_says_when_to_try_again(fake_api):
    fake_api(lambda r: httpx.Response(429, headers={"Retry-After": "3"}, json={}))
    with pytest.raises(errors.ScenarioRateLimited) as raised:
        jobs.find_submitted_job("model_x", {"prompt": "p"}, created_after="")
    assert raised.value.message == "Scenario is rate-limiting us: try again in 3 s."


def test_jobs_updated_after_pages_through_the_changed_jobs(fake_api):
    def answer(request: httpx.Request) -> httpx.Response:
        assert request.url.params["updatedAfter"] == "2026-01-01T00:00:00Z"
        if request.url.params.get("paginationToken") == "p2":
            return httpx.Response(200, json={"jobs": [{"jobId": "job_3"}, "not a job"]})
        page = {"jobs": [{"jobId": "job_1"}, {"jobId": "job_2"}], "nextPaginationToken": "p2"}
        return httpx.Response(200, json=page)

    requests = fake_api(answer)
    found = jobs.jobs_updated_after("2026-01-01T00:00:00Z", max_pages=5)
    assert [job["jobId"] for job in found] == ["job_1", "job_2", "job_3"]
    assert len(requests) == 2
    assert len(jobs.jobs_updated_after("2026-01-01T00:00:00Z", max_pages=1)) == 2


def test_jobs_created_after_pages_through_every_page(fake_api):
    def answer(request: httpx.Request) -> httpx.Response:
        assert request.url.params["createdAfter"] == "2026-01-01T00:00:00Z"
        assert request.url.params["pageSize"] == "100"
        if request.url.params.get("paginationToken") == "p2":
            return httpx.Response(200, json={"jobs": [{"jobId": "job_3"}]})
        page = {"jobs": [{"jobId": "job_1"}, {"jobId": "job_2"}], "nextPaginationToken": "p2"}
        return httpx.Response(200, json=page)

    requests = fake_api(answer)
    found = jobs.jobs_created_after("2026-01-01T00:00:00Z", max_pages=5)
    assert [job["jobId"] for job in found] == ["job_1", "job_2", "job_3"]
    assert len(requests) == 2
    assert len(jobs.jobs_created_after("2026-01-01T00:00:00Z", max_pages=1)) == 2
