"""A training that passed the trigger's checks, and the rules the checks and the store share.

Kept apart from `training_request`, which reads models: model reads bring trainings up to
date, so what stores trainings must not depend on what reads models.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from scenario_ui.sandbox.api.errors import SandboxApiError
from scenario_ui.sandbox.json_types import JsonObject
from scenario_ui.sandbox.training_cost import TrainingCost
from scenario_ui.training import ELEVENLABS_VOICE, TrainerFamily

TRAINABLE_STATUSES: Final = ("new", "failed", "training-canceled")


@dataclass(frozen=True)
class TrainingOrder:
    """What to store for a trigger, or to answer its dry run with."""

    model_id: str
    family: TrainerFamily
    parameters: JsonObject
    cost: TrainingCost
    fails: bool


def refuse_untrainable_status(model_id: str, status: str) -> None:
    if status not in TRAINABLE_STATUSES:
        raise SandboxApiError(400, f"Model {model_id} cannot be trained: it is {status}")


def failure_parameter(family: TrainerFamily) -> str:
    """The parameter whose "fail" makes the training fail: the trainer's prompt."""
    return "voiceDescription" if family == ELEVENLABS_VOICE else "conceptPrompt"
