from __future__ import annotations

from typing import Any

import pytest

from scenario_ui.forms.issues import Issue
from scenario_ui.forms.rules import Requirement
from scenario_ui.forms.validation import FormState, evaluate
from scenario_ui.forms.values import values_from_data, values_from_json
from scenario_ui.schema import ModelDefinition
from tests.forms.conftest import image_definition, make_definition

MASK_MESSAGE = "A reference image is required when a mask is provided."
ONE_OF_MESSAGE = "Provide a reference image or a 3D model."


def edit_definition() -> ModelDefinition:
    return make_definition(
        [
            {"name": "prompt", "type": "string", "maxLength": 10, "required": {"always": True}},
            {
                "name": "referenceImages",
                "type": "file_array",
                "required": {"ifDefined": {"mask": {"message": MASK_MESSAGE}}},
            },
            {"name": "mask", "type": "file"},
            {"name": "numOutputs", "type": "number", "min": 1, "max": 4, "step": 1},
            {
                "name": "layout",
                "type": "string",
                "required": {"conditional": {"values": {"numOutputs": ["2", "4"]}}},
            },
            {"name": "hdr", "type": "boolean", "required": {"always": True}},
            {
                "name": "exposure",
                "type": "number",
                "required": {"conditionalValues": {"hdr": ["true"]}},
            },
            {
                "name": "strength",
                "type": "number",
                "min": 0,
                "max": 1,
                "step": 0.01,
                "required": {"when": {"inferenceType": ["img2img"]}},
            },
            {
                "name": "styles",
                "type": "inputs_array",
                "maxLength": 2,
                "inputs": [
                    {
                        "name": "style",
                        "type": "string",
                        "label": "Style",
                        "required": {"always": True},
                    },
                    {"name": "weight", "type": "number", "label": "Weight", "max": 1, "step": 0.1},
                ],
            },
        ]
    )


def evaluate_json(definition: ModelDefinition, entries: dict[str, Any]) -> FormState:
    return evaluate(definition, values_from_json(definition, entries))


def api_messages(state: FormState) -> list[str]:
    return [issue.api_message for issue in state.all_issues()]


def test_a_valid_form() -> None:
    state = evaluate_json(edit_definition(), {"prompt": "a cat", "hdr": False})
    assert state.is_valid is True
    assert state.issues == {}
    assert state.all_issues() == []
    assert state.required == {"prompt": Requirement(), "hdr": Requirement()}


def test_an_empty_form() -> None:
    state = evaluate_json(edit_definition(), {})
    assert state.is_valid is False
    assert state.issues == {
        "prompt": [Issue("prompt", "is required")],
        "hdr": [Issue("hdr", "is required")],
    }
    assert api_messages(state) == ["Input prompt is required", "Input hdr is required"]
    assert [issue.form_message for issue in state.all_issues()] == ["Is required.", "Is required."]


@pytest.mark.parametrize("prompt", ["", "   "])
def test_blank_is_not_an_answer(prompt: str) -> None:
    state = evaluate_json(edit_definition(), {"prompt": prompt, "hdr": True, "exposure": 1})
    assert api_messages(state) == ["Input prompt is required"]


def test_the_rules_own_message() -> None:
    state = evaluate_json(edit_definition(), {"prompt": "p", "hdr": False, "mask": "asset_m"})
    assert state.required["referenceImages"] == Requirement(MASK_MESSAGE)
    assert state.issues == {
        "referenceImages": [Issue("referenceImages", "is required", MASK_MESSAGE)]
    }
    issue = state.issues["referenceImages"][0]
    assert issue.api_message == MASK_MESSAGE
    assert issue.form_message == MASK_MESSAGE


def test_a_required_rule_satisfied() -> None:
    state = evaluate_json(
        edit_definition(),
        {"prompt": "p", "hdr": False, "mask": "asset_m", "referenceImages": ["asset_r"]},
    )
    assert state.is_valid is True
    assert "referenceImages" in state.required


def test_one_of_a_pair() -> None:
    definition = make_definition(
        [
            {
                "name": "characterModel",
                "type": "file",
                "required": {"ifNotDefined": {"characterFile": {"message": ONE_OF_MESSAGE}}},
            },
            {
                "name": "characterFile",
                "type": "file",
                "required": {"ifNotDefined": {"characterModel": {"message": ONE_OF_MESSAGE}}},
            },
        ]
    )
    assert api_messages(evaluate_json(definition, {})) == [ONE_OF_MESSAGE, ONE_OF_MESSAGE]
    assert evaluate_json(definition, {"characterFile": "asset_1"}).is_valid is True
    assert evaluate_json(definition, {"characterModel": "asset_2"}).is_valid is True


@pytest.mark.parametrize(
    ("data", "messages"),
    [
        # The number posted as "2" meets the rule's "2".
        ({"numOutputs": ["2"]}, ["Input layout is required"]),
        ({"numOutputs": ["4"]}, ["Input layout is required"]),
        ({"numOutputs": ["3"]}, []),
        ({"numOutputs": ["2"], "layout": ["grid"]}, []),
        # A checked box ("true" in the rule) makes exposure required.
        ({"hdr": ["false", "true"]}, ["Input exposure is required"]),
        ({"hdr": ["false"]}, []),
    ],
)
def test_rules_from_posted_text(data: dict[str, list[str]], messages: list[str]) -> None:
    definition = edit_definition()
    posted = {"prompt": ["p"], "hdr": ["false"], **data}
    assert api_messages(evaluate(definition, values_from_data(definition, posted))) == messages


def test_when_naming_an_implied_mode_never_requires() -> None:
    # inferenceType is no input: a form cannot set it, so strength stays optional.
    state = evaluate_json(
        edit_definition(), {"prompt": "p", "hdr": False, "inferenceType": "img2img"}
    )
    assert "strength" not in state.required
    assert state.is_valid is True


@pytest.mark.parametrize(
    ("entries", "messages"),
    [
        ({"prompt": "far too long"}, ["Input prompt must be at most 10 characters long"]),
        ({"numOutputs": 5}, ["Input numOutputs must be at most 4"]),
        ({"numOutputs": 0}, ["Input numOutputs must be at least 1"]),
        ({"numOutputs": 2.5, "layout": "x"}, ["Input numOutputs must be a whole number"]),
        ({"strength": 0.555}, ["Input strength must be a multiple of 0.01"]),
        ({"strength": 0.55}, []),
        ({"strength": 0}, []),
        ({"styles": [{"weight": 0.5}]}, ["Input styles row 1: Style is required"]),
        (
            {"styles": [{"style": "a", "weight": 1.5}, {"style": "b", "weight": 0.25}]},
            [
                "Input styles row 1: Weight must be at most 1",
                "Input styles row 2: Weight must be a multiple of 0.1",
            ],
        ),
        (
            {"styles": [{"style": "a"}, {"style": "b"}, {"style": "c"}]},
            ["Input styles must be at most 2 items long"],
        ),
    ],
)
def test_constraints(entries: dict[str, Any], messages: list[str]) -> None:
    state = evaluate_json(edit_definition(), {"prompt": "p", "hdr": False, **entries})
    assert api_messages(state) == messages


def test_a_conversion_error_is_the_only_issue_of_its_input() -> None:
    definition = edit_definition()
    state = evaluate(definition, values_from_data(definition, {"hdr": ["perhaps"]}))
    assert state.issues == {
        "prompt": [Issue("prompt", "is required")],
        "hdr": [Issue("hdr", "must be true or false")],
    }
    assert state.issues["hdr"][0].form_message == "Must be true or false."


def test_a_conversion_error_inside_a_row() -> None:
    definition = edit_definition()
    data = {"prompt": ["p"], "hdr": ["false"], "styles.0.style": ["a"], "styles.0.weight": ["?"]}
    state = evaluate(definition, values_from_data(definition, data))
    assert api_messages(state) == ["Input styles row 1: Weight must be a number"]


def test_issues_follow_definition_order() -> None:
    definition = edit_definition()
    data = {"styles.0.weight": ["0.5"], "numOutputs": ["9"], "prompt": ["much too long"]}
    state = evaluate(definition, values_from_data(definition, data))
    assert list(state.issues) == ["prompt", "numOutputs", "hdr", "styles"]
    assert api_messages(state) == [
        "Input prompt must be at most 10 characters long",
        "Input numOutputs must be at most 4",
        "Input hdr is required",
        "Input styles row 1: Style is required",
    ]


def test_lora_limits_in_the_apis_words() -> None:
    definition = image_definition()
    data = {
        "prompt": ["p"],
        "loras": [f"model_{n}" for n in range(7)],
        "lorasScale": ["2.5", "0.5"],
    }
    state = evaluate(definition, values_from_data(definition, data))
    assert api_messages(state) == [
        "Input loras must be at most 6 items long",
        "Input lorasScale must be at most 2",
    ]
    assert [issue.form_message for issue in state.all_issues()] == [
        "Must be at most 6 items long.",
        "Must be at most 2.",
    ]


def test_a_resolution_preset_gives_valid_sizes() -> None:
    definition = image_definition()
    data = {"prompt": ["p"], "__resolution": ["2"], "width": ["5"], "height": ["7"]}
    assert evaluate(definition, values_from_data(definition, data)).is_valid is True


def test_custom_sizes_are_snapped_so_they_pass() -> None:
    definition = image_definition()
    data = {"prompt": ["p"], "__resolution": ["custom"], "width": ["1000"], "height": ["64"]}
    state = evaluate(definition, values_from_data(definition, data))
    assert api_messages(state) == []
    assert (state.values.values["width"], state.values.values["height"]) == (992, 128)
