"""Training a model (`PUT /models/{modelId}/train`) through the form engine.

Each trainer family declares its parameters as model-definition inputs, so the
Train form is an ordinary definition: `training_definition` builds it,
`evaluate_training` adds the checks the input format cannot express, and
`training_body` turns a valid form into the request body.
"""

from __future__ import annotations

from scenario_ui.training.families import (
    ELEVENLABS_VOICE,
    FAMILIES,
    FLUX_LORA,
    MUSUBI,
    SD_1_5,
    SDXL_LORA,
    TRAINABLE_MODEL_TYPES,
    TrainerFamily,
    family_for,
    not_trainable_message,
)
from scenario_ui.training.parameters import training_definition
from scenario_ui.training.payload import training_body
from scenario_ui.training.rules import cross_field_issues, evaluate_training

__all__ = [
    "ELEVENLABS_VOICE",
    "FAMILIES",
    "FLUX_LORA",
    "MUSUBI",
    "SDXL_LORA",
    "SD_1_5",
    "TRAINABLE_MODEL_TYPES",
    "TrainerFamily",
    "cross_field_issues",
    "evaluate_training",
    "family_for",
    "not_trainable_message",
    "training_body",
    "training_definition",
]
