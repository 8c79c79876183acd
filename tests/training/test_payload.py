from __future__ import annotations

import pytest

from scenario_ui.forms import InvalidForm, initial_values, values_from_data, values_from_json
from scenario_ui.training.families import ELEVENLABS_VOICE, FLUX_LORA, MUSUBI, SD_1_5
from scenario_ui.training.payload import training_body
from scenario_ui.training.rules import evaluate_training
from tests.training.helpers import parsed


def test_body_of_the_first_form_holds_the_defaults() -> None:
    definition = parsed(SD_1_5)
    state = evaluate_training(definition, initial_values(definition))
    assert training_body(state) == {
        "parameters": {"maxTrainSteps": 675, "learningRate": 0.000005, "lrScheduler": "constant"}
    }


def test_body_from_submitted_form_data_keeps_types_and_leaves_out_blanks() -> None:
    definition = parsed(FLUX_LORA)
    data = {
        "conceptPrompt": ["a daiton dog"],
        "maxTrainSteps": ["1200"],
        "nbEpochs": [""],
        "rank": ["32"],
        "optimizeFor": ["likeness"],
        "learningRate": ["0.0002"],
        "learningRateTextEncoder": [""],
        "samplePrompts": ["a daiton dog on a beach", ""],
        "sampleSourceImages": [""],
        "wandbKey": [""],
    }
    state = evaluate_training(definition, values_from_data(definition, data))
    assert training_body(state) == {
        "parameters": {
            "conceptPrompt": "a daiton dog",
            "maxTrainSteps": 1200,
            "rank": 32,
            "optimizeFor": "likeness",
            "samplePrompts": ["a daiton dog on a beach"],
            "learningRate": 0.0002,
        }
    }


def test_body_of_a_voice() -> None:
    definition = parsed(ELEVENLABS_VOICE)
    values = values_from_json(
        definition,
        {"cloneType": "professional", "language": "fr", "removeBackgroundNoise": False},
    )
    assert training_body(evaluate_training(definition, values)) == {
        "parameters": {
            "cloneType": "professional",
            "language": "fr",
            "removeBackgroundNoise": False,
        }
    }


def test_body_with_nothing_set() -> None:
    definition = parsed(MUSUBI, images_count=0)
    state = evaluate_training(definition, values_from_json(definition, {"rank": None}))
    assert training_body(state) == {"parameters": {}}


def test_no_body_for_a_form_with_cross_field_issues() -> None:
    definition = parsed(SD_1_5)
    values = values_from_json(definition, {"maxTrainSteps": 100, "validationFrequency": 200})
    with pytest.raises(InvalidForm):
        training_body(evaluate_training(definition, values))
