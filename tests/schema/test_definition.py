from __future__ import annotations

import pytest
from pydantic import ValidationError

from scenario_ui.schema.definition import ModelDefinition, TrainingProgress
from scenario_ui.schema.inputs import NumberInput, StringInput
from scenario_ui.schema.ui_config import UiConfig


def test_empty_definition() -> None:
    definition = ModelDefinition()

    assert (definition.id, definition.name, definition.short_description) == ("", "", "")
    assert (definition.type, definition.privacy, definition.status) == ("", "", "")
    assert definition.capabilities == []
    assert definition.tags == []
    assert definition.training_images_number == 0
    assert definition.training_progress is None
    assert definition.training_stats is None
    assert definition.parameters == {}
    assert definition.inputs == []
    assert definition.ui_config == UiConfig()
    assert definition.problems == []
    assert definition.raw == {}


def test_metadata_reads_from_camel_case() -> None:
    definition = ModelDefinition.model_validate(
        {
            "id": "model_x",
            "name": "X",
            "shortDescription": "An X model",
            "type": "flux.1-lora",
            "privacy": "private",
            "status": "training",
            "capabilities": ["txt2img"],
            "tags": ["style"],
            "trainingImagesNumber": 12,
            "trainingStats": {"trainDuration": 300},
            "parameters": {"maxTrainSteps": 500},
        }
    )

    assert definition.short_description == "An X model"
    assert definition.type == "flux.1-lora"
    assert definition.training_images_number == 12
    assert definition.training_stats == {"trainDuration": 300}
    assert definition.parameters == {"maxTrainSteps": 500}


def test_top_level_fields_it_does_not_model_are_left_to_raw() -> None:
    definition = ModelDefinition.model_validate({"id": "model_x", "ownerId": "proj_1"})

    assert definition.model_extra is None


def test_input_names_in_order() -> None:
    definition = ModelDefinition(
        inputs=[StringInput(name="prompt"), NumberInput(name="seed")],
    )

    assert definition.input_names == ["prompt", "seed"]


def test_input_named_finds_the_first_with_that_name() -> None:
    first = StringInput(name="prompt")
    definition = ModelDefinition(inputs=[first, NumberInput(name="prompt")])

    assert definition.input_named("prompt") is first
    assert definition.input_named("missing") is None


def test_training_progress_reads_every_field_from_camel_case() -> None:
    progress = TrainingProgress.model_validate(
        {
            "stage": "running-train",
            "updatedAt": 1717000000000,
            "position": 3,
            "progress": 0.42,
            "remainingTimeMs": 60000,
            "startedAt": 1716990000000,
            "retryCount": 1,
            "retryableError": "Captcha rejected",
            "captchaImageUrl": "https://example.test/captcha.png",
        }
    )

    assert progress == TrainingProgress(
        stage="running-train",
        updated_at=1717000000000,
        position=3,
        progress=0.42,
        remaining_time_ms=60000,
        started_at=1716990000000,
        retry_count=1,
        retryable_error="Captcha rejected",
        captcha_image_url="https://example.test/captcha.png",
    )


def test_training_progress_needs_only_a_stage() -> None:
    progress = TrainingProgress.model_validate({"stage": "ready-for-captcha"})

    assert progress.stage == "ready-for-captcha"
    assert progress.progress is None


def test_training_progress_without_stage_is_invalid() -> None:
    with pytest.raises(ValidationError):
        TrainingProgress.model_validate({"progress": 0.5})
