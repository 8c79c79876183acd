"""`PUT /models/{id}/train` over HTTP: dry runs, refusals, and what a trigger answers."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from scenario_sdk.types.models.train_trigger_response import TrainTriggerResponse

from scenario_ui.sandbox.models import SandboxTraining
from tests.sandbox.conftest import FrozenClock
from tests.sandbox.factories import (
    API_ROOT,
    AUTH_HEADERS,
    model_record,
    store,
    trainable_record,
)
from tests.sandbox.http import answer, get, put
from tests.sandbox.sdk_shapes import shape_problems

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.sandbox.urls")]

TRAIN = "/models/model_trainee/train"
FLUX_PARAMETERS = (
    "conceptPrompt, maxTrainSteps, nbEpochs, nbRepeats, batchSize, rank, optimizeFor, "
    "samplePrompts, sampleSourceImages, learningRate, learningRateTextEncoder, wandbKey"
)


@pytest.fixture(autouse=True)
def _clock(frozen_clock: FrozenClock, ten_second_trainings: float) -> None:
    """Every test here runs on the moved-by-hand clock, with ten-second trainings."""


def dry_run(client: Client, parameters: dict[str, Any], query: str = "") -> tuple[int, Any]:
    return answer(put(client, f"{TRAIN}?dryRun=true{query}", {"parameters": parameters}))


def test_a_dry_run_answers_269_with_a_cost_that_follows_the_steps(client: Client) -> None:
    store(trainable_record())
    assert dry_run(client, {"maxTrainSteps": 500}) == (
        269,
        {"creativeUnitsCost": 25, "creativeUnitsDiscount": 0, "costDetails": {"train-model": 25}},
    )
    status, priced = dry_run(client, {"maxTrainSteps": 2000})
    assert (status, priced["creativeUnitsCost"]) == (269, 70)
    assert not SandboxTraining.objects.exists()
    assert get(client, "/models/model_trainee").json()["model"]["status"] == "new"


def test_a_dry_run_without_steps_prices_the_default_for_the_images(client: Client) -> None:
    store(trainable_record(), trainable_record("model_empty", trainingImagesNumber=0))
    # 10 images, 100 Flux steps each.
    assert dry_run(client, {})[1]["creativeUnitsCost"] == 40
    # The model's own images win over the simulated ones.
    assert dry_run(client, {}, "&trainingImagesCount=30")[1]["creativeUnitsCost"] == 40
    simulated = put(client, "/models/model_empty/train?dryRun=true&trainingImagesCount=30", {})
    assert answer(simulated)[1]["creativeUnitsCost"] == 100


def test_a_dry_run_of_the_api_tier_is_priced_alike(client: Client) -> None:
    store(trainable_record())
    response = put(client, f"{TRAIN}?dryRun=api", {"parameters": {"maxTrainSteps": 500}})
    assert answer(response) == (269, dry_run(client, {"maxTrainSteps": 500})[1])


@pytest.mark.parametrize(
    ("parameters", "reason"),
    [
        ({"rank": 128}, "Input rank must be at most 64"),
        ({"rank": 1}, "Input rank must be at least 2"),
        ({"maxTrainSteps": 20000}, "Input maxTrainSteps must be at most 10000"),
        ({"maxTrainSteps": "many"}, "Input maxTrainSteps must be a number"),
        ({"learningRate": 0}, "Input learningRate must be greater than 0"),
        ({"optimizeFor": "speed"}, "Input optimizeFor must be one of: likeness"),
        # The SDK's type allows only "likeness"; the sandbox refuses the prose's others.
        ({"optimizeFor": "all"}, "Input optimizeFor must be one of: likeness"),
        (
            {"samplePrompts": ["a", "b"], "sampleSourceImages": ["asset_a"]},
            "Input sampleSourceImages must have as many items as samplePrompts (2)",
        ),
        (
            {"validationFrequency": 5, "shiny": True},
            "Unknown parameter(s) for Flux LoRA training: validationFrequency, shiny; "
            f"expected: {FLUX_PARAMETERS}",
        ),
    ],
)
@pytest.mark.parametrize("query", ["", "?dryRun=true"])
def test_parameters_are_checked_like_the_train_form(
    client: Client, parameters: dict[str, Any], reason: str, query: str
) -> None:
    store(trainable_record())
    assert answer(put(client, f"{TRAIN}{query}", {"parameters": parameters})) == (
        400,
        {"reason": reason},
    )
    assert not SandboxTraining.objects.exists()


def test_musubi_takes_a_higher_rank_than_flux(client: Client) -> None:
    store(trainable_record(model_type="qwen-image-lora"))
    assert dry_run(client, {"rank": 128})[0] == 269
    assert dry_run(client, {"rank": 129}) == (400, {"reason": "Input rank must be at most 128"})


@pytest.mark.parametrize(
    ("record", "query", "status", "reason"),
    [
        (trainable_record("model_other"), "", 404, "Model model_trainee not found"),
        (
            trainable_record(model_type="custom"),
            "",
            400,
            'Models of type "custom" cannot be trained here. Trainable model types: '
            "sd-1_5, sd-1_5-lora, sd-xl-lora, sd-xl, flux.1-lora, flux.1-kontext-lora, "
            "flux.1-krea-lora, qwen-image-lora, "
            "qwen-image-2512-lora, qwen-image-edit-lora, qwen-image-edit-2509-lora, "
            "qwen-image-edit-2511-lora, zimage-lora, zimage-turbo-lora, zimage-de-turbo-lora, "
            "elevenlabs-voice.",
        ),
        (
            trainable_record(status="trained"),
            "",
            400,
            "Model model_trainee cannot be trained: it is trained",
        ),
        (
            trainable_record(status="copying"),
            "?dryRun=true",
            400,
            "Model model_trainee cannot be trained: it is copying",
        ),
        (
            trainable_record(trainingImagesNumber=0),
            "?dryRun=true",
            400,
            "Model model_trainee has no training images",
        ),
        (
            # Only a dry run simulates images.
            trainable_record(trainingImagesNumber=0),
            "?trainingImagesCount=12",
            400,
            "Model model_trainee has no training images",
        ),
        (
            trainable_record(trainingImagesNumber=0),
            "?dryRun=true&trainingImagesCount=twelve",
            400,
            'Invalid trainingImagesCount "twelve"; expected a whole number of images',
        ),
    ],
)
def test_models_that_cannot_train_are_refused(
    client: Client, record: Any, query: str, status: int, reason: str
) -> None:
    store(record)
    assert answer(put(client, f"{TRAIN}{query}", {})) == (status, {"reason": reason})


def test_parameters_must_be_an_object(client: Client) -> None:
    store(trainable_record())
    assert answer(put(client, TRAIN, {"parameters": ["rank", 16]})) == (
        400,
        {"reason": "Invalid parameters; expected a JSON object"},
    )


def test_a_trigger_answers_the_queued_job_and_the_training_model(
    client: Client, frozen_clock: FrozenClock
) -> None:
    store(trainable_record(parameters={"conceptPrompt": "a sks robot", "rank": 8}))
    status, document = answer(put(client, TRAIN, {"parameters": {"rank": 32}}))
    assert status == 200
    assert shape_problems(TrainTriggerResponse, document) == []
    job, model = document["job"], document["model"]
    assert (job["jobType"], job["status"], job["progress"]) == ("flux-model-training", "queued", 0)
    assert job["metadata"] == {
        "input": {"conceptPrompt": "a sks robot", "rank": 32},
        "assetIds": [],
        "modelId": "model_trainee",
    }
    assert job["billing"] == {"cuCost": 40, "cuDiscount": 0}
    assert (model["status"], model["jobId"], model["updatedAt"]) == (
        "training",
        job["jobId"],
        "2026-03-01T12:00:00.000Z",
    )
    assert model["trainingProgress"] == {
        "stage": "queued-for-train",
        "position": 3,
        "progress": 0,
        "updatedAt": int(frozen_clock.moment.timestamp() * 1000),
    }
    # The body's parameters override the stored ones, which the model now carries.
    assert model["parameters"] == {"conceptPrompt": "a sks robot", "rank": 32}
    assert document["costDetails"] == {"train-model": 40}
    assert get(client, "/models/model_trainee").json()["model"] == model


def test_a_body_without_parameters_trains_with_the_stored_ones(client: Client) -> None:
    store(trainable_record(parameters={"maxTrainSteps": 300, "notAFluxParameter": 1}))
    response = client.put(f"{API_ROOT}{TRAIN}", headers=AUTH_HEADERS)
    assert response.status_code == 200
    # Stored parameters the trainer does not take are left out of the training.
    assert response.json()["job"]["metadata"]["input"] == {"maxTrainSteps": 300}
    assert response.json()["creativeUnitsCost"] == 19


def test_a_training_model_cannot_be_triggered_again(client: Client) -> None:
    store(trainable_record())
    assert put(client, TRAIN, {}).status_code == 200
    assert answer(put(client, TRAIN, {})) == (
        400,
        {"reason": "Model model_trainee cannot be trained: it is training"},
    )
    assert SandboxTraining.objects.count() == 1


@pytest.mark.parametrize(
    ("model_type", "parameters", "job_type"),
    [
        ("sd-1_5", {}, "model-training"),
        ("sd-xl-lora", {}, "model-training"),
        ("flux.1-lora", {}, "flux-model-training"),
        ("zimage-lora", {"maxTrainSteps": 100}, "musubi-model-training"),
        ("elevenlabs-voice", {"cloneType": "professional"}, "model-training"),
    ],
)
def test_the_job_type_follows_the_trainer(
    client: Client, model_type: str, parameters: dict[str, Any], job_type: str
) -> None:
    store(trainable_record(model_type=model_type))
    job = put(client, TRAIN, {"parameters": parameters}).json()["job"]
    assert job["jobType"] == job_type


def test_a_model_that_is_not_trainable_stays_untouched(client: Client) -> None:
    store(model_record("model_trainee"))
    put(client, TRAIN, {})
    assert get(client, "/models/model_trainee").json()["model"]["status"] == "trained"
