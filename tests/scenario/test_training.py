"""Trainings at the SDK level: the dry run, the trigger sent once, the cancel."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from scenario_ui.scenario import errors, gateway, training
from scenario_ui.scenario.errors import SubmissionUnknown
from scenario_ui.scenario.generation import CostEstimate
from tests.conftest import retries_requested

type Handler = Callable[[httpx.Request], httpx.Response]

MODEL_ID = "model_lora"
TRAIN_PATH = f"/v1/models/{MODEL_ID}/train"
PARAMETERS: dict[str, Any] = {"maxTrainSteps": 1400, "rank": 16, "learningRate": 0.0001}
STARTED_MODEL = {
    "id": MODEL_ID,
    "type": "flux.1-lora",
    "status": "training",
    "trainingProgress": {"stage": "queued-for-train", "position": 3, "progress": 0},
}


def started(request: httpx.Request) -> httpx.Response:
    return httpx.Response(
        200,
        json={
            "job": {"jobId": "job_train_1", "jobType": "flux-model-training", "status": "queued"},
            "model": STARTED_MODEL,
            "creativeUnitsCost": 52,
        },
    )


def lost(request: httpx.Request) -> httpx.Response:
    raise httpx.ReadTimeout("lost")


def test_the_dry_run_reads_the_269_answer_and_its_cost(fake_api):
    seen = fake_api(
        lambda request: httpx.Response(
            269,
            json={
                "creativeUnitsCost": 52,
                "creativeUnitsDiscount": 0,
                "costDetails": {"trainModel": 52},
            },
        )
    )
    estimate = training.estimate_training(MODEL_ID, PARAMETERS, images_count=9)
    assert estimate == CostEstimate(creative_units=52.0, discount=0.0, details={"trainModel": 52.0})
    [request] = seen
    assert (request.method, request.url.path) == ("PUT", TRAIN_PATH)
    assert request.url.params["dryRun"] == "true"
    # The number of images the form's defaults were computed for (used while none exist).
    assert request.url.params["trainingImagesCount"] == "9"
    assert json.loads(request.content) == {"parameters": PARAMETERS}
    assert retries_requested == [0]


def test_a_dry_run_without_a_cost_is_a_bad_response(fake_api):
    fake_api(lambda request: httpx.Response(269, json={"costDetails": {}}))
    with pytest.raises(errors.ScenarioBadResponse, match="'creativeUnitsCost' number"):
        training.estimate_training(MODEL_ID, PARAMETERS, images_count=9)


def test_the_trigger_puts_the_parameters_once_and_is_never_retried(fake_api):
    seen = fake_api(started)
    result = training.start_training(MODEL_ID, PARAMETERS)
    assert result == training.StartedTraining(
        job_id="job_train_1", model=STARTED_MODEL, creative_units=52.0
    )
    [request] = seen
    assert (request.method, request.url.path) == ("PUT", TRAIN_PATH)
    assert "dryRun" not in request.url.params
    assert json.loads(request.content) == {"parameters": PARAMETERS}
    assert retries_requested == [0]


def test_a_trigger_answer_without_a_job_is_unknown_since_the_training_may_exist(fake_api):
    fake_api(lambda request: httpx.Response(200, json={"model": "not an object"}))
    with pytest.raises(SubmissionUnknown, match="answer could not be read"):
        training.start_training(MODEL_ID, PARAMETERS)


def test_a_trigger_answer_without_model_or_cost_still_names_the_job(fake_api):
    fake_api(lambda request: httpx.Response(200, json={"job": {"jobId": "job_t"}, "model": 1}))
    assert training.start_training(MODEL_ID, PARAMETERS) == training.StartedTraining(
        job_id="job_t", model={}, creative_units=None
    )


@pytest.mark.parametrize(
    ("fault", "happened"),
    [
        (httpx.ReadTimeout("lost"), "no answer came in time"),
        (httpx.RemoteProtocolError("dropped"), "the connection broke before the answer came"),
    ],
)
def test_a_lost_trigger_answer_is_unknown_after_exactly_one_request(fake_api, fault, happened):
    def lose(request: httpx.Request) -> httpx.Response:
        raise fault

    seen = fake_api(lose)
    with pytest.raises(SubmissionUnknown) as raised:
        training.start_training(MODEL_ID, PARAMETERS)
    assert raised.value.message == (
        f"The request was sent, but {happened}, so Scenario may or may not have started it. "
        "It was not sent again: the model's status below shows whether the training started."
    )
    assert len(seen) == 1
    assert retries_requested == [0]


def test_a_trigger_that_never_connected_is_a_refusal(fake_api):
    def down(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("down")

    fake_api(down)
    with pytest.raises(errors.ScenarioUnavailable) as raised:
        training.start_training(MODEL_ID, PARAMETERS)
    assert raised.value.request_sent is False


def test_a_refused_trigger_keeps_the_api_reason(fake_api):
    seen = fake_api(
        lambda request: httpx.Response(400, json={"reason": "Input rank must be at most 64"})
    )
    with pytest.raises(errors.ScenarioBadRequest) as raised:
        training.start_training(MODEL_ID, {"rank": 128})
    assert raised.value.message == "Input rank must be at most 64"
    assert raised.value.status_code == 400
    assert len(seen) == 1


def test_a_server_error_on_the_trigger_is_unknown_and_not_retried(fake_api):
    seen = fake_api(lambda request: httpx.Response(500, json={"reason": "boom"}))
    with pytest.raises(SubmissionUnknown, match="answered with HTTP 500"):
        training.start_training(MODEL_ID, PARAMETERS)
    assert len(seen) == 1
    assert retries_requested == [0]


def test_cancel_posts_the_cancel_action_once(fake_api):
    seen = fake_api(lambda request: httpx.Response(200, json={"model": STARTED_MODEL}))
    training.cancel_training(MODEL_ID)
    [request] = seen
    assert (request.method, request.url.path) == ("POST", f"{TRAIN_PATH}/action")
    assert json.loads(request.content) == {"action": "cancel"}
    assert retries_requested == [0]


def test_a_refused_cancel_keeps_the_api_reason(fake_api):
    reason = f"Training of model {MODEL_ID} cannot be canceled once running"
    fake_api(lambda request: httpx.Response(400, json={"reason": reason}))
    with pytest.raises(errors.ScenarioBadRequest) as raised:
        training.cancel_training(MODEL_ID)
    assert raised.value.message == reason


def serving_the_model_and(handler: Handler) -> Handler:
    """`GET /v1/models/{id}` answers the model; everything else goes to `handler`."""

    def answer(request: httpx.Request) -> httpx.Response:
        if request.method == "GET" and request.url.path == f"/v1/models/{MODEL_ID}":
            return httpx.Response(200, json={"model": {"id": MODEL_ID, "status": "new"}})
        return handler(request)

    return answer


def model_reads(seen: list[httpx.Request]) -> int:
    return sum(1 for request in seen if request.method == "GET")


@pytest.mark.parametrize(
    ("handler", "raised"),
    [
        (started, None),
        (lambda request: httpx.Response(400, json={"reason": "no"}), errors.ScenarioBadRequest),
        (lost, SubmissionUnknown),
    ],
    ids=["started", "refused", "lost"],
)
def test_the_cached_definition_is_dropped_after_a_trigger(fake_api, handler, raised):
    seen = fake_api(serving_the_model_and(handler))
    gateway.retrieve_model(MODEL_ID)
    gateway.retrieve_model(MODEL_ID)
    assert model_reads(seen) == 1
    if raised is None:
        training.start_training(MODEL_ID, PARAMETERS)
    else:
        with pytest.raises(raised):
            training.start_training(MODEL_ID, PARAMETERS)
    gateway.retrieve_model(MODEL_ID)
    assert model_reads(seen) == 2


def test_the_cached_definition_is_dropped_after_a_cancel(fake_api):
    seen = fake_api(serving_the_model_and(lambda request: httpx.Response(200, json={})))
    gateway.retrieve_model(MODEL_ID)
    training.cancel_training(MODEL_ID)
    gateway.retrieve_model(MODEL_ID)
    assert model_reads(seen) == 2
