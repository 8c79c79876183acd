from __future__ import annotations

import json
from typing import Any

import pytest

from scenario_ui.forms.payload import InvalidForm, build_payload, preview_payload
from scenario_ui.forms.validation import FormState, evaluate
from scenario_ui.forms.values import values_from_data, values_from_json
from scenario_ui.schema import ModelDefinition
from tests.forms.conftest import image_definition, make_definition


def every_type() -> ModelDefinition:
    return make_definition(
        [
            {"name": "prompt", "type": "string", "required": {"always": True}},
            {"name": "negativePrompt", "type": "string"},
            {"name": "seed", "type": "number", "min": 0, "max": 2147483647},
            {"name": "guidance", "type": "number", "min": 0, "max": 10, "step": 0.1},
            {"name": "fps", "type": "number", "allowedValues": [23.976, 24, -1]},
            {"name": "hdr", "type": "boolean"},
            {"name": "tiling", "type": "boolean"},
            {"name": "image", "type": "file"},
            {"name": "images", "type": "file_array"},
            {"name": "model", "type": "model"},
            {"name": "tags", "type": "string_array"},
            {"name": "scales", "type": "number_array"},
            {
                "name": "styles",
                "type": "inputs_array",
                "inputs": [
                    {"name": "style", "type": "string"},
                    {"name": "weight", "type": "number", "step": 0.1},
                ],
            },
            {"name": "curve", "type": "bezier"},
        ]
    )


def posted_state(definition: ModelDefinition, data: dict[str, list[str]]) -> FormState:
    return evaluate(definition, values_from_data(definition, data))


def test_payload_is_typed_as_the_api_expects() -> None:
    data = {
        "curve": ['{"points": [0, 0.5]}'],
        "styles.1.style": ["oil"],
        "styles.0.weight": ["0.3"],
        "styles.0.style": ["ink"],
        "scales": ["0.5", "1"],
        "tags": ["a", "", "b"],
        "model": ["model_x"],
        "images": ["asset_1", "asset_2"],
        "image": ["asset_0"],
        "tiling": ["false"],
        "hdr": ["false", "on"],
        "fps": ["23.976"],
        "guidance": ["3.5"],
        "seed": ["42"],
        "negativePrompt": [""],
        "prompt": ["a cat"],
    }
    payload = build_payload(posted_state(every_type(), data))
    assert json.dumps(payload) == (
        '{"prompt": "a cat", "seed": 42, "guidance": 3.5, "fps": 23.976, "hdr": true,'
        ' "tiling": false, "image": "asset_0", "images": ["asset_1", "asset_2"],'
        ' "model": "model_x", "tags": ["a", "b"], "scales": [0.5, 1],'
        ' "styles": [{"style": "ink", "weight": 0.3}, {"style": "oil"}],'
        ' "curve": {"points": [0, 0.5]}}'
    )


@pytest.mark.parametrize(
    ("entries", "expected"),
    [
        ({"seed": 0}, {"seed": 0}),
        ({"hdr": False}, {"hdr": False}),
        ({"fps": -1}, {"fps": -1}),
        ({"guidance": 0.1}, {"guidance": 0.1}),
        ({"negativePrompt": "", "tags": [], "image": None, "scales": []}, {}),
    ],
)
def test_false_and_zero_are_sent_empty_inputs_are_not(
    entries: dict[str, Any], expected: dict[str, Any]
) -> None:
    definition = every_type()
    state = evaluate(definition, values_from_json(definition, {"prompt": "p", **entries}))
    assert build_payload(state) == {"prompt": "p", **expected}


def test_types_survive_the_round_trip() -> None:
    definition = every_type()
    state = evaluate(definition, values_from_json(definition, {"prompt": "p", "seed": 7}))
    payload = build_payload(state)
    assert type(payload["seed"]) is int
    state = evaluate(definition, values_from_json(definition, {"prompt": "p", "guidance": 2.5}))
    assert type(build_payload(state)["guidance"]) is float


def test_an_invalid_form_has_no_payload() -> None:
    state = posted_state(every_type(), {"seed": ["-5"], "hdr": ["maybe"]})
    with pytest.raises(InvalidForm, match="The form has errors") as caught:
        build_payload(state)
    assert caught.value.state is state
    assert list(caught.value.state.issues) == ["prompt", "seed", "hdr"]


def test_the_preview_shows_the_form_as_it_stands() -> None:
    state = posted_state(every_type(), {"seed": ["-5"], "hdr": ["maybe"], "tags": ["x"]})
    # -5 breaks a constraint but is a value; "maybe" could not be read at all.
    assert preview_payload(state) == {"seed": -5, "tags": ["x"]}


def test_the_preview_of_a_valid_form_is_the_payload() -> None:
    state = posted_state(every_type(), {"prompt": ["p"], "scales": ["2"]})
    assert preview_payload(state) == build_payload(state) == {"prompt": "p", "scales": [2]}


@pytest.mark.parametrize(
    ("choice", "sizes"),
    [
        ("1", {"width": 1024, "height": 1024}),
        ("2", {"width": 1344, "height": 768}),
        ("0", {}),
        ("custom", {"width": 640, "height": 512}),
    ],
)
def test_resolution_choice_in_the_payload(choice: str, sizes: dict[str, int]) -> None:
    data = {"prompt": ["p"], "__resolution": [choice], "width": ["640"], "height": ["512"]}
    assert build_payload(posted_state(image_definition(), data)) == {"prompt": "p", **sizes}


def test_loras_and_presets_in_the_payload() -> None:
    data = {
        "prompt": ["p"],
        "loras": ["", "model_a", "model_b"],
        "lorasScale": ["0.3", "", "1.25"],
        "guidance": ["9"],
        "__apply_preset": ["0"],
        "__preset_0": ["Fast"],
    }
    payload = build_payload(posted_state(image_definition(), data))
    assert json.dumps(payload) == (
        '{"prompt": "p", "loras": ["model_a", "model_b"], "lorasScale": [1, 1.25],'
        ' "numInferenceSteps": 8, "guidance": 1.5}'
    )
