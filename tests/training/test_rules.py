from __future__ import annotations

from typing import Any

import pytest

from scenario_ui.forms import values_from_data, values_from_json
from scenario_ui.forms.issues import Issue
from scenario_ui.training.families import ELEVENLABS_VOICE, FLUX_LORA, SD_1_5, SDXL_LORA
from scenario_ui.training.rules import cross_field_issues, evaluate_training
from tests.training.helpers import parsed


def phrases(values: dict[str, Any]) -> dict[str, str]:
    return {issue.input_name: issue.phrase for issue in cross_field_issues(values)}


# --- validationFrequency at most maxTrainSteps --------------------------------------------


@pytest.mark.parametrize("frequency", [0, 100, 675])
def test_validation_frequency_within_max_steps(frequency: int) -> None:
    assert phrases({"validationFrequency": frequency, "maxTrainSteps": 675}) == {}


def test_validation_frequency_above_max_steps() -> None:
    assert phrases({"validationFrequency": 700, "maxTrainSteps": 675}) == {
        "validationFrequency": "must be at most maxTrainSteps (675)"
    }


def test_validation_frequency_alone_is_not_compared() -> None:
    assert phrases({"validationFrequency": 50000}) == {}
    assert phrases({"maxTrainSteps": 0}) == {}


# --- sampleSourceImages paired with samplePrompts -----------------------------------------


def test_sample_images_one_per_prompt() -> None:
    values = {"samplePrompts": ["a dog", "a cat"], "sampleSourceImages": ["asset_1", "asset_2"]}
    assert phrases(values) == {}


def test_sample_prompts_without_images() -> None:
    assert phrases({"samplePrompts": ["a dog", "a cat"]}) == {}


@pytest.mark.parametrize(
    ("prompts", "images"),
    [(["a dog", "a cat"], ["asset_1"]), (["a dog"], ["asset_1", "asset_2"]), ([], ["asset_1"])],
)
def test_sample_images_not_one_per_prompt(prompts: list[str], images: list[str]) -> None:
    values: dict[str, Any] = {"sampleSourceImages": images}
    if prompts:
        values["samplePrompts"] = prompts
    assert phrases(values) == {
        "sampleSourceImages": f"must have as many items as samplePrompts ({len(prompts)})"
    }


# --- exclusive minimums and the language code ---------------------------------------------


@pytest.mark.parametrize(
    "name", ["learningRate", "learningRateTextEncoder", "learningRateUnet", "priorLossWeight"]
)
def test_exclusive_minimum_of_zero(name: str) -> None:
    assert phrases({name: 0}) == {name: "must be greater than 0"}
    assert phrases({name: -0.1}) == {name: "must be greater than 0"}
    assert phrases({name: 0.000001}) == {}


def test_a_boolean_is_not_a_number() -> None:
    assert phrases({"learningRate": False, "validationFrequency": True, "maxTrainSteps": 0}) == {}


@pytest.mark.parametrize("language", ["en", "fr", "PT"])
def test_two_letter_language(language: str) -> None:
    assert phrases({"language": language}) == {}


@pytest.mark.parametrize("language", ["e1", "é1", "eng", "e"])
def test_not_a_two_letter_language(language: str) -> None:
    assert phrases({"language": language}) == {
        "language": "must be a two-letter ISO 639-1 code, such as en"
    }


def test_no_values_no_issues() -> None:
    assert cross_field_issues({}) == []


# --- evaluate_training ----------------------------------------------------------------------


def test_evaluate_training_merges_cross_field_issues() -> None:
    definition = parsed(SD_1_5)
    values = values_from_json(definition, {"maxTrainSteps": 100, "validationFrequency": 200})
    state = evaluate_training(definition, values)
    assert state.issues == {
        "validationFrequency": [Issue("validationFrequency", "must be at most maxTrainSteps (100)")]
    }
    assert not state.is_valid
    assert [issue.api_message for issue in state.all_issues()] == [
        "Input validationFrequency must be at most maxTrainSteps (100)"
    ]


def test_evaluate_training_of_valid_values() -> None:
    definition = parsed(FLUX_LORA)
    values = values_from_json(
        definition, {"samplePrompts": ["a dog"], "sampleSourceImages": ["asset_1"]}
    )
    assert evaluate_training(definition, values).is_valid


def test_evaluate_training_from_submitted_form_data() -> None:
    definition = parsed(FLUX_LORA)
    data = {"samplePrompts": ["a dog", "a cat"], "sampleSourceImages": ["asset_1"]}
    state = evaluate_training(definition, values_from_data(definition, data))
    assert [issue.form_message for issue in state.issues["sampleSourceImages"]] == [
        "Must have as many items as samplePrompts (2)."
    ]


def test_an_input_with_its_own_issue_gets_no_cross_field_one() -> None:
    definition = parsed(FLUX_LORA)
    values = values_from_json(definition, {"learningRateTextEncoder": 0})
    state = evaluate_training(definition, values)
    assert [issue.phrase for issue in state.issues["learningRateTextEncoder"]] == [
        "must be at least 1e-06"
    ]


def test_per_field_limits_come_from_the_data() -> None:
    definition = parsed(SDXL_LORA)
    values = values_from_json(
        definition, {"wandbKey": "k" * 41, "textEncoderTrainingRatio": 1, "rank": 129}
    )
    state = evaluate_training(definition, values)
    assert set(state.issues) == {"wandbKey", "textEncoderTrainingRatio", "rank"}


def test_positive_learning_rate_without_min_in_the_data() -> None:
    definition = parsed(SDXL_LORA)
    state = evaluate_training(definition, values_from_json(definition, {"learningRateUnet": 0}))
    assert [issue.phrase for issue in state.issues["learningRateUnet"]] == [
        "must be greater than 0"
    ]


def test_voice_language_checked_in_the_form() -> None:
    definition = parsed(ELEVENLABS_VOICE)
    state = evaluate_training(definition, values_from_data(definition, {"language": ["e1"]}))
    assert [issue.phrase for issue in state.issues["language"]] == [
        "must be a two-letter ISO 639-1 code, such as en"
    ]
