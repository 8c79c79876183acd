from __future__ import annotations

import pytest
from django.template.loader import render_to_string

from scenario_ui.forms import initial_values
from scenario_ui.forms.render import form_view
from scenario_ui.schema import lint_definition
from scenario_ui.training.families import (
    ELEVENLABS_VOICE,
    FAMILIES,
    FLUX_LORA,
    MUSUBI,
    SD_1_5,
    SDXL_LORA,
    TrainerFamily,
)
from scenario_ui.training.parameters import parameter_set
from tests.training.helpers import MODEL_ID, MODEL_NAME, definition_object, parsed

VOICE_PARAMETERS = {
    "age",
    "cloneType",
    "gender",
    "language",
    "removeBackgroundNoise",
    "voiceDescription",
}


def families_with(name: str) -> set[TrainerFamily]:
    return {family for family in FAMILIES if name in parameter_set(family, 9).names}


@pytest.mark.parametrize(
    ("name", "families"),
    [
        ("rank", {SDXL_LORA, FLUX_LORA, MUSUBI}),
        ("nbEpochs", {FLUX_LORA}),
        ("nbRepeats", {FLUX_LORA}),
        ("batchSize", {FLUX_LORA}),
        ("optimizeFor", {FLUX_LORA}),
        ("samplePrompts", {FLUX_LORA}),
        ("sampleSourceImages", {FLUX_LORA}),
        ("lrScheduler", {SD_1_5, SDXL_LORA}),
        ("validationFrequency", {SD_1_5, SDXL_LORA}),
        ("scaleLr", {SD_1_5, SDXL_LORA}),
        ("classPrompt", {SD_1_5}),
        ("numTextTrainSteps", {SDXL_LORA}),
        ("learningRateUnet", {SDXL_LORA}),
        ("learningRateTextEncoder", {SDXL_LORA, FLUX_LORA}),
        ("maxTrainSteps", {SD_1_5, SDXL_LORA, FLUX_LORA, MUSUBI}),
        ("wandbKey", {SD_1_5, SDXL_LORA, FLUX_LORA, MUSUBI}),
        *[(name, {ELEVENLABS_VOICE}) for name in sorted(VOICE_PARAMETERS)],
    ],
)
def test_which_trainers_take_a_parameter(name: str, families: set[TrainerFamily]) -> None:
    assert families_with(name) == families


def test_every_documented_parameter_belongs_to_some_trainer() -> None:
    # The 32 parameters of PUT /models/{modelId}/train.
    documented = {
        *VOICE_PARAMETERS,
        "batchSize",
        "classPrompt",
        "conceptPrompt",
        "learningRate",
        "learningRateTextEncoder",
        "learningRateUnet",
        "lrScheduler",
        "maxTrainSteps",
        "nbEpochs",
        "nbRepeats",
        "numTextTrainSteps",
        "numUNetTrainSteps",
        "optimizeFor",
        "priorLossWeight",
        "randomCrop",
        "randomCropRatio",
        "randomCropScale",
        "rank",
        "samplePrompts",
        "sampleSourceImages",
        "scaleLr",
        "seed",
        "textEncoderTrainingRatio",
        "validationFrequency",
        "validationPrompt",
        "wandbKey",
    }
    assert len(documented) == 32
    assert {name for family in FAMILIES for name in parameter_set(family, 9).names} == documented


@pytest.mark.parametrize("family", FAMILIES)
@pytest.mark.parametrize("images_count", [0, 1, 9, 500])
def test_definition_parses_and_lints_clean(family: TrainerFamily, images_count: int) -> None:
    definition = parsed(family, images_count)
    assert definition.problems == []
    assert lint_definition(definition) == []


@pytest.mark.parametrize("family", FAMILIES)
def test_definition_object(family: TrainerFamily) -> None:
    data = definition_object(family)
    assert data["id"] == MODEL_ID
    assert data["name"] == MODEL_NAME
    assert data["type"] == family.primary_model_type
    assert data["trainingImagesNumber"] == 9
    assert [spec["name"] for spec in data["inputs"]] == parameter_set(family, 9).names
    assert data["uiConfig"]["triggerGenerate"] == {"label": "Train", "position": "bottom"}


@pytest.mark.parametrize("family", FAMILIES)
def test_advanced_parameters_are_collapsed(family: TrainerFamily) -> None:
    ui_config = parsed(family).ui_config
    parameters = parameter_set(family, 9)
    collapsed = {
        name for name, properties in ui_config.input_properties.items() if properties.collapsed
    }
    assert collapsed == set(parameters.advanced)
    assert collapsed.isdisjoint(parameters.essentials)


@pytest.mark.parametrize("family", FAMILIES)
def test_groups_are_contiguous(family: TrainerFamily) -> None:
    # The form groups consecutive inputs only: a group split in two would show twice.
    groups = [spec.group for spec in parsed(family).inputs]
    runs = [group for index, group in enumerate(groups) if index == 0 or groups[index - 1] != group]
    assert len(runs) == len(set(runs))


def test_definitions_are_independent_copies() -> None:
    first = definition_object(FLUX_LORA)
    first["inputs"][0]["label"] = "Changed"
    first["uiConfig"]["selects"]["optimizeFor"]["likeness"] = "Changed"
    second = definition_object(FLUX_LORA)
    assert second["inputs"][0]["label"] == "Concept prompt"
    assert second["uiConfig"]["selects"]["optimizeFor"]["likeness"] == "Likeness (portraits)"


def test_first_values_are_the_defaults() -> None:
    definition = parsed(FLUX_LORA)
    assert initial_values(definition).values == {
        "maxTrainSteps": 900,
        "rank": 16,
        "learningRate": 0.0001,
        "learningRateTextEncoder": 0.00001,
    }


@pytest.mark.parametrize("family", FAMILIES)
def test_the_form_engine_renders_the_train_form(family: TrainerFamily) -> None:
    definition = parsed(family)
    view = form_view(definition, initial_values(definition))
    assert view.state.is_valid
    html = render_to_string(
        "forms/model_form.html#form",
        {"form": view, "live_url": "/live/", "submit_url": "/train/"},
    )
    assert "Train" in html
    for name in definition.input_names:
        assert f'name="{name}"' in html
