"""Training through the official SDK, in-process, on the demo catalog."""

from __future__ import annotations

from typing import Any

import pytest
from scenario_sdk import BadRequestError, NotFoundError, Scenario

from scenario_ui.sandbox.json_types import JsonObject
from scenario_ui.sandbox.training_order import TRAINABLE_STATUSES
from scenario_ui.training import family_for
from tests.sandbox.conftest import FrozenClock

pytestmark = pytest.mark.urls("tests.sandbox.urls")

MASCOT = "model_demo-my-mascot-flux"


@pytest.fixture(autouse=True)
def _clock(frozen_clock: FrozenClock, ten_second_trainings: float) -> None:
    """Every test here runs on the moved-by-hand clock, with ten-second trainings."""


def test_a_dry_run_is_269_and_priced_by_steps(
    sdk_client: Scenario, seeded_demo_catalog: list[JsonObject]
) -> None:
    raw = sdk_client.models.train.with_raw_response.trigger(
        MASCOT, parameters={"max_train_steps": 1000}, dry_run="true"
    )
    assert raw.status_code == 269
    estimate = raw.parse()
    assert estimate.creative_units_cost == 40
    assert estimate.cost_details is not None
    assert estimate.cost_details.train_model == 40
    longer = sdk_client.models.train.trigger(
        MASCOT, parameters={"max_train_steps": 3000}, dry_run="true"
    )
    assert longer.creative_units_cost == 100


def test_a_demo_lora_trains_to_the_end(
    sdk_client: Scenario, seeded_demo_catalog: list[JsonObject], frozen_clock: FrozenClock
) -> None:
    started = sdk_client.models.train.trigger(MASCOT, parameters={"rank": 32})
    assert (started.job.job_type, started.job.status) == ("flux-model-training", "queued")
    assert started.model.status == "training"
    assert started.model.training_progress is not None
    assert started.model.training_progress.stage == "queued-for-train"
    # The mascot's 1400 stored steps: 10 + 3 * 14.
    assert started.creative_units_cost == 52

    frozen_clock.advance(6.5)
    running = sdk_client.models.retrieve(MASCOT).model
    assert running.training_progress is not None
    assert (running.training_progress.stage, running.training_progress.progress) == (
        "running-train",
        0.5,
    )
    assert running.training_progress.remaining_time_ms == 3500
    [row] = sdk_client.models.get_bulk(model_ids=[MASCOT]).models
    assert row.status == "training"

    frozen_clock.advance(4)
    trained = sdk_client.models.retrieve(MASCOT).model
    assert trained.status == "trained"
    assert trained.training_stats is not None
    assert (trained.training_stats.queue_duration, trained.training_stats.train_duration) == (2, 8)
    assert trained.job_id == started.job.job_id
    assert MASCOT in [model.id for model in sdk_client.models.list(status="trained")]
    assert sdk_client.jobs.retrieve(started.job.job_id).job.status == "success"


def test_a_training_is_canceled_while_queued(
    sdk_client: Scenario, seeded_demo_catalog: list[JsonObject]
) -> None:
    sdk_client.models.train.trigger(MASCOT)
    canceled = sdk_client.models.train.action(MASCOT, action="cancel")
    assert canceled.model.status == "training-canceled"
    assert sdk_client.models.retrieve(MASCOT).model.status == "training-canceled"


@pytest.mark.parametrize(
    ("model_id", "reason"),
    [
        (
            "model_demo-my-sneaker-qwen",
            "Model model_demo-my-sneaker-qwen is not training",
        ),
        (MASCOT, f"Model {MASCOT} is not training"),
    ],
)
def test_refused_cancels(
    sdk_client: Scenario, seeded_demo_catalog: list[JsonObject], model_id: str, reason: str
) -> None:
    with pytest.raises(BadRequestError) as raised:
        sdk_client.models.train.action(model_id, action="cancel")
    assert raised.value.body == {"reason": reason}


@pytest.mark.parametrize(
    ("model_id", "parameters", "error", "reason"),
    [
        (MASCOT, {"rank": 128}, BadRequestError, "Input rank must be at most 64"),
        (
            "model_demo-lora-inkwash",
            {},
            BadRequestError,
            "Model model_demo-lora-inkwash cannot be trained: it is trained",
        ),
        ("model_demo-missing", {}, NotFoundError, "Model model_demo-missing not found"),
    ],
)
def test_refused_triggers(
    sdk_client: Scenario,
    seeded_demo_catalog: list[JsonObject],
    model_id: str,
    parameters: Any,
    error: type[Exception],
    reason: str,
) -> None:
    with pytest.raises(error) as raised:
        sdk_client.models.train.trigger(model_id, parameters=parameters)
    assert getattr(raised.value, "body", None) == {"reason": reason}


def test_every_trainable_demo_model_trains_with_its_stored_parameters(
    sdk_client: Scenario, seeded_demo_catalog: list[JsonObject]
) -> None:
    trainable = [
        str(record["id"])
        for record in seeded_demo_catalog
        if record["status"] in TRAINABLE_STATUSES and family_for(str(record["type"]))
    ]
    assert len(trainable) >= 3
    for model_id in trainable:
        assert sdk_client.models.train.trigger(model_id).model.status == "training"
