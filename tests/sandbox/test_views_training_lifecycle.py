"""A training over HTTP as the clock moves: stages, outcome, failure, cancel, model lists."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from scenario_sdk.types.job_retrieve_response import JobRetrieveResponse

from tests.sandbox.conftest import FrozenClock
from tests.sandbox.factories import store, trainable_record
from tests.sandbox.http import answer, get, post, put
from tests.sandbox.sdk_shapes import shape_problems

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.sandbox.urls")]

MODEL = "/models/model_trainee"


@pytest.fixture(autouse=True)
def _clock(frozen_clock: FrozenClock, ten_second_trainings: float) -> None:
    """Every test here runs on the moved-by-hand clock, with ten-second trainings."""


def train(client: Client, **parameters: Any) -> str:
    response = put(client, f"{MODEL}/train", {"parameters": parameters})
    assert response.status_code == 200, response.json()
    job_id: str = response.json()["job"]["jobId"]
    return job_id


def model(client: Client) -> Any:
    return get(client, MODEL).json()["model"]


def cancel(client: Client) -> tuple[int, Any]:
    return answer(post(client, f"{MODEL}/train/action", {"action": "cancel"}))


def test_the_model_moves_from_queued_to_trained(client: Client, frozen_clock: FrozenClock) -> None:
    store(trainable_record())
    start = frozen_clock.moment
    train(client)
    seen = []
    for seconds in (0, 0.9, 1.5, 2.5, 3.5, 6.5, 9.5):
        frozen_clock.moment = start + timedelta(seconds=seconds)
        progress = model(client)["trainingProgress"]
        seen.append(
            (
                progress["stage"],
                progress.get("position"),
                progress["progress"],
                progress.get("remainingTimeMs"),
            )
        )
    assert seen == [
        ("queued-for-train", 3, 0, None),
        ("queued-for-train", 2, 0, None),
        ("queued-for-train", 1, 0, None),
        ("starting-train", None, 0, None),
        ("running-train", None, 0.0714, 6500),
        ("running-train", None, 0.5, 3500),
        ("running-train", None, 0.9286, 500),
    ]
    frozen_clock.advance(0.5)
    trained = model(client)
    assert (trained["status"], trained["trainingProgress"]) == ("trained", {})
    assert trained["updatedAt"] == "2026-03-01T12:00:10.000Z"
    assert trained["trainingStats"] == {
        "startedAt": "2026-03-01T12:00:02.000Z",
        "endedAt": "2026-03-01T12:00:10.000Z",
        "queueDuration": 2,
        "trainDuration": 8,
    }


def test_progress_carries_when_it_was_updated_and_when_the_trainer_started(
    client: Client, frozen_clock: FrozenClock
) -> None:
    store(trainable_record())
    start_ms = int(frozen_clock.moment.timestamp() * 1000)
    train(client)
    frozen_clock.advance(5)
    progress = model(client)["trainingProgress"]
    assert (progress["updatedAt"], progress["startedAt"]) == (start_ms + 5000, start_ms + 2000)


def test_the_training_job_follows_the_same_timeline(
    client: Client, frozen_clock: FrozenClock
) -> None:
    store(trainable_record())
    job_id = train(client)
    seen = []
    for _ in range(11):
        job = get(client, f"/jobs/{job_id}").json()["job"]
        seen.append((job["status"], job["progress"]))
        frozen_clock.advance(1)
    assert seen == [
        ("queued", 0),
        ("queued", 0),
        ("warming-up", 0),
        ("in-progress", 0),
        ("in-progress", 0.1429),
        ("in-progress", 0.2857),
        ("in-progress", 0.4286),
        ("in-progress", 0.5714),
        ("in-progress", 0.7143),
        ("in-progress", 0.8571),
        ("success", 1),
    ]
    assert [change["status"] for change in job["statusHistory"]] == [
        "queued",
        "warming-up",
        "in-progress",
        "success",
    ]
    assert shape_problems(JobRetrieveResponse, {"job": job}) == []


def test_a_concept_prompt_with_fail_fails_the_training_halfway(
    client: Client, frozen_clock: FrozenClock
) -> None:
    store(trainable_record())
    job_id = train(client, conceptPrompt="a sks robot, please FAIL")
    frozen_clock.advance(4.9)
    assert model(client)["status"] == "training"
    frozen_clock.advance(0.1)
    failed = model(client)
    assert failed["status"] == "failed"
    assert failed["failureReason"] == (
        "The sandbox was asked to fail: conceptPrompt contains “fail”."
    )
    assert failed["trainingProgress"] == {
        "stage": "running-train",
        "progress": 0.2857,
        "startedAt": failed["trainingProgress"]["startedAt"],
        "updatedAt": failed["trainingProgress"]["startedAt"] + 3000,
    }
    assert failed["trainingStats"]["trainDuration"] == 3
    job = get(client, f"/jobs/{job_id}").json()["job"]
    assert (job["status"], job["progress"]) == ("failure", 0.2857)
    assert job["metadata"]["error"] == failed["failureReason"]
    assert job["metadata"]["hint"] == "Remove “fail” from conceptPrompt and train again."


def test_a_voice_fails_on_its_description(client: Client, frozen_clock: FrozenClock) -> None:
    store(trainable_record(model_type="elevenlabs-voice"))
    train(client, voiceDescription="Fails on purpose")
    frozen_clock.advance(6)
    assert model(client)["failureReason"] == (
        "The sandbox was asked to fail: voiceDescription contains “fail”."
    )


def test_a_failed_model_trains_again_from_a_clean_slate(
    client: Client, frozen_clock: FrozenClock
) -> None:
    store(trainable_record())
    train(client, conceptPrompt="fail")
    frozen_clock.advance(6)
    train(client, conceptPrompt="a sks robot")
    retrying = model(client)
    assert retrying["status"] == "training"
    assert "failureReason" not in retrying
    assert "trainingStats" not in retrying
    frozen_clock.advance(10)
    assert model(client)["status"] == "trained"


@pytest.mark.parametrize(("seconds", "stage"), [(1, "queued-for-train"), (2.5, "starting-train")])
def test_a_training_can_be_canceled_before_it_runs(
    client: Client, frozen_clock: FrozenClock, seconds: float, stage: str
) -> None:
    store(trainable_record())
    job_id = train(client)
    frozen_clock.advance(seconds)
    assert model(client)["trainingProgress"]["stage"] == stage
    status, document = cancel(client)
    assert status == 200
    assert (document["model"]["status"], document["model"]["trainingProgress"]) == (
        "training-canceled",
        {},
    )
    frozen_clock.advance(20)
    assert model(client)["status"] == "training-canceled"
    assert get(client, f"/jobs/{job_id}").json()["job"]["status"] == "canceled"
    # Canceled, it can train again.
    train(client)
    assert model(client)["status"] == "training"


def test_a_running_training_cannot_be_canceled(client: Client, frozen_clock: FrozenClock) -> None:
    store(trainable_record())
    train(client)
    frozen_clock.advance(3)
    assert cancel(client) == (
        400,
        {"reason": "Training of model model_trainee cannot be canceled once running"},
    )
    frozen_clock.advance(7)
    assert model(client)["status"] == "trained"


@pytest.mark.parametrize(
    ("body", "status", "reason"),
    [
        ({"action": "cancel"}, 400, "Model model_trainee is not training"),
        ({"action": "pause"}, 400, 'Invalid action "pause"; expected one of: cancel'),
    ],
)
def test_refused_training_actions(client: Client, body: Any, status: int, reason: str) -> None:
    store(trainable_record())
    response = post(client, f"{MODEL}/train/action", body)
    assert answer(response) == (status, {"reason": reason})


def test_canceling_an_unknown_model_is_404(client: Client) -> None:
    assert answer(post(client, "/models/model_missing/train/action", {"action": "cancel"})) == (
        404,
        {"reason": "Model model_missing not found"},
    )


def test_the_training_job_can_be_canceled_as_a_job(
    client: Client, frozen_clock: FrozenClock
) -> None:
    store(trainable_record())
    job_id = train(client)
    status, document = answer(post(client, f"/jobs/{job_id}/action", {"action": "cancel"}))
    assert (status, document["job"]["status"]) == (200, "canceled")
    assert model(client)["status"] == "training-canceled"


def test_lists_and_get_bulk_show_the_live_status(client: Client, frozen_clock: FrozenClock) -> None:
    store(trainable_record(), trainable_record("model_other"))
    train(client)
    frozen_clock.advance(5)

    def listed(query: str) -> list[tuple[str, str]]:
        rows = get(client, f"/models{query}").json()["models"]
        return [(row["id"], row["status"]) for row in rows]

    assert listed("?status=training") == [("model_trainee", "training")]
    bulk = post(client, "/models/get-bulk", {"modelIds": ["model_trainee"]}).json()["models"]
    assert bulk[0]["trainingProgress"]["stage"] == "running-train"
    frozen_clock.advance(5)
    # No read in between: the list itself brings the training to its end.
    assert listed("?status=trained") == [("model_trainee", "trained")]
    assert listed("?status=training") == []
    assert listed("?sortBy=updatedAt")[0] == ("model_trainee", "trained")
