"""The parameters of the Stable Diffusion trainers: SD 1.5 and SDXL LoRA.

Both take the "SD15 and SDXL LoRA" parameters of the reference; SD 1.5 adds
classPrompt ("SD15 training"), SDXL adds separate text encoder and UNet
learning rates and step counts, and the deprecated LoRA rank.
"""

from __future__ import annotations

from scenario_ui.training.parameters_common import (
    AUGMENTATION,
    CONCEPT_PROMPT,
    LEARNING_RATE,
    LORA_RANK,
    MAX_TRAIN_STEPS,
    OPTIMIZER,
    REPRODUCIBILITY,
    SCHEDULE,
    SUBJECT,
    TEXT_ENCODER_LEARNING_RATE,
    VALIDATION,
    WANDB_KEY,
    InputDict,
    ParameterSet,
    default_steps,
    legacy,
)

SD_MAX_TRAIN_STEPS = 40000
# The reference's SDXL default total, and the text encoder's share of it in its
# textEncoderTrainingRatio example (0.2: 20 of 100 steps).
SDXL_STEPS_PER_IMAGE = 175
SDXL_TEXT_ENCODER_SHARE = 0.2
SD_DEFAULT_LEARNING_RATE = 0.000005

LR_SCHEDULER: InputDict = {
    "name": "lrScheduler",
    "type": "string",
    "label": "Learning rate scheduler",
    "description": "How the learning rate changes over the training.",
    "allowedValues": [
        "constant",
        "constant-with-warmup",
        "cosine",
        "cosine-with-restarts",
        "linear",
        "polynomial",
    ],
    "default": "constant",
    "group": OPTIMIZER,
}
LR_SCHEDULER_LABELS = {
    "constant": "Constant",
    "constant-with-warmup": "Constant with warmup",
    "cosine": "Cosine",
    "cosine-with-restarts": "Cosine with restarts",
    "linear": "Linear",
    "polynomial": "Polynomial",
}

# No maximum: the reference's "maximum 1.7976931348623157" is JavaScript's
# Number.MAX_VALUE (1.7976931348623157e308) with its exponent lost.
PRIOR_LOSS_WEIGHT: InputDict = {
    "name": "priorLossWeight",
    "type": "number",
    "label": "Prior preservation loss weight",
    "description": "The weight of the prior preservation loss. Must be greater than 0.",
    "group": OPTIMIZER,
}

# No step: the reference gives none, and any ratio in 0..1 (0.125 too) is valid.
_CROP_PARAMETERS: list[InputDict] = [
    {
        "name": "randomCrop",
        "type": "boolean",
        "label": "Random crop",
        "description": (
            "Crop images at random rather than in the center before resizing them "
            "to the working resolution."
        ),
        "group": AUGMENTATION,
    },
    {
        "name": "randomCropRatio",
        "type": "number",
        "label": "Random crop ratio",
        "description": "Ratio of random crops, from 0 to 1.",
        "min": 0,
        "max": 1,
        "group": AUGMENTATION,
    },
    {
        "name": "randomCropScale",
        "type": "number",
        "label": "Random crop scale",
        "description": "Scale of random crops, from 0 to 1.",
        "min": 0,
        "max": 1,
        "group": AUGMENTATION,
    },
]

_VALIDATION_PARAMETERS: list[InputDict] = [
    {
        "name": "validationPrompt",
        "type": "string",
        "label": "Validation prompt",
        "description": "The prompt to validate the training with.",
        "group": VALIDATION,
    },
    {
        "name": "validationFrequency",
        "type": "number",
        "label": "Validation frequency",
        "description": "How often to validate, in training steps. At most the max training steps.",
        "min": 0,
        "step": 1,
        "group": VALIDATION,
    },
]

SEED: InputDict = {
    "name": "seed",
    "type": "number",
    "label": "Seed",
    "description": "Reproduces previous results. Default: a random number.",
    "min": 0,
    # JavaScript's Number.MAX_SAFE_INTEGER, as the reference gives it.
    "max": 9007199254740991,
    "step": 1,
    "group": REPRODUCIBILITY,
}

SCALE_LR = legacy(
    {
        "name": "scaleLr",
        "type": "boolean",
        "label": "Scale learning rate",
        "description": "Whether to scale the learning rate.",
    },
    "the trainer ignores it.",
)

TEXT_ENCODER_TRAINING_RATIO: InputDict = {
    "name": "textEncoderTrainingRatio",
    "type": "number",
    "label": "Text encoder training ratio",
    "description": (
        "The share of the steps spent training the text encoder before the UNet: with "
        "100 steps, 0.2 trains the text encoder for 20 steps, then the UNet for 80."
    ),
    "min": 0,
    "max": 0.99,
}

# What both SD trainers take after their own schedule and learning rates.
_SD_ADVANCED_TAIL: list[InputDict] = [
    LR_SCHEDULER,
    PRIOR_LOSS_WEIGHT,
    *_CROP_PARAMETERS,
    *_VALIDATION_PARAMETERS,
    SEED,
    WANDB_KEY,
    SCALE_LR,
]


def sd15_parameters(images_count: int) -> ParameterSet:
    inputs: list[InputDict] = [
        {
            **CONCEPT_PROMPT,
            "description": CONCEPT_PROMPT["description"]
            + ' Default: "daiton" when the model has no class.',
            "placeholder": "daiton",
        },
        {
            "name": "classPrompt",
            "type": "string",
            "label": "Class prompt",
            "description": (
                "The prompt naming the class of the training images, for images of the "
                'same class as the subject (for example "a dog").'
            ),
            "group": SUBJECT,
        },
        {
            **MAX_TRAIN_STEPS,
            "description": MAX_TRAIN_STEPS["description"]
            + " Default: 75 steps per training image.",
            "max": SD_MAX_TRAIN_STEPS,
            # The reference's round(images * 225 / 3).
            **default_steps(images_count, steps_per_image=225 / 3, maximum=SD_MAX_TRAIN_STEPS),
        },
        {**LEARNING_RATE, "default": SD_DEFAULT_LEARNING_RATE},
        *_SD_ADVANCED_TAIL,
        # The reference points to numTextTrainSteps and numUNetTrainSteps, which
        # SD 1.5 does not take, so no replacement is named here.
        legacy(TEXT_ENCODER_TRAINING_RATIO, "kept for older trainings."),
    ]
    return ParameterSet(
        inputs=inputs,
        essentials=frozenset({"conceptPrompt", "classPrompt", "maxTrainSteps"}),
        selects={"lrScheduler": LR_SCHEDULER_LABELS},
    )


def sdxl_parameters(images_count: int) -> ParameterSet:
    """SDXL LoRA takes separate text encoder and UNet steps, as the reference asks.

    Their defaults split the reference's SDXL total (175 steps per image) the way its
    `textEncoderTrainingRatio` example does (0.2: 20 of 100 steps on the text encoder,
    80 on the UNet); `maxTrainSteps` is only sent when someone sets it.
    """
    inputs: list[InputDict] = [
        {**CONCEPT_PROMPT, "default": "daiton"},
        {
            "name": "numTextTrainSteps",
            "type": "number",
            "label": "Text encoder training steps",
            "description": "The number of training steps for the text encoder."
            + f" Default: {SDXL_TEXT_ENCODER_SHARE:.0%} of 175 steps per training image.",
            "min": 0,
            "max": SD_MAX_TRAIN_STEPS,
            "step": 1,
            "group": SCHEDULE,
            **_share_default(images_count, text=True),
        },
        {
            "name": "numUNetTrainSteps",
            "type": "number",
            "label": "UNet training steps",
            "description": "The number of training steps for the UNet."
            + f" Default: {1 - SDXL_TEXT_ENCODER_SHARE:.0%} of 175 steps per training image.",
            "min": 0,
            "max": SD_MAX_TRAIN_STEPS,
            "step": 1,
            "group": SCHEDULE,
            **_share_default(images_count, text=False),
        },
        {**LEARNING_RATE, "default": SD_DEFAULT_LEARNING_RATE},
        {**TEXT_ENCODER_LEARNING_RATE, "default": 0.00005},
        {
            "name": "learningRateUnet",
            "type": "number",
            "label": "UNet learning rate",
            "description": (
                "Initial learning rate of the UNet, after any warmup period. "
                "Must be greater than 0."
            ),
            "group": OPTIMIZER,
        },
        *_SD_ADVANCED_TAIL,
        # No default: the reference asks SDXL for the two step counts above instead.
        legacy(
            {**MAX_TRAIN_STEPS, "max": SD_MAX_TRAIN_STEPS},
            "for SDXL, use the text encoder and UNet training steps instead.",
        ),
        legacy(
            TEXT_ENCODER_TRAINING_RATIO,
            "use the text encoder and UNet training steps instead.",
        ),
        # No default: a deprecated parameter is only sent when someone sets it.
        legacy(
            {
                **LORA_RANK,
                "description": LORA_RANK["description"] + " From 2 to 128; default 64.",
                "max": 128,
            },
            "deprecated for SDXL.",
        ),
    ]
    essentials = {"conceptPrompt", "numTextTrainSteps", "numUNetTrainSteps"}
    return ParameterSet(
        inputs=inputs,
        essentials=frozenset(essentials),
        selects={"lrScheduler": LR_SCHEDULER_LABELS},
    )


def _share_default(images_count: int, *, text: bool) -> InputDict:
    """The text encoder's (or the UNet's) part of the SDXL default steps, with its hint."""
    share = SDXL_TEXT_ENCODER_SHARE if text else 1 - SDXL_TEXT_ENCODER_SHARE
    return default_steps(
        images_count, steps_per_image=SDXL_STEPS_PER_IMAGE * share, maximum=SD_MAX_TRAIN_STEPS
    )
