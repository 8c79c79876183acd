from __future__ import annotations

import pytest

from scenario_ui.training.families import (
    ELEVENLABS_VOICE,
    FAMILIES,
    FLUX_LORA,
    MUSUBI,
    SD_1_5,
    SDXL_LORA,
    TRAINABLE_MODEL_TYPES,
    family_for,
    not_trainable_message,
)


@pytest.mark.parametrize(
    ("model_type", "family"),
    [
        ("sd-1_5", SD_1_5),
        ("sd-1_5-lora", SD_1_5),
        ("sd-xl-lora", SDXL_LORA),
        ("sd-xl", SDXL_LORA),
        ("flux.1-lora", FLUX_LORA),
        ("flux.1-kontext-lora", FLUX_LORA),
        ("flux.1-krea-lora", FLUX_LORA),
        ("qwen-image-lora", MUSUBI),
        ("qwen-image-edit-lora", MUSUBI),
        ("qwen-image-edit-2511-lora", MUSUBI),
        ("zimage-lora", MUSUBI),
        ("zimage-turbo-lora", MUSUBI),
        ("elevenlabs-voice", ELEVENLABS_VOICE),
    ],
)
def test_family_for_a_trainable_type(model_type: str, family: object) -> None:
    assert family_for(model_type) is family


@pytest.mark.parametrize(
    "model_type",
    [
        # Their trainer cannot be told from the reference: no form rather than a wrong one.
        "flux.2-dev-lora",
        "flux.2-klein-4b-edit-lora",
        # Not trainable at all.
        "flux.1",
        "sd-xl-composition",
        "custom",
        "gpt-image-1",
        "",
        "FLUX.1-LORA",
    ],
)
def test_family_for_an_untrainable_type_is_none(model_type: str) -> None:
    assert family_for(model_type) is None


def test_every_model_type_has_exactly_one_family() -> None:
    all_types = [model_type for family in FAMILIES for model_type in family.model_types]
    assert len(all_types) == len(set(all_types))
    assert tuple(all_types) == TRAINABLE_MODEL_TYPES


def test_primary_model_type_is_the_first() -> None:
    assert SD_1_5.primary_model_type == "sd-1_5"
    assert FLUX_LORA.primary_model_type == "flux.1-lora"


def test_not_trainable_message_names_the_type_and_lists_the_trainable_ones() -> None:
    message = not_trainable_message("gpt-image-1")
    assert message.startswith('Models of type "gpt-image-1" cannot be trained here.')
    for model_type in TRAINABLE_MODEL_TYPES:
        assert model_type in message


@pytest.mark.parametrize(
    ("model_type", "reason"),
    [
        ("flux.2-klein-9b-lora", "does not say which trainer (Flux LoRA or Musubi) trains"),
        ("sd-xl-composition", "A composition combines trained LoRAs; train one of its LoRAs"),
    ],
)
def test_not_trainable_message_says_why(model_type: str, reason: str) -> None:
    assert reason in not_trainable_message(model_type)


def test_not_trainable_message_without_a_type() -> None:
    assert not_trainable_message("").startswith("Models without a type cannot be trained here.")
