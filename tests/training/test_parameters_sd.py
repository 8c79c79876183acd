from __future__ import annotations

from scenario_ui.schema import NumberInput, StringInput
from scenario_ui.training.families import SD_1_5, SDXL_LORA
from scenario_ui.training.parameters_sd import sd15_parameters, sdxl_parameters
from tests.forms.conftest import make_field
from tests.training.helpers import parameter

SHARED_SD_PARAMETERS = {
    "conceptPrompt",
    "maxTrainSteps",
    "learningRate",
    "lrScheduler",
    "priorLossWeight",
    "randomCrop",
    "randomCropRatio",
    "randomCropScale",
    "validationPrompt",
    "validationFrequency",
    "seed",
    "wandbKey",
    "scaleLr",
    "textEncoderTrainingRatio",
}


def test_sd15_parameters() -> None:
    assert set(sd15_parameters(9).names) == SHARED_SD_PARAMETERS | {"classPrompt"}


def test_sdxl_parameters() -> None:
    assert set(sdxl_parameters(9).names) == SHARED_SD_PARAMETERS | {
        "numTextTrainSteps",
        "numUNetTrainSteps",
        "learningRateTextEncoder",
        "learningRateUnet",
        "rank",
    }


def test_max_train_steps_default_from_images() -> None:
    assert parameter(SD_1_5, "maxTrainSteps", 9).default == 675
    assert parameter(SD_1_5, "maxTrainSteps", 10).default == 750
    # SDXL is asked for its text encoder and UNet steps instead (below).
    assert parameter(SDXL_LORA, "maxTrainSteps", 9).default is None


def test_sdxl_splits_its_default_steps_between_text_encoder_and_unet() -> None:
    # The reference's 175 steps per image, split 20/80 as its textEncoderTrainingRatio
    # example (0.2) splits them.
    assert parameter(SDXL_LORA, "numTextTrainSteps", 9).default == 315
    assert parameter(SDXL_LORA, "numUNetTrainSteps", 9).default == 1260
    assert parameter(SDXL_LORA, "numUNetTrainSteps", 9).hint == (
        "Default for 9 training images: 1260."
    )
    assert parameter(SDXL_LORA, "numTextTrainSteps", 0).default is None


def test_max_train_steps_range() -> None:
    for family in (SD_1_5, SDXL_LORA):
        steps = parameter(family, "maxTrainSteps")
        assert isinstance(steps, NumberInput)
        assert (steps.min, steps.max, steps.step) == (0, 40000, 1)


def test_max_train_steps_default_capped_at_the_maximum() -> None:
    assert parameter(SD_1_5, "maxTrainSteps", 600).default == 40000
    assert parameter(SDXL_LORA, "numUNetTrainSteps", 300).default == 40000


def test_no_max_train_steps_default_without_images() -> None:
    assert parameter(SD_1_5, "maxTrainSteps", 0).default is None


def test_learning_rate_defaults() -> None:
    assert parameter(SD_1_5, "learningRate").default == 0.000005
    assert parameter(SDXL_LORA, "learningRate").default == 0.000005
    assert parameter(SDXL_LORA, "learningRateTextEncoder").default == 0.00005


def test_exclusive_minimums_are_left_to_the_rules() -> None:
    for name in ("learningRate", "learningRateTextEncoder", "learningRateUnet", "priorLossWeight"):
        spec = parameter(SDXL_LORA, name)
        assert isinstance(spec, NumberInput)
        assert spec.min is None


def test_text_encoder_learning_rate_maximum() -> None:
    spec = parameter(SDXL_LORA, "learningRateTextEncoder")
    assert isinstance(spec, NumberInput)
    assert spec.max == 0.001


def test_prior_loss_weight_has_no_maximum() -> None:
    spec = parameter(SD_1_5, "priorLossWeight")
    assert isinstance(spec, NumberInput)
    assert spec.max is None


def test_lr_scheduler_enum_and_default() -> None:
    spec = parameter(SD_1_5, "lrScheduler")
    assert isinstance(spec, StringInput)
    assert spec.allowed_values == [
        "constant",
        "constant-with-warmup",
        "cosine",
        "cosine-with-restarts",
        "linear",
        "polynomial",
    ]
    assert spec.default == "constant"


def test_concept_prompt_defaults() -> None:
    assert parameter(SDXL_LORA, "conceptPrompt").default == "daiton"
    # SD 1.5 defaults to "daiton" only without a class: a placeholder, not a sent value.
    sd15_concept = parameter(SD_1_5, "conceptPrompt")
    assert sd15_concept.default is None
    assert sd15_concept.placeholder == "daiton"


def test_bounded_ratios_take_fractions() -> None:
    for name, maximum in (
        ("randomCropRatio", 1),
        ("randomCropScale", 1),
        ("textEncoderTrainingRatio", 0.99),
    ):
        spec = parameter(SD_1_5, name)
        assert isinstance(spec, NumberInput)
        # No invented step: 0.125 is as valid as 0.12.
        assert (spec.min, spec.max, spec.step) == (0, maximum, None)
        assert make_field(spec.model_dump(by_alias=True)).validate(0.125) == []


def test_seed_range() -> None:
    spec = parameter(SD_1_5, "seed")
    assert isinstance(spec, NumberInput)
    assert (spec.min, spec.max) == (0, 9007199254740991)


def test_legacy_parameters() -> None:
    assert parameter(SD_1_5, "scaleLr").label == "Scale learning rate (legacy)"
    assert parameter(SD_1_5, "textEncoderTrainingRatio").label == (
        "Text encoder training ratio (legacy)"
    )
    sdxl_rank = parameter(SDXL_LORA, "rank")
    assert sdxl_rank.label == "LoRA rank (legacy)"
    assert "deprecated for SDXL" in (sdxl_rank.description or "")
    assert sdxl_rank.default is None
    assert isinstance(sdxl_rank, NumberInput)
    assert (sdxl_rank.min, sdxl_rank.max) == (2, 128)


def test_only_legacy_parameters_are_marked_legacy() -> None:
    for parameters in (sd15_parameters(9), sdxl_parameters(9)):
        marked = {p["name"] for p in parameters.inputs if p["label"].endswith("(legacy)")}
        assert marked <= {"scaleLr", "textEncoderTrainingRatio", "rank", "maxTrainSteps"}


def test_essentials_open_and_the_rest_advanced() -> None:
    assert sd15_parameters(9).essentials == {"conceptPrompt", "classPrompt", "maxTrainSteps"}
    assert sdxl_parameters(9).essentials == {
        "conceptPrompt",
        "numTextTrainSteps",
        "numUNetTrainSteps",
    }
    assert "learningRate" in sd15_parameters(9).advanced
    assert "wandbKey" in sdxl_parameters(9).advanced


def test_scheduler_labels() -> None:
    labels = sd15_parameters(9).selects["lrScheduler"]
    assert labels["constant-with-warmup"] == "Constant with warmup"
