"""The parameters of ElevenLabs voice cloning.

The reference types gender, age and language as plain strings and lists no
values for them, so they stay free text (language limited to a two-letter
ISO 639-1 code, checked in `rules.py`); only cloneType has documented values.
"""

from __future__ import annotations

from scenario_ui.training.parameters_common import InputDict, ParameterSet

VOICE = "Voice"
PROFESSIONAL_CLONING = "Professional cloning"

CLONE_TYPE_LABELS = {
    "instant": "Instant (fast)",
    "professional": "Professional (higher quality, requires a captcha)",
}

_INPUTS: list[InputDict] = [
    {
        "name": "cloneType",
        "type": "string",
        "label": "Clone type",
        "description": (
            'Type of voice cloning: "instant" is fast; "professional" gives a higher '
            "quality and requires a captcha."
        ),
        "allowedValues": list(CLONE_TYPE_LABELS),
        "group": VOICE,
    },
    {
        "name": "language",
        "type": "string",
        "label": "Language",
        "description": "Language of the audio samples, as a two-letter ISO 639-1 code.",
        "minLength": 2,
        "maxLength": 2,
        "placeholder": "en",
        "group": VOICE,
    },
    {
        "name": "removeBackgroundNoise",
        "type": "boolean",
        "label": "Remove background noise",
        "description": (
            "Remove background noise from the audio samples before cloning. "
            "Each sample must then be at least 5 seconds long."
        ),
        "group": VOICE,
    },
    {
        "name": "voiceDescription",
        "type": "string",
        "label": "Voice description",
        "description": "Description of the voice characteristics.",
        # A prompt is drawn as a text area: descriptions run to several lines.
        "prompt": True,
        "group": VOICE,
    },
    {
        "name": "gender",
        "type": "string",
        "label": "Gender",
        "description": "Gender of the voice, for professional cloning.",
        "group": PROFESSIONAL_CLONING,
    },
    {
        "name": "age",
        "type": "string",
        "label": "Age",
        "description": "Age group of the voice, for professional cloning.",
        "group": PROFESSIONAL_CLONING,
    },
]


def elevenlabs_voice_parameters(images_count: int) -> ParameterSet:
    """`images_count` is unused: a voice trains on audio samples, not images."""
    return ParameterSet(
        inputs=_INPUTS,
        essentials=frozenset(parameter["name"] for parameter in _INPUTS),
        selects={"cloneType": CLONE_TYPE_LABELS},
    )
