from __future__ import annotations

from scenario_ui.schema import BooleanInput, StringInput
from scenario_ui.training.families import ELEVENLABS_VOICE
from scenario_ui.training.parameters_voice import elevenlabs_voice_parameters
from tests.training.helpers import parameter


def test_voice_parameters() -> None:
    assert set(elevenlabs_voice_parameters(0).names) == {
        "cloneType",
        "language",
        "removeBackgroundNoise",
        "voiceDescription",
        "gender",
        "age",
    }


def test_voice_parameters_do_not_depend_on_images() -> None:
    assert elevenlabs_voice_parameters(0) == elevenlabs_voice_parameters(12)


def test_clone_type_enum_and_labels() -> None:
    spec = parameter(ELEVENLABS_VOICE, "cloneType")
    assert isinstance(spec, StringInput)
    assert spec.allowed_values == ["instant", "professional"]
    assert elevenlabs_voice_parameters(0).selects["cloneType"]["instant"] == "Instant (fast)"


def test_language_is_two_characters() -> None:
    spec = parameter(ELEVENLABS_VOICE, "language")
    assert isinstance(spec, StringInput)
    assert (spec.min_length, spec.max_length) == (2, 2)


def test_voice_description_is_a_text_area() -> None:
    spec = parameter(ELEVENLABS_VOICE, "voiceDescription")
    assert isinstance(spec, StringInput)
    assert spec.prompt is True


def test_remove_background_noise_is_a_checkbox() -> None:
    assert isinstance(parameter(ELEVENLABS_VOICE, "removeBackgroundNoise"), BooleanInput)


def test_nothing_collapsed_for_voices() -> None:
    assert elevenlabs_voice_parameters(0).advanced == []
