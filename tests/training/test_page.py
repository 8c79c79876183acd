"""The Train page: when training is offered, and the form of the model's trainer."""

from __future__ import annotations

from typing import Any

import pytest

from scenario_ui.forms.render import Moment
from scenario_ui.schema import ModelDefinition, parse_definition
from scenario_ui.training.families import (
    ELEVENLABS_VOICE,
    FLUX_LORA,
    MUSUBI,
    SD_1_5,
    SDXL_LORA,
    TrainerFamily,
    family_for,
)
from scenario_ui.training.page import (
    RETRAINING_NOTE,
    TRAINABLE_STATUSES,
    load_model,
    refusal_for,
    train_page,
    training_form,
    training_urls,
)
from scenario_ui.training.parameters import parameter_set

BASE_URL = "http://testserver/sandbox/v1"
MASCOT = "model_demo-my-mascot-flux"
NOT_TRAINABLE_FLUX = (
    'Models of type "flux.1" cannot be trained here. Trainable model types: sd-1_5, '
    "sd-1_5-lora, sd-xl-lora, sd-xl, flux.1-lora, flux.1-kontext-lora, flux.1-krea-lora, "
    "qwen-image-lora, qwen-image-2512-lora, "
    "qwen-image-edit-lora, qwen-image-edit-2509-lora, qwen-image-edit-2511-lora, zimage-lora, "
    "zimage-turbo-lora, zimage-de-turbo-lora, elevenlabs-voice."
)


def model(
    status: str = "new", *, model_type: str = "flux.1-lora", images: int = 14, **extra: Any
) -> ModelDefinition:
    return parse_definition(
        {
            "id": "model_mine",
            "name": "Mine",
            "type": model_type,
            "status": status,
            "trainingImagesNumber": images,
            **extra,
        }
    )


def refusal(definition: ModelDefinition) -> str:
    return refusal_for(definition, family_for(definition.type))


# --- refusal_for ------------------------------------------------------------------------------


def test_the_trainable_statuses() -> None:
    assert TRAINABLE_STATUSES == ("new", "failed", "training-canceled")


@pytest.mark.parametrize("status", ["new", "failed", "training-canceled"])
def test_training_is_offered_from(status: str) -> None:
    assert refusal(model(status)) == ""


@pytest.mark.parametrize(
    ("status", "message"),
    [
        ("training", "This model is training now: follow its progress above."),
        ("trained", RETRAINING_NOTE),
        (
            "copying",
            "This model is still being copied; training opens when the copy is done.",
        ),
    ],
)
def test_training_is_refused_with_a_reason(status: str, message: str) -> None:
    assert refusal(model(status)) == message


def test_another_status_names_the_statuses_training_starts_from() -> None:
    assert refusal(model("deleting")) == (
        'Training is not offered while the model is "deleting"; '
        "it can start from: new, failed, training-canceled."
    )


def test_a_model_without_a_status() -> None:
    assert refusal(model("")) == (
        'Training is not offered while the model is "unknown"; '
        "it can start from: new, failed, training-canceled."
    )


def test_an_untrainable_type_is_refused_whatever_its_status() -> None:
    assert refusal(model("new", model_type="flux.1")) == NOT_TRAINABLE_FLUX
    assert refusal(model("trained", model_type="flux.1")) == NOT_TRAINABLE_FLUX


def test_a_model_without_a_type() -> None:
    assert refusal(model("new", model_type="")).startswith(
        "Models without a type cannot be trained here. Trainable model types: sd-1_5, "
    )


def test_a_model_without_training_images() -> None:
    assert refusal(model("new", images=0)) == (
        "This model has no training images yet: add some below."
    )


def test_the_status_is_told_before_the_missing_images() -> None:
    assert refusal(model("trained", images=0)) == (RETRAINING_NOTE)


# --- train_page -------------------------------------------------------------------------------


def test_a_new_flux_lora_gets_the_flux_form_only() -> None:
    page = train_page(model("new"), base_url=BASE_URL)
    assert (page.family, page.refusal) == (FLUX_LORA, "")
    assert page.form is not None
    names = page.form.definition.input_names
    assert names == [spec["name"] for spec in parameter_set(FLUX_LORA, 14).inputs]
    assert "nbEpochs" in names
    assert "optimizeFor" in names
    # SD 1.5's class prompt and the SD trainers' text-encoder ratio are not Flux parameters.
    assert "classPrompt" not in names
    assert "textEncoderTrainingRatio" not in names


def test_the_form_is_the_trainers_and_its_defaults_follow_the_images() -> None:
    page = train_page(model("new", images=14), base_url=BASE_URL)
    assert page.form is not None
    definition = page.form.definition
    assert (definition.id, definition.name, definition.type) == (
        "model_mine",
        "Mine",
        "flux.1-lora",
    )
    assert definition.training_images_number == 14
    assert page.form.state.values.values["maxTrainSteps"] == 1400
    assert page.form.state.is_valid
    assert page.form.summary == []


@pytest.mark.parametrize(
    ("model_type", "family", "present", "absent"),
    [
        ("sd-1_5", SD_1_5, "classPrompt", "nbEpochs"),
        ("sd-xl-lora", SDXL_LORA, "numUNetTrainSteps", "classPrompt"),
        ("zimage-lora", MUSUBI, "rank", "priorLossWeight"),
        ("elevenlabs-voice", ELEVENLABS_VOICE, "voiceDescription", "maxTrainSteps"),
    ],
)
def test_each_family_gets_its_own_parameters(
    model_type: str, family: TrainerFamily, present: str, absent: str
) -> None:
    page = train_page(model("new", model_type=model_type), base_url=BASE_URL)
    assert page.family == family
    assert page.form is not None
    assert present in page.form.definition.input_names
    assert absent not in page.form.definition.input_names


@pytest.mark.parametrize(
    ("definition", "family"),
    [
        (model("trained"), FLUX_LORA),
        (model("new", images=0), FLUX_LORA),
        (model("new", model_type="flux.1"), None),
    ],
)
def test_no_form_where_training_is_refused(
    definition: ModelDefinition, family: TrainerFamily | None
) -> None:
    page = train_page(definition, base_url=BASE_URL)
    assert page.family == family
    assert page.refusal == refusal(definition)
    assert page.refusal != ""
    assert page.form is None


def test_the_page_carries_the_monitor_of_the_model() -> None:
    training = model(
        "training",
        trainingProgress={"stage": "queued-for-train", "position": 2, "progress": 0},
    )
    page = train_page(training, base_url=BASE_URL)
    assert page.form is None
    assert (page.monitor.status, page.monitor.stage, page.monitor.position) == (
        "training",
        "queued-for-train",
        2,
    )


def test_the_urls_of_the_train_form() -> None:
    assert training_urls(MASCOT) == {
        "model_id": MASCOT,
        "live_url": f"/models/{MASCOT}/train/form/",
        "submit_url": f"/models/{MASCOT}/train/review/",
        "estimate_url": "",
        "preview_hidden": True,
        "uploads_disabled": True,
    }


def test_a_posted_form_is_read_with_the_trainers_parameters() -> None:
    form = training_form(
        model("new"),
        FLUX_LORA,
        {"rank": ["500"], "maxTrainSteps": ["1400"], "classPrompt": ["a dog"]},
        base_url=BASE_URL,
        moment=Moment.SUBMIT,
    )
    assert "classPrompt" not in form.state.values.values
    assert list(form.state.issues) == ["rank"]
    assert [issue.phrase for issue in form.state.issues["rank"]] == ["must be at most 64"]


@pytest.mark.usefixtures("seeded_sandbox")
def test_a_demo_model_read_from_the_sandbox() -> None:
    definition = load_model(MASCOT, fresh=True)
    page = train_page(definition, base_url=BASE_URL)
    assert (definition.type, definition.status, definition.training_images_number) == (
        "flux.1-lora",
        "new",
        14,
    )
    assert (page.family, page.refusal) == (FLUX_LORA, "")
    assert page.form is not None
    assert "nbEpochs" in page.form.definition.input_names
