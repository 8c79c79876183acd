"""Reviewing a training (its dry run) and starting it once, against the sandbox or a fake API."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from django.contrib.auth.models import User
from django.utils import timezone

from scenario_ui.sandbox import clock
from scenario_ui.sandbox.catalog import DEMO_CATALOG_DIR
from scenario_ui.sandbox.models import SandboxTraining
from scenario_ui.scenario.errors import ScenarioBadRequest
from scenario_ui.scenario.generation import CostEstimate
from scenario_ui.schema import ModelDefinition, parse_definition
from scenario_ui.training.families import FLUX_LORA
from scenario_ui.training.models import Training
from scenario_ui.training.monitor import monitor_for
from scenario_ui.training.page import load_model
from scenario_ui.training.submission import (
    REVIEWED,
    Review,
    ReviewAgain,
    Started,
    StartResult,
    digest_of,
    review,
    start,
)
from scenario_ui.web.attempts import TOKEN
from tests.conftest import retries_requested
from tests.sandbox.conftest import FrozenClock

type Handler = Callable[[httpx.Request], httpx.Response]

BASE_URL = "http://testserver/sandbox/v1"
MASCOT = "model_demo-my-mascot-flux"
TRAIN_PATH = f"/v1/models/{MASCOT}/train"
# What the mascot's Train form posts untouched (its 14 images make 1400 steps).
DEFAULT_PARAMETERS: dict[str, Any] = {
    "maxTrainSteps": 1400,
    "rank": 16,
    "learningRate": 0.0001,
    "learningRateTextEncoder": 1e-05,
}
# The sandbox's price of a Flux LoRA training: 10 + 3 per 100 steps.
DEFAULT_COST = 52.0


def started(result: StartResult) -> Training:
    assert isinstance(result, Started), result
    return result.training


def reviewed_again(result: StartResult) -> Review:
    assert isinstance(result, ReviewAgain), result
    return result.review


def form_data(token: str | None = None, **changes: str) -> dict[str, list[str]]:
    fields = {
        "conceptPrompt": "",
        "maxTrainSteps": "1400",
        "nbEpochs": "",
        "nbRepeats": "",
        "batchSize": "",
        "rank": "16",
        "optimizeFor": "",
        "samplePrompts": "",
        "sampleSourceImages": "",
        "learningRate": "0.0001",
        "learningRateTextEncoder": "1e-05",
        "wandbKey": "",
        TOKEN: token or str(uuid.uuid4()),
        **changes,
    }
    return {name: [value] for name, value in fields.items()}


def reviewed(data: dict[str, list[str]], digest: str) -> dict[str, list[str]]:
    return {**data, REVIEWED: [digest]}


def demo_model(model_id: str = MASCOT) -> ModelDefinition:
    """The demo model as the API answers it, read without any API call."""
    record = json.loads((DEMO_CATALOG_DIR / f"{model_id}.json").read_text(encoding="utf-8"))
    return parse_definition(record["model"])


def fake_scenario(trigger: Handler) -> Handler:
    """A dry run costs 52 CU; the trigger itself is answered by `trigger`."""

    def answer(request: httpx.Request) -> httpx.Response:
        if request.url.params.get("dryRun") == "true":
            return httpx.Response(269, json={"creativeUnitsCost": 52, "costDetails": {}})
        return trigger(request)

    return answer


def accepted(request: httpx.Request) -> httpx.Response:
    return httpx.Response(
        200,
        json={
            "job": {"jobId": "job_fake", "status": "queued"},
            "model": {"id": MASCOT, "status": "training"},
            "creativeUnitsCost": 52,
        },
    )


def calls(requests: list[httpx.Request]) -> list[tuple[str, str, bool]]:
    """Each request as (method, path, whether it was a dry run)."""
    return [
        (request.method, request.url.path, request.url.params.get("dryRun") == "true")
        for request in requests
    ]


DRY_RUN = ("PUT", TRAIN_PATH, True)
TRIGGER = ("PUT", TRAIN_PATH, False)


@pytest.fixture
def sandbox_clock(monkeypatch: pytest.MonkeyPatch, settings: Any) -> FrozenClock:
    """Ten-second sandbox trainings on a clock that moves only when told to."""
    settings.SANDBOX_TRAINING_SECONDS = 10.0
    frozen = FrozenClock(timezone.now())
    monkeypatch.setattr(clock, "now", frozen.now)
    return frozen


# --- review -----------------------------------------------------------------------------------


@pytest.mark.usefixtures("seeded_sandbox")
def test_a_review_is_the_dry_run_cost_and_the_digest_of_the_parameters() -> None:
    checked = review(demo_model(), FLUX_LORA, form_data(), base_url=BASE_URL)
    assert checked.estimate == CostEstimate(
        creative_units=DEFAULT_COST, discount=0.0, details={"train-model": DEFAULT_COST}
    )
    assert checked.digest == digest_of(DEFAULT_PARAMETERS)
    assert len(checked.digest) == 16
    assert (checked.error, checked.changed_since_estimate) == (None, False)
    assert checked.form.state.is_valid
    # A review starts nothing.
    assert SandboxTraining.objects.count() == 0
    assert Training.objects.count() == 0


@pytest.mark.usefixtures("seeded_sandbox")
def test_the_estimate_follows_the_parameters() -> None:
    checked = review(demo_model(), FLUX_LORA, form_data(maxTrainSteps="3000"), base_url=BASE_URL)
    assert checked.estimate is not None
    assert checked.estimate.creative_units == 100.0
    assert checked.digest == digest_of({**DEFAULT_PARAMETERS, "maxTrainSteps": 3000})


def test_the_review_sends_the_parameters_as_a_dry_run_once(fake_api) -> None:
    requests = fake_api(fake_scenario(accepted))
    review(demo_model(), FLUX_LORA, form_data(), base_url=BASE_URL)
    assert calls(requests) == [DRY_RUN]
    assert json.loads(requests[0].content) == {"parameters": DEFAULT_PARAMETERS}
    assert retries_requested == [0]


def test_invalid_parameters_get_no_estimate_and_show_their_issues(fake_api) -> None:
    requests = fake_api(fake_scenario(accepted))
    checked = review(demo_model(), FLUX_LORA, form_data(rank="500"), base_url=BASE_URL)
    assert (checked.estimate, checked.error, checked.digest) == (None, None, "")
    assert [issue.phrase for issue in checked.form.state.issues["rank"]] == ["must be at most 64"]
    assert list(checked.form.state.issues) == ["rank"]
    assert len(checked.form.summary) == 1
    assert requests == []


def test_a_reshaping_post_is_not_reviewed(fake_api) -> None:
    requests = fake_api(fake_scenario(accepted))
    data = {**form_data(), "__action": ["add:samplePrompts"]}
    checked = review(demo_model(), FLUX_LORA, data, base_url=BASE_URL)
    assert (checked.estimate, checked.error, checked.digest) == (None, None, "")
    assert requests == []


def test_a_refused_estimate_is_kept_as_the_error(fake_api) -> None:
    fake_api(lambda request: httpx.Response(400, json={"reason": "Too many trainings"}))
    checked = review(demo_model(), FLUX_LORA, form_data(), base_url=BASE_URL)
    assert checked.estimate is None
    assert isinstance(checked.error, ScenarioBadRequest)
    assert checked.error.message == "Too many trainings"
    assert checked.digest == ""


# --- start ------------------------------------------------------------------------------------


@pytest.mark.usefixtures("seeded_sandbox")
def test_start_with_the_reviewed_digest_records_one_training_and_starts_it(user: User) -> None:
    model = demo_model()
    data = form_data()
    checked = review(model, FLUX_LORA, data, base_url=BASE_URL)
    result = start(user, model, FLUX_LORA, reviewed(data, checked.digest), base_url=BASE_URL)
    training = Training.objects.get()
    assert started(result) == training
    sandbox_training = SandboxTraining.objects.get()
    assert training.user == user
    assert str(training.token) == data[TOKEN][0]
    assert (training.model_id, training.model_name, training.model_type) == (
        MASCOT,
        "Mascot (Flux LoRA)",
        "flux.1-lora",
    )
    assert training.parameters == DEFAULT_PARAMETERS
    assert training.outcome == Training.Outcome.STARTED
    assert training.job_id == sandbox_training.id
    assert training.creative_units == DEFAULT_COST
    assert training.error == ""
    # The sandbox keeps the model's stored parameters the request did not set.
    assert {name: sandbox_training.parameters[name] for name in DEFAULT_PARAMETERS} == (
        DEFAULT_PARAMETERS
    )
    assert load_model(MASCOT, fresh=True).status == "training"


def test_start_sends_one_dry_run_then_one_trigger(user: User, fake_api) -> None:
    requests = fake_api(fake_scenario(accepted))
    data = form_data()
    start(user, demo_model(), FLUX_LORA, reviewed(data, digest_of(DEFAULT_PARAMETERS)), base_url="")
    assert calls(requests) == [DRY_RUN, TRIGGER]
    assert json.loads(requests[1].content) == {"parameters": DEFAULT_PARAMETERS}
    assert retries_requested == [0, 0]
    training = Training.objects.get()
    assert (training.outcome, training.job_id, training.creative_units) == (
        Training.Outcome.STARTED,
        "job_fake",
        52.0,
    )


@pytest.mark.usefixtures("seeded_sandbox")
def test_parameters_changed_since_the_estimate_start_nothing(user: User) -> None:
    model = demo_model()
    digest = review(model, FLUX_LORA, form_data(), base_url=BASE_URL).digest
    changed = reviewed(form_data(maxTrainSteps="3000"), digest)
    result = start(user, model, FLUX_LORA, changed, base_url=BASE_URL)
    again = reviewed_again(result)
    assert again.changed_since_estimate is True
    # The user sees the new cost, and a Start button for the new parameters.
    assert again.estimate is not None
    assert again.estimate.creative_units == 100.0
    assert again.digest == digest_of({**DEFAULT_PARAMETERS, "maxTrainSteps": 3000})
    assert Training.objects.count() == 0
    assert SandboxTraining.objects.count() == 0
    assert load_model(MASCOT, fresh=True).status == "new"


def test_a_start_without_a_reviewed_digest_is_a_changed_review(user: User, fake_api) -> None:
    requests = fake_api(fake_scenario(accepted))
    result = start(user, demo_model(), FLUX_LORA, form_data(), base_url=BASE_URL)
    assert reviewed_again(result).changed_since_estimate is True
    assert calls(requests) == [DRY_RUN]
    assert Training.objects.count() == 0


def test_invalid_parameters_at_start_start_nothing(user: User, fake_api) -> None:
    requests = fake_api(fake_scenario(accepted))
    data = reviewed(form_data(rank="500"), digest_of(DEFAULT_PARAMETERS))
    result = start(user, demo_model(), FLUX_LORA, data, base_url=BASE_URL)
    again = reviewed_again(result)
    assert again.changed_since_estimate is False
    assert list(again.form.state.issues) == ["rank"]
    assert requests == []
    assert Training.objects.count() == 0


@pytest.mark.usefixtures("seeded_sandbox")
def test_the_same_token_twice_is_one_training_in_the_sandbox(user: User) -> None:
    model = demo_model()
    data = form_data()
    data = reviewed(data, review(model, FLUX_LORA, data, base_url=BASE_URL).digest)
    first = start(user, model, FLUX_LORA, data, base_url=BASE_URL)
    second = start(user, model, FLUX_LORA, data, base_url=BASE_URL)
    assert started(first) == started(second) == Training.objects.get()
    assert SandboxTraining.objects.count() == 1


def test_the_same_token_twice_sends_one_trigger(user: User, fake_api) -> None:
    requests = fake_api(fake_scenario(accepted))
    data = reviewed(form_data(), digest_of(DEFAULT_PARAMETERS))
    first = start(user, demo_model(), FLUX_LORA, data, base_url=BASE_URL)
    second = start(user, demo_model(), FLUX_LORA, data, base_url=BASE_URL)
    assert started(first) == started(second) == Training.objects.get()
    assert calls(requests) == [DRY_RUN, TRIGGER]


def test_a_malformed_token_gets_a_fresh_one(user: User, fake_api) -> None:
    fake_api(fake_scenario(accepted))
    data = reviewed(form_data(token="not-a-uuid"), digest_of(DEFAULT_PARAMETERS))
    result = start(user, demo_model(), FLUX_LORA, data, base_url=BASE_URL)
    training = Training.objects.get()
    assert started(result) == training
    assert isinstance(training.token, uuid.UUID)


def test_a_refused_trigger_deletes_the_row_and_keeps_the_reason(user: User, fake_api) -> None:
    requests = fake_api(
        fake_scenario(
            lambda request: httpx.Response(
                400, json={"reason": f"Model {MASCOT} cannot be trained: it is training"}
            )
        )
    )
    data = reviewed(form_data(), digest_of(DEFAULT_PARAMETERS))
    result = start(user, demo_model(), FLUX_LORA, data, base_url=BASE_URL)
    again = reviewed_again(result)
    assert isinstance(again.error, ScenarioBadRequest)
    assert again.error.message == f"Model {MASCOT} cannot be trained: it is training"
    assert again.estimate is None
    assert Training.objects.count() == 0
    assert calls(requests) == [DRY_RUN, TRIGGER]


@pytest.mark.parametrize("fault", [httpx.ReadTimeout("lost"), httpx.RemoteProtocolError("cut")])
def test_a_lost_answer_leaves_the_outcome_unknown(user: User, fake_api, fault) -> None:
    def lose(request: httpx.Request) -> httpx.Response:
        raise fault

    requests = fake_api(fake_scenario(lose))
    data = reviewed(form_data(), digest_of(DEFAULT_PARAMETERS))
    result = start(user, demo_model(), FLUX_LORA, data, base_url=BASE_URL)
    training = Training.objects.get()
    assert started(result) == training
    assert training.outcome == Training.Outcome.UNKNOWN
    happened = {
        "ReadTimeout": "no answer came in time",
        "RemoteProtocolError": "the connection broke before the answer came",
    }[type(fault).__name__]
    assert training.error == (
        f"The request was sent, but {happened}, so Scenario may or may not have started it. "
        "It was not sent again: the model's status below shows whether the training started."
    )
    assert training.job_id == ""
    assert training.creative_units is None
    assert calls(requests) == [DRY_RUN, TRIGGER]
    assert retries_requested == [0, 0]
    # Posting again resends nothing: the unknown training is the answer.
    assert started(start(user, demo_model(), FLUX_LORA, data, base_url=BASE_URL)) == training
    assert calls(requests) == [DRY_RUN, TRIGGER]


# --- end to end -------------------------------------------------------------------------------


@pytest.mark.usefixtures("seeded_sandbox")
def test_a_training_from_review_to_trained_through_the_sandbox(
    user: User, sandbox_clock: FrozenClock
) -> None:
    model = load_model(MASCOT, fresh=True)
    data = form_data()
    checked = review(model, FLUX_LORA, data, base_url=BASE_URL)
    assert checked.estimate is not None
    assert checked.estimate.creative_units == DEFAULT_COST

    result = start(user, model, FLUX_LORA, reviewed(data, checked.digest), base_url=BASE_URL)
    assert started(result).outcome == Training.Outcome.STARTED

    queued = monitor_for(load_model(MASCOT, fresh=True))
    assert (queued.status, queued.stage, queued.position, queued.progress_percent) == (
        "training",
        "queued-for-train",
        3,
        0,
    )
    sandbox_clock.advance(1)
    assert monitor_for(load_model(MASCOT, fresh=True)).position == 2
    sandbox_clock.advance(1.5)
    starting = monitor_for(load_model(MASCOT, fresh=True))
    assert (starting.stage, starting.position, starting.progress_percent) == (
        "starting-train",
        None,
        0,
    )

    percents = []
    for _ in range(3):
        sandbox_clock.advance(2)
        running = monitor_for(load_model(MASCOT, fresh=True))
        assert (running.status, running.stage) == ("training", "running-train")
        percents.append(running.progress_percent)
    # 4.5 s, 6.5 s and 8.5 s into a ten-second training that runs from 3 s.
    assert percents == [21, 50, 79]
    assert running.remaining == "2 s"

    sandbox_clock.advance(2)
    trained = monitor_for(load_model(MASCOT, fresh=True))
    assert (trained.status, trained.progress_percent, trained.failure) == ("trained", 100, "")
    assert [label for label, _ in trained.stats] == [
        "Started",
        "Ended",
        "Time in queue",
        "Training time",
    ]
    assert trained.stats[2:] == [("Time in queue", "2 s"), ("Training time", "8 s")]
    assert trained.is_finished
    assert not trained.is_active


@pytest.mark.usefixtures("seeded_sandbox")
def test_a_training_asked_to_fail_shows_its_reason(user: User, sandbox_clock: FrozenClock) -> None:
    model = load_model(MASCOT, fresh=True)
    data = form_data(conceptPrompt="please fail")
    checked = review(model, FLUX_LORA, data, base_url=BASE_URL)
    start(user, model, FLUX_LORA, reviewed(data, checked.digest), base_url=BASE_URL)
    sandbox_clock.advance(5)
    failed = monitor_for(load_model(MASCOT, fresh=True))
    assert (failed.status, failed.stage, failed.progress_percent) == (
        "failed",
        "running-train",
        29,
    )
    assert failed.failure == "The sandbox was asked to fail: conceptPrompt contains “fail”."
