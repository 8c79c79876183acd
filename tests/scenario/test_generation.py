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
    with pytest.raises(errors.SubmissionUnknown, match="was not sent again"):
        generation.submit_generation("model_x", BODY)
    assert len(seen) == 1
    assert retries_requested == [0]


def test_a_refused_submission_keeps_the_api_reason(fake_api):
    fake_api(lambda r: httpx.Response(400, json={"reason": "Input lorasScale must be at most 2"}))
    with pytest.raises(errors.ScenarioBadRequest, match="Input lorasScale must be at most 2"):
        generation.submit_generation("model_x", BODY)


def test_a_success_without_a_job_is_unknown_since_the_job_may_exist(fake_api):
    fake_api(lambda r: httpx.Response(200, json={"creativeUnitsCost": 3}))
    with pytest.raises(errors.SubmissionUnknown, match="answer could not be read"):
        generation.submit_generation("model_x", BODY)


@pytest.mark.parametrize("cost", ["NaN", "Infinity", "-Infinity", "1e999"])
def test_a_cost_that_is_not_a_finite_number_is_a_bad_response(fake_api, cost):
    # Python's JSON reader turns these into floats; no page may show "nan CU".
    fake_api(lambda r: httpx.Response(269, text=f'{{"creativeUnitsCost": {cost}}}'))
    with pytest.raises(errors.ScenarioBadResponse, match="cost that is not a number"):
        generation.estimate_cost("model_x", BODY)


def test_non_finite_discount_and_details_are_left_out(fake_api):
    fake_api(
        lambda r: httpx.Response(
            269,
            text='{"creativeUnitsCost": 3, "creativeUnitsDiscount": NaN, '
            '"costDetails": {"base": 3, "odd": Infinity}}',
        )
    )
    assert generation.estimate_cost("model_x", BODY) == generation.CostEstimate(
        creative_units=3.0, discount=0.0, details={"base": 3.0}
    )
