"""The made-up but deterministic price of a training."""

from __future__ import annotations

from typing import Any

import pytest

from scenario_ui.sandbox.training_cost import TrainingCost, training_cost
from scenario_ui.schema import parse_definition
from scenario_ui.training import (
    ELEVENLABS_VOICE,
    FLUX_LORA,
    MUSUBI,
    SD_1_5,
    SDXL_LORA,
    TrainerFamily,
    training_definition,
)


def cost(family: TrainerFamily, values: dict[str, Any], images: int = 10) -> float:
    definition = parse_definition(
        training_definition(family, model_id="model_a", model_name="A", images_count=images)
    )
    return training_cost(family, definition, values, images).total


@pytest.mark.parametrize(
    ("family", "steps", "expected"),
    [
        (SD_1_5, 1000, 20),
        (SDXL_LORA, 1000, 30),
        (FLUX_LORA, 1000, 40),
        (MUSUBI, 1000, 50),
        # Every started 100 steps is charged.
        (FLUX_LORA, 1001, 43),
        (FLUX_LORA, 0, 10),
    ],
)
def test_image_trainers_charge_a_base_and_a_rate_per_100_steps(
    family: TrainerFamily, steps: int, expected: float
) -> None:
    assert cost(family, {"maxTrainSteps": steps}) == expected


def test_sdxl_is_priced_by_its_text_encoder_and_unet_steps() -> None:
    assert cost(SDXL_LORA, {"numTextTrainSteps": 200, "numUNetTrainSteps": 800}) == 30
    # Given split steps win over a legacy maxTrainSteps; one given, the other's default.
    split = {"numTextTrainSteps": 200, "numUNetTrainSteps": 800, "maxTrainSteps": 5000}
    assert cost(SDXL_LORA, split) == 30
    assert cost(SDXL_LORA, {"numTextTrainSteps": 0}, images=10) == 10 + 2 * 14


@pytest.mark.parametrize(
    ("family", "images", "expected"),
    [
        # The trainers' own defaults: 75, 175 and 100 steps per image.
        (SD_1_5, 8, 10 + 1 * 6),
        (SDXL_LORA, 8, 10 + 2 * 14),
        (FLUX_LORA, 8, 10 + 3 * 8),
        # Musubi has no default: 100 steps per image.
        (MUSUBI, 8, 10 + 4 * 8),
        # Flux's default is capped at its 10000-step maximum.
        (FLUX_LORA, 200, 10 + 3 * 100),
    ],
)
def test_without_steps_the_default_for_the_images_is_priced(
    family: TrainerFamily, images: int, expected: float
) -> None:
    assert cost(family, {}, images) == expected


def test_epochs_and_repeats_do_not_change_the_price() -> None:
    plain = cost(FLUX_LORA, {"maxTrainSteps": 1000})
    assert cost(FLUX_LORA, {"maxTrainSteps": 1000, "nbEpochs": 30, "nbRepeats": 30}) == plain


@pytest.mark.parametrize(
    ("clone_type", "expected"), [(None, 20), ("instant", 20), ("professional", 100)]
)
def test_a_voice_costs_by_clone_type(clone_type: str | None, expected: float) -> None:
    values = {"cloneType": clone_type} if clone_type else {}
    assert cost(ELEVENLABS_VOICE, values) == expected


def test_the_answer_shape() -> None:
    assert TrainingCost(40).as_json() == {
        "creativeUnitsCost": 40,
        "creativeUnitsDiscount": 0,
        "costDetails": {"train-model": 40},
    }
