from __future__ import annotations

import pytest

from scenario_ui.schema import ModelDefinition, parse_definition
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
def test_what_a_model_page_offers(status: str, offer: TrainingOffer) -> None:
    assert training_offer(model(status), someone_elses=False) == offer


def test_nothing_for_an_untrainable_type_or_another_users_training() -> None:
    assert training_offer(model("new", "flux.1-composition"), someone_elses=False) is None
    assert training_offer(model("new"), someone_elses=True) is None
