"""The demo catalog's model kinds: generators, public LoRAs, and the user's trainable models."""

from __future__ import annotations

import pytest

from tests.sandbox.catalog_walk import Record, all_inputs, demo_records, generators

CATALOG = demo_records()
BY_ID = {record["id"]: record for record in CATALOG}
TRAINABLE = [record for record in CATALOG if record["privacy"] == "private"]
PUBLIC_FLUX_LORAS = [
    record
    for record in CATALOG
    if record["type"] == "flux.1-lora" and record["privacy"] == "public"
]
MUSUBI_TYPES = {"qwen-image-lora", "zimage-lora"}

# Parameters without an "Only available for ..." note in the training reference.
ANY_IMAGE_TRAINER = {"conceptPrompt", "learningRate", "maxTrainSteps", "wandbKey"}
SD_TRAINERS = {
    "lrScheduler",
    "priorLossWeight",
    "randomCrop",
    "randomCropRatio",
    "randomCropScale",
    "scaleLr",
    "seed",
    "textEncoderTrainingRatio",
    "validationFrequency",
    "validationPrompt",
}
TRAINER_PARAMETERS = {
    "sd-1_5": ANY_IMAGE_TRAINER | SD_TRAINERS | {"classPrompt"},
    "sd-xl-lora": ANY_IMAGE_TRAINER
    | SD_TRAINERS
    | {"learningRateTextEncoder", "learningRateUnet", "numTextTrainSteps", "numUNetTrainSteps"},
    "flux.1-lora": ANY_IMAGE_TRAINER
    | {
        "batchSize",
        "learningRateTextEncoder",
        "nbEpochs",
        "nbRepeats",
        "optimizeFor",
        "rank",
        "samplePrompts",
        "sampleSourceImages",
    },
    "qwen-image-lora": ANY_IMAGE_TRAINER | {"rank"},
    "zimage-lora": ANY_IMAGE_TRAINER | {"rank"},
    "elevenlabs-voice": {
        "age",
        "cloneType",
        "gender",
        "language",
        "removeBackgroundNoise",
        "voiceDescription",
        "wandbKey",
    },
}
MAX_RANK = {"flux.1-lora": 64, "qwen-image-lora": 128, "zimage-lora": 128}
MAX_TRAIN_STEPS = {"flux.1-lora": 10000, "sd-1_5": 40000, "sd-xl-lora": 40000}


def test_at_least_twelve_models() -> None:
    assert len(CATALOG) >= 12


def test_generators_cover_every_medium() -> None:
    capabilities = {c for record in generators(CATALOG) for c in record["capabilities"]}
    assert capabilities >= {"txt2img", "img2img", "txt2video", "txt2audio", "txt23d", "txt2txt"}
    assert any("sc:texture" in record["tags"] for record in generators(CATALOG))
    assert all(record["privacy"] == "public" for record in generators(CATALOG))


def test_public_flux_loras_are_small_and_pickable() -> None:
    assert len(PUBLIC_FLUX_LORAS) >= 3
    for lora in PUBLIC_FLUX_LORAS:
        assert lora["status"] == "trained"
        assert lora["trainingImagesNumber"] > 0
        assert "inputs" not in lora
        assert "uiConfig" not in lora
    pickers = [
        model_input
        for record in CATALOG
        for model_input in all_inputs(record)
        if model_input["type"] in {"model", "model_array"}
    ]
    assert any("flux.1-lora" in picker["modelTypes"] for picker in pickers)


def test_composition_is_made_of_catalog_loras() -> None:
    [composition] = [record for record in CATALOG if record["type"] == "flux.1-composition"]
    assert len(composition["concepts"]) >= 2
    for concept in composition["concepts"]:
        assert BY_ID[concept["modelId"]]["type"] == "flux.1-lora"
        assert -2 <= concept["scale"] <= 2


def test_trainable_models_span_trainers_and_statuses() -> None:
    types = {record["type"] for record in TRAINABLE}
    assert types >= {"sd-1_5", "sd-xl-lora", "flux.1-lora", "elevenlabs-voice"}
    assert types & MUSUBI_TYPES
    assert {record["status"] for record in TRAINABLE} >= {"new", "trained", "failed"}
    voice_pickers = [i for r in CATALOG for i in all_inputs(r) if i["type"] == "model"]
    assert any("elevenlabs-voice" in picker["modelTypes"] for picker in voice_pickers)


@pytest.mark.parametrize("record", TRAINABLE, ids=[record["id"] for record in TRAINABLE])
def test_training_parameters_follow_the_reference(record: Record) -> None:
    parameters = record["parameters"]
    model_type = record["type"]
    assert record["trainingImagesNumber"] > 0
    assert parameters
    assert set(parameters) <= TRAINER_PARAMETERS[model_type]
    if "rank" in parameters:
        assert 2 <= parameters["rank"] <= MAX_RANK[model_type]
    if "maxTrainSteps" in parameters and model_type in MAX_TRAIN_STEPS:
        assert 0 <= parameters["maxTrainSteps"] <= MAX_TRAIN_STEPS[model_type]
    if "validationFrequency" in parameters:
        assert parameters["validationFrequency"] <= parameters["maxTrainSteps"]
    assert len(parameters.get("samplePrompts", [])) == len(parameters.get("sampleSourceImages", []))
    assert len(parameters.get("wandbKey", "")) <= 40
    assert 1 <= parameters.get("batchSize", 1) <= 4
    for name in ("nbEpochs", "nbRepeats"):
        assert 1 <= parameters.get(name, 1) <= 30
    assert 0 < parameters.get("learningRateTextEncoder", 0.001) <= 0.001


def test_no_demo_model_starts_mid_training() -> None:
    # A training only moves when the sandbox started it; a seeded one would never end.
    assert [record["id"] for record in TRAINABLE if record["status"] == "training"] == []
