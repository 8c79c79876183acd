"""The parameters of the Flux LoRA trainer and of the Musubi trainer.

Musubi is documented only through `rank` (2 to 128, default 64). It also gets
the parameters the reference limits to no trainer (concept prompt, steps,
learning rate, Weights & Biases key), without defaults: the reference gives
none for Musubi, so they are sent only when set.
"""

from __future__ import annotations

from scenario_ui.training.parameters_common import (
    CONCEPT_PROMPT,
    LEARNING_RATE,
    LORA,
    LORA_RANK,
    MAX_TRAIN_STEPS,
    SAMPLES,
    SCHEDULE,
    TEXT_ENCODER_LEARNING_RATE,
    WANDB_KEY,
    InputDict,
    ParameterSet,
    default_steps,
)

FLUX_MAX_TRAIN_STEPS = 10000
# The schema-wide maximum: the reference gives no tighter one for Musubi.
MUSUBI_MAX_TRAIN_STEPS = 40000

OPTIMIZE_FOR: InputDict = {
    "name": "optimizeFor",
    "type": "string",
    "label": "Optimize for",
    "description": (
        "Which transformer blocks the LoRA training targets: likeness trains the blocks "
        "that matter for likeness (portraits)."
    ),
    # The reference's type and the SDK's allow only "likeness"; its prose also names
    # "all" and "none", which the API has not been seen to accept: the type wins.
    "allowedValues": ["likeness"],
    "group": LORA,
}
OPTIMIZE_FOR_LABELS = {"likeness": "Likeness (portraits)"}

_SAMPLE_PARAMETERS: list[InputDict] = [
    {
        "name": "samplePrompts",
        "type": "string_array",
        "label": "Sample prompts",
        "description": "Prompts to draw samples with at each epoch.",
        "group": SAMPLES,
    },
    {
        "name": "sampleSourceImages",
        "type": "file_array",
        "label": "Sample source images",
        "description": (
            "Images paired with the sample prompts, one per prompt: as many images as prompts."
        ),
        "kind": "image",
        "group": SAMPLES,
    },
]


def flux_lora_parameters(images_count: int) -> ParameterSet:
    inputs: list[InputDict] = [
        {**CONCEPT_PROMPT, "description": CONCEPT_PROMPT["description"] + " Default: empty."},
        {
            **MAX_TRAIN_STEPS,
            "description": MAX_TRAIN_STEPS["description"]
            + " Default: 100 steps per training image.",
            "max": FLUX_MAX_TRAIN_STEPS,
            **default_steps(images_count, steps_per_image=100, maximum=FLUX_MAX_TRAIN_STEPS),
        },
        {
            "name": "nbEpochs",
            "type": "number",
            "label": "Epochs",
            "description": "The number of epochs to train for.",
            "min": 1,
            "max": 30,
            "step": 1,
            "group": SCHEDULE,
        },
        {
            "name": "nbRepeats",
            "type": "number",
            "label": "Repeats",
            "description": "The number of times to repeat the training.",
            "min": 1,
            "max": 30,
            "step": 1,
            "group": SCHEDULE,
        },
        {
            "name": "batchSize",
            "type": "number",
            "label": "Batch size",
            "description": "A larger batch means fewer steps and a higher learning rate.",
            "min": 1,
            "max": 4,
            "step": 1,
            "group": SCHEDULE,
        },
        {
            **LORA_RANK,
            "description": "The dimension of the LoRA update matrices, from 2 to 64.",
            "max": 64,
            "default": 16,
        },
        OPTIMIZE_FOR,
        *_SAMPLE_PARAMETERS,
        {**LEARNING_RATE, "default": 0.0001},
        {
            **TEXT_ENCODER_LEARNING_RATE,
            "description": (
                "Initial learning rate of the text encoder, after any warmup period. "
                "From 0.000001 to 0.001."
            ),
            "min": 0.000001,
            "default": 0.00001,
        },
        WANDB_KEY,
    ]
    essentials = {
        "conceptPrompt",
        "maxTrainSteps",
        "nbEpochs",
        "rank",
        "optimizeFor",
        "samplePrompts",
        "sampleSourceImages",
    }
    return ParameterSet(
        inputs=inputs,
        essentials=frozenset(essentials),
        selects={"optimizeFor": OPTIMIZE_FOR_LABELS},
    )


def musubi_parameters(images_count: int) -> ParameterSet:
    """`images_count` is unused: no Musubi default depends on it."""
    inputs: list[InputDict] = [
        CONCEPT_PROMPT,
        {**MAX_TRAIN_STEPS, "max": MUSUBI_MAX_TRAIN_STEPS},
        {
            **LORA_RANK,
            "description": "The dimension of the LoRA update matrices, from 2 to 128.",
            "max": 128,
            "default": 64,
        },
        LEARNING_RATE,
        WANDB_KEY,
    ]
    return ParameterSet(
        inputs=inputs, essentials=frozenset({"conceptPrompt", "maxTrainSteps", "rank"})
    )
