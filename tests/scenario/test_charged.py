"""A charged request is sent once; only a clear refusal says that nothing was created."""

from __future__ import annotations

import httpx
import pytest

from scenario_ui.scenario import errors
from scenario_ui.scenario.charged import REFUSAL_STATUSES, send_charged
from tests.conftest import Handler, retries_requested

FOLLOW_UP = "look the job up."
JOB = {"job": {"jobId": "job_1", "status": "queued"}}


def run(fake_api, handler: Handler) -> list[httpx.Request]:
    seen: list[httpx.Request] = fake_api(handler)
    send_charged(
        lambda client: client.generate.with_raw_response.run_model("model_x", body={}),
        follow_up=FOLLOW_UP,
    )
    return seen


def raising(fault: Exception) -> Handler:
    def handler(request: httpx.Request) -> httpx.Response:
        raise fault

    return handler


def test_an_answer_with_a_job_is_returned(fake_api) -> None:
    fake_api(lambda request: httpx.Response(200, json={**JOB, "creativeUnitsCost": 4}))
    answer = send_charged(
        lambda client: client.generate.with_raw_response.run_model("model_x", body={}),
        follow_up=FOLLOW_UP,
    )
    assert (answer.job_id, answer.body["creativeUnitsCost"]) == ("job_1", 4)
    assert retries_requested == [0]


@pytest.mark.parametrize(
    ("handler", "happened"),
    [
        (lambda r: httpx.Response(500, json={"reason": "boom"}), "answered with HTTP 500"),
        (lambda r: httpx.Response(502, text="<html>Bad gateway</html>"), "answered with HTTP 502"),
        (lambda r: httpx.Response(504, text=""), "answered with HTTP 504"),
        (lambda r: httpx.Response(408, json={}), "answered with HTTP 408"),
        (lambda r: httpx.Response(200, text='{"job": {"jobId": "jo'), "could not be read"),
        (lambda r: httpx.Response(200, text="<!doctype html><p>Welcome</p>"), "could not be read"),
        (lambda r: httpx.Response(200, json={"jobs": []}), "could not be read"),
        (lambda r: httpx.Response(200, json={"job": {"status": "queued"}}), "could not be read"),
        (lambda r: httpx.Response(200, json=[1, 2]), "could not be read"),
        (raising(httpx.ReadTimeout("slow")), "no answer came in time"),
        (raising(httpx.WriteTimeout("slow")), "no answer came in time"),
        (raising(httpx.RemoteProtocolError("reset")), "the connection broke"),
        (raising(httpx.ReadError("reset")), "the connection broke"),
    ],
)
def test_anything_but_a_clear_refusal_after_sending_is_unknown(
    fake_api, handler: Handler, happened: str
) -> None:
    with pytest.raises(errors.SubmissionUnknown) as raised:
        run(fake_api, handler)
    assert happened in raised.value.message
    assert raised.value.message.endswith(f"It was not sent again: {FOLLOW_UP}")
    assert retries_requested == [0]


@pytest.mark.parametrize("status", sorted(REFUSAL_STATUSES - {429}))
def test_a_documented_refusal_raises_as_it_is(fake_api, status: int) -> None:
    with pytest.raises(errors.ScenarioError) as raised:
        run(fake_api, lambda r: httpx.Response(status, json={"reason": "no"}))
    assert not isinstance(raised.value, errors.SubmissionUnknown)
    assert raised.value.status_code == status


def test_a_rate_limit_is_a_refusal_that_says_when_to_try_again(fake_api) -> None:
    with pytest.raises(errors.ScenarioRateLimited) as raised:
        run(fake_api, lambda r: httpx.Response(429, headers={"Retry-After": "7"}, json={}))
    assert raised.value.message == "Scenario is rate-limiting us: try again in 7 s."


@pytest.mark.parametrize("fault", [httpx.ConnectError("refused"), httpx.ConnectTimeout("no route")])
def test_a_request_that_never_left_is_a_refusal(fake_api, fault: Exception) -> None:
    with pytest.raises(errors.ScenarioUnavailable) as raised:
        run(fake_api, raising(fault))
    assert raised.value.request_sent is False
    assert raised.value.message.startswith("Could not connect to Scenario.")
