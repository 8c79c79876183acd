from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import User

from scenario_ui.schema import ModelDefinition, parse_definition
from scenario_ui.training.models import Training
from scenario_ui.training.offer import TrainingOffer, training_offer
from scenario_ui.training.page import RETRAINING_NOTE


def model(status: str, model_type: str = "flux.1-lora") -> ModelDefinition:
    return parse_definition({"id": "m", "name": "M", "type": model_type, "status": status})


@pytest.mark.parametrize(
    ("status", "offer"),
    [
        ("new", TrainingOffer("train")),
        ("failed", TrainingOffer("train")),
        ("training-canceled", TrainingOffer("train")),
        ("training", TrainingOffer("follow")),
        ("trained", TrainingOffer("none", RETRAINING_NOTE)),
        ("copying", TrainingOffer("none", 'Training is not offered while the model is "copying".')),
    ],
)
def test_what_a_model_page_offers(user: User, status: str, offer: TrainingOffer) -> None:
    assert training_offer(model(status), user=user) == offer


def test_nothing_for_an_untrainable_type_or_another_users_training(
    user: User, django_user_model: Any
) -> None:
    assert training_offer(model("new", "flux.1-composition"), user=user) is None
    other = django_user_model.objects.create_user("other", password="a-long-password")
    Training.objects.create(user=other, model_id="m", outcome=Training.Outcome.STARTED)
    assert training_offer(model("new"), user=user) is None


def test_a_type_no_trainer_trains_asks_nothing_of_the_database() -> None:
    # Pages of custom models (and benchmarks, with an unsaved user) never query trainings.
    assert training_offer(model("trained", "custom"), user=User()) is None
