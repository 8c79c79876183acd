from __future__ import annotations

import json

import httpx
import pytest

from scenario_ui.scenario import errors, generation
from tests.conftest import retries_requested

BODY = {"prompt": "a cabin", "numOutputs": 2}


def test_estimate_reads_the_269_answer(fake_api):
    seen = fake_api(
        lambda request: httpx.Response(
            269,
            json={
                "creativeUnitsCost": 10.75,
                "creativeUnitsDiscount": 0,
                "costDetails": {"custom-generation": 9, "quality-gate": 1.75},
            },
        )
    )
    estimate = generation.estimate_cost("model_x", BODY)
    assert estimate == generation.CostEstimate(
        creative_units=10.75, discount=0.0, details={"custom-generation": 9.0, "quality-gate": 1.75}
    )
    assert seen[0].url.path == "/v1/generate/custom/model_x"
    assert seen[0].url.params["dryRun"] == "true"
    assert json.loads(seen[0].content) == BODY


def test_a_rate_limited_estimate_is_a_typed_error(fake_api):
    fake_api(
        lambda r: httpx.Response(
            429, json={"reason": "Too many estimates", "actionName": "dry-run"}
        )
    )
    with pytest.raises(errors.ScenarioRateLimited, match="Too many estimates"):
        generation.estimate_cost("model_x", BODY)


def test_submit_returns_the_job_and_is_never_retried(fake_api):
    seen = fake_api(
        lambda r: httpx.Response(
            200,
            json={"job": {"jobId": "job_1", "status": "queued"}, "creativeUnitsCost": 12},
        )
    )
    submitted = generation.submit_generation("model_x", BODY)
    assert (submitted.job_id, submitted.status, submitted.creative_units) == (
        "job_1",
        "queued",
        12.0,
    )
    assert len(seen) == 1
    assert "dryRun" not in seen[0].url.params
    assert retries_requested == [0]


@pytest.mark.parametrize("fault", [httpx.ReadTimeout("lost"), httpx.RemoteProtocolError("dropped")])
def test_a_lost_answer_means_unknown_and_exactly_one_request(fake_api, fault):
    def lose(request: httpx.Request) -> httpx.Response:
        raise fault

    seen = fake_api(lose)
    with pytest.raises(generation.SubmissionUnknown, match="was not sent again"):
        generation.submit_generation("model_x", BODY)
    assert len(seen) == 1
    assert retries_requested == [0]


def test_a_refused_submission_keeps_the_api_reason(fake_api):
    fake_api(lambda r: httpx.Response(400, json={"reason": "Input lorasScale must be at most 2"}))
    with pytest.raises(errors.ScenarioBadRequest, match="Input lorasScale must be at most 2"):
        generation.submit_generation("model_x", BODY)


def test_a_success_without_a_job_is_a_bad_response(fake_api):
    fake_api(lambda r: httpx.Response(200, json={"creativeUnitsCost": 3}))
    with pytest.raises(errors.ScenarioBadResponse, match="'job' object"):
        generation.submit_generation("model_x", BODY)
