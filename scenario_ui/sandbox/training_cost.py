"""What a sandbox training costs, in creative units (CU): made up, but deterministic.

Image trainers charge a base and a rate per started 100 training steps:

    cost = 10 + rate * ceil(steps / 100)
    rate: SD 1.5 1, SDXL LoRA 2, Flux LoRA 3, Musubi LoRA 4

`steps` is SDXL's `numTextTrainSteps` + `numUNetTrainSteps` (given or their defaults,
together 175 per image), else `maxTrainSteps` when set, else the trainer's default for the
number of training images (SD 1.5: 75 per image, Flux: 100, capped at the trainer's
maximum), else 100 per image (Musubi has no default). The images are the model's training
images or, on a dry run of a model that has none, the `trainingImagesCount` query parameter.

An ElevenLabs voice costs 20 for an instant clone (the default `cloneType`), 100 for a
professional one.

Nothing else changes the price: epochs, repeats, batch size. The answer carries the total
as `creativeUnitsCost` and `costDetails["train-model"]`, with no discount.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final

from scenario_ui.sandbox.json_types import JsonObject
from scenario_ui.schema import ModelDefinition
from scenario_ui.training import (
    ELEVENLABS_VOICE,
    FLUX_LORA,
    MUSUBI,
    SD_1_5,
    SDXL_LORA,
    TrainerFamily,
)

BASE_COST: Final = 10.0
STEPS_PER_CHARGE: Final = 100
RATE_PER_CHARGE: Final = {SD_1_5: 1.0, SDXL_LORA: 2.0, FLUX_LORA: 3.0, MUSUBI: 4.0}
FALLBACK_STEPS_PER_IMAGE: Final = 100
STEPS_PARAMETER: Final = "maxTrainSteps"
SPLIT_STEPS_PARAMETERS: Final = ("numTextTrainSteps", "numUNetTrainSteps")
VOICE_COSTS: Final = {"instant": 20.0, "professional": 100.0}
DEFAULT_CLONE_TYPE: Final = "instant"
# The key of the SDK's CostDetails for a training.
COST_DETAILS_KEY: Final = "train-model"


@dataclass(frozen=True)
class TrainingCost:
    total: float

    def as_json(self) -> JsonObject:
        return {
            "creativeUnitsCost": self.total,
            "creativeUnitsDiscount": 0,
            "costDetails": {COST_DETAILS_KEY: self.total},
        }


def training_cost(
    family: TrainerFamily,
    definition: ModelDefinition,
    values: Mapping[str, Any],
    images_count: int,
) -> TrainingCost:
    """The cost of training with `values`: validated parameters, typed by the form engine."""
    if family == ELEVENLABS_VOICE:
        return TrainingCost(VOICE_COSTS[values.get("cloneType") or DEFAULT_CLONE_TYPE])
    charges = math.ceil(training_steps(definition, values, images_count) / STEPS_PER_CHARGE)
    return TrainingCost(round(BASE_COST + RATE_PER_CHARGE[family] * charges, 2))


def training_steps(
    definition: ModelDefinition, values: Mapping[str, Any], images_count: int
) -> int:
    """SDXL's text encoder + UNet steps when either is given (the other at its default),
    else a given maxTrainSteps, else the defaults in the same order."""
    split = [_given_or_default(definition, values, name) for name in SPLIT_STEPS_PARAMETERS]
    split_total = sum(int(steps) for steps in split if steps is not None)
    if any(values.get(name) is not None for name in SPLIT_STEPS_PARAMETERS):
        return split_total
    if values.get(STEPS_PARAMETER) is not None:
        return int(values[STEPS_PARAMETER])
    if any(steps is not None for steps in split):
        return split_total
    steps = _given_or_default(definition, values, STEPS_PARAMETER)
    return int(steps) if steps is not None else FALLBACK_STEPS_PER_IMAGE * images_count


def _given_or_default(definition: ModelDefinition, values: Mapping[str, Any], name: str) -> Any:
    if values.get(name) is not None:
        return values[name]
    spec = definition.input_named(name)
    return spec.default if spec is not None else None
