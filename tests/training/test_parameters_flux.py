from __future__ import annotations

from scenario_ui.schema import FileArrayInput, NumberInput, StringArrayInput, StringInput
from scenario_ui.training.families import FLUX_LORA, MUSUBI, TrainerFamily
from scenario_ui.training.parameters_flux import flux_lora_parameters, musubi_parameters
from tests.training.helpers import parameter


def number(family: TrainerFamily, name: str, images_count: int = 9) -> NumberInput:
    spec = parameter(family, name, images_count)
    assert isinstance(spec, NumberInput)
    return spec


def test_flux_lora_parameters() -> None:
    assert flux_lora_parameters(9).names == [
        "conceptPrompt",
        "maxTrainSteps",
        "nbEpochs",
        "nbRepeats",
        "batchSize",
        "rank",
        "optimizeFor",
        "samplePrompts",
        "sampleSourceImages",
        "learningRate",
        "learningRateTextEncoder",
        "wandbKey",
    ]


def test_musubi_parameters() -> None:
    assert musubi_parameters(9).names == [
        "conceptPrompt",
        "maxTrainSteps",
        "rank",
        "learningRate",
        "wandbKey",
    ]


def test_rank_range_per_trainer() -> None:
    flux_rank, musubi_rank = number(FLUX_LORA, "rank"), number(MUSUBI, "rank")
    assert (flux_rank.min, flux_rank.max, flux_rank.default) == (2, 64, 16)
    assert (musubi_rank.min, musubi_rank.max, musubi_rank.default) == (2, 128, 64)
    assert flux_rank.label == "LoRA rank"


def test_flux_max_train_steps() -> None:
    steps = number(FLUX_LORA, "maxTrainSteps")
    assert (steps.min, steps.max, steps.default) == (0, 10000, 900)
    assert steps.hint == "Default for 9 training images: 900."


def test_flux_max_train_steps_default_capped() -> None:
    assert number(FLUX_LORA, "maxTrainSteps", 150).default == 10000


def test_musubi_has_no_documented_defaults_but_rank() -> None:
    assert number(MUSUBI, "maxTrainSteps").default is None
    assert number(MUSUBI, "maxTrainSteps").max == 40000
    assert number(MUSUBI, "learningRate").default is None


def test_flux_schedule_ranges() -> None:
    for name, maximum in (("nbEpochs", 30), ("nbRepeats", 30), ("batchSize", 4)):
        spec = number(FLUX_LORA, name)
        assert (spec.min, spec.max, spec.step) == (1, maximum, 1)


def test_flux_learning_rates() -> None:
    assert number(FLUX_LORA, "learningRate").default == 0.0001
    text_encoder = number(FLUX_LORA, "learningRateTextEncoder")
    assert (text_encoder.min, text_encoder.max, text_encoder.default) == (0.000001, 0.001, 0.00001)


def test_optimize_for_enum() -> None:
    spec = parameter(FLUX_LORA, "optimizeFor")
    assert isinstance(spec, StringInput)
    # The reference's type and the SDK's: "all" and "none" appear only in its prose.
    assert spec.allowed_values == ["likeness"]
    assert set(flux_lora_parameters(9).selects["optimizeFor"]) == {"likeness"}


def test_sample_inputs() -> None:
    assert isinstance(parameter(FLUX_LORA, "samplePrompts"), StringArrayInput)
    images = parameter(FLUX_LORA, "sampleSourceImages")
    assert isinstance(images, FileArrayInput)
    assert images.kind == "image"


def test_wandb_key_at_most_40_characters() -> None:
    spec = parameter(FLUX_LORA, "wandbKey")
    assert isinstance(spec, StringInput)
    assert spec.max_length == 40


def test_essentials_open_and_the_rest_advanced() -> None:
    assert flux_lora_parameters(9).advanced == [
        "nbRepeats",
        "batchSize",
        "learningRate",
        "learningRateTextEncoder",
        "wandbKey",
    ]
    assert musubi_parameters(9).advanced == ["learningRate", "wandbKey"]
