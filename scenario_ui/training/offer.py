"""What a model page offers about training: start one, follow one, or why not."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import User

from scenario_ui.schema import ModelDefinition
from scenario_ui.training.families import family_for
from scenario_ui.training.ownership import may_train
from scenario_ui.training.page import RETRAINING_NOTE, TRAINABLE_STATUSES


@dataclass(frozen=True)
class TrainingOffer:
    # "train" (a Train button), "follow" (its training runs) or "none" (`note` says why).
    action: str
    note: str = ""


def training_offer(model: ModelDefinition, *, user: User) -> TrainingOffer | None:
    """None for a model no trainer here trains, and for a user who may not train it (a
    viewer, or a member when another user trains the model)."""
    family = family_for(model.type)
    if family is None or not may_train(user, model.id):
        return None
    if model.status in TRAINABLE_STATUSES:
        return TrainingOffer("train")
    if model.status == "training":
        return TrainingOffer("follow")
    if model.status == "trained":
        return TrainingOffer("none", RETRAINING_NOTE)
    return TrainingOffer("none", f'Training is not offered while the model is "{model.status}".')
