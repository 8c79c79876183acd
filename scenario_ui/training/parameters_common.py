"""Training parameters shared by several trainers, as model-definition inputs.

Every parameter is an input dict in exactly the format of a model definition's
`inputs`, so the form engine renders and validates it like any model input.
Family modules copy these and add what differs per trainer (ranges, defaults).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

InputDict = dict[str, Any]

# The reference gives these an exclusive minimum of 0. The input format only
# has an inclusive `min`, which would let 0 through, so these inputs declare no
# `min` and `rules.py` requires a value greater than 0.
POSITIVE_PARAMETERS = frozenset(
    {"learningRate", "learningRateTextEncoder", "learningRateUnet", "priorLossWeight"}
)

# Group legends. The form groups consecutive inputs with the same group, so
# each family lists its inputs group by group, advanced groups last.
SUBJECT = "Subject"
SCHEDULE = "Schedule"
LORA = "LoRA"
SAMPLES = "Samples"
OPTIMIZER = "Optimizer"
AUGMENTATION = "Augmentation"
VALIDATION = "Validation"
REPRODUCIBILITY = "Reproducibility and logging"
LEGACY = "Legacy"

CONCEPT_PROMPT: InputDict = {
    "name": "conceptPrompt",
    "type": "string",
    "label": "Concept prompt",
    "description": (
        "The prompt with an identifier naming the instance (or subject) of the class, "
        'for example "a daiton dog".'
    ),
    "group": SUBJECT,
}

LEARNING_RATE: InputDict = {
    "name": "learningRate",
    "type": "number",
    "label": "Learning rate",
    "description": "Initial learning rate, after any warmup period. Must be greater than 0.",
    "group": OPTIMIZER,
}

TEXT_ENCODER_LEARNING_RATE: InputDict = {
    "name": "learningRateTextEncoder",
    "type": "number",
    "label": "Text encoder learning rate",
    "description": (
        "Initial learning rate of the text encoder, after any warmup period. "
        "Greater than 0, at most 0.001."
    ),
    "max": 0.001,
    "group": OPTIMIZER,
}

LORA_RANK: InputDict = {
    "name": "rank",
    "type": "number",
    "label": "LoRA rank",
    "description": "The dimension of the LoRA update matrices.",
    "min": 2,
    "step": 1,
    "group": LORA,
}

WANDB_KEY: InputDict = {
    "name": "wandbKey",
    "type": "string",
    "label": "Weights & Biases key",
    "description": "The Weights & Biases key to log the training with. At most 40 characters.",
    "maxLength": 40,
    "group": REPRODUCIBILITY,
}

MAX_TRAIN_STEPS: InputDict = {
    "name": "maxTrainSteps",
    "type": "number",
    "label": "Max training steps",
    "description": "Maximum number of training steps to execute.",
    "min": 0,
    "step": 1,
    "group": SCHEDULE,
}


def default_steps(images_count: int, *, steps_per_image: float, maximum: int) -> InputDict:
    """The `default` and `hint` of maxTrainSteps, computed as the trainer does.

    Nothing without training images: the trainer computes it when they are
    added. The default is kept within `maximum`, or the form would open with
    an error on a value the user never chose.
    """
    if images_count <= 0:
        return {}
    steps = min(round(images_count * steps_per_image), maximum)
    noun = "image" if images_count == 1 else "images"
    return {"default": steps, "hint": f"Default for {images_count} training {noun}: {steps}."}


def legacy(parameter: InputDict, note: str) -> InputDict:
    """`parameter` marked as legacy in its label and description, in the Legacy group."""
    return {
        **parameter,
        "label": f"{parameter['label']} (legacy)",
        "description": f"{parameter['description']} Legacy parameter: {note}",
        "group": LEGACY,
    }


@dataclass(frozen=True, slots=True)
class ParameterSet:
    """One trainer's parameters, and how its Train form shows them."""

    inputs: list[InputDict]
    # Drawn open; every other input is advanced, drawn collapsed: what a first
    # training can leave at its default.
    essentials: frozenset[str]
    # `uiConfig.selects`: display labels of enum values, by input name.
    selects: dict[str, dict[str, str]] = field(default_factory=dict)

    @property
    def names(self) -> list[str]:
        return [parameter["name"] for parameter in self.inputs]

    @property
    def advanced(self) -> list[str]:
        return [name for name in self.names if name not in self.essentials]
