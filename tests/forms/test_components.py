from __future__ import annotations

from typing import Any

import pytest

from scenario_ui.forms.bound import RenderOptions
from scenario_ui.forms.components import Component
from scenario_ui.forms.components.presets import APPLY_PRESET, Presets
from scenario_ui.forms.components.resolution import (
    CUSTOM_RESOLUTION,
    RESOLUTION_CHOICE,
    Resolution,
)
from scenario_ui.forms.components.trigger import TriggerNode
from scenario_ui.forms.fields import RawData
from scenario_ui.forms.plan import plan_for
from scenario_ui.schema import ModelDefinition
from tests.forms.conftest import image_definition, make_definition
from tests.forms.html import parse_html


def components_of[C: Component](definition: ModelDefinition, kind: type[C]) -> list[C]:
    return [c for c in plan_for(definition).components if isinstance(c, kind)]


def preset_keys(definition: ModelDefinition) -> list[str]:
    return [presets.choice_key for presets in components_of(definition, Presets)]


def resolution_choice_for(definition: ModelDefinition, raw: RawData) -> str:
    """The picker's entry for these sizes; "" when the model has no size picker."""
    pickers = components_of(definition, Resolution)
    return pickers[0].choice_for(raw) if pickers else ""


def apply_resolution_choice(definition: ModelDefinition, raw: RawData) -> RawData:
    for picker in components_of(definition, Resolution):
        raw = picker.apply_choice(raw)
    return raw


def apply_chosen_preset(
    definition: ModelDefinition, raw: RawData, data: dict[str, list[str]]
) -> RawData:
    """The preset groups fill their fields; the other components follow what they filled."""
    filled: set[str] = set()
    for presets in components_of(definition, Presets):
        raw = presets.fill_chosen(raw, data, filled)
    return plan_for(definition).refresh(raw, filled)


def align_loras(definition: ModelDefinition, raw: RawData) -> RawData:
    return plan_for(definition).settle(raw)


def test_constants() -> None:
    assert (RESOLUTION_CHOICE, CUSTOM_RESOLUTION, APPLY_PRESET) == (
        "__resolution",
        "custom",
        "__apply_preset",
    )


def test_preset_keys() -> None:
    assert list(preset_keys(image_definition())) == ["__preset_0", "__preset_1"]
    assert list(preset_keys(image_definition(presets=None))) == []


# --- which resolution entry shows width and height ----------------------------------


@pytest.mark.parametrize(
    ("raw", "choice"),
    [
        ({"width": ["1024"], "height": ["1024"]}, "1"),
        ({"width": ["1344"], "height": ["768"]}, "2"),
        ({"width": ["1024.0"], "height": [" 1024 "]}, "1"),
        ({}, "0"),
        ({"width": [""], "height": [" "]}, "0"),
        ({"width": ["768"], "height": ["1344"]}, "custom"),
        ({"width": ["1024"], "height": ["512"]}, "custom"),
        ({"width": ["1024"]}, "custom"),
        ({"width": ["wide"], "height": ["1024"]}, "custom"),
        ({"width": ["wide"], "height": ["tall"]}, "0"),
    ],
)
def test_resolution_choice_for(raw: RawData, choice: str) -> None:
    assert resolution_choice_for(image_definition(), raw) == choice


def test_resolution_choice_without_a_label_only_preset() -> None:
    definition = image_definition(
        resolutionComponent={
            "label": "Size",
            "widthInput": "width",
            "heightInput": "height",
            "presets": [{"label": "Square", "width": 512, "height": 512}],
        }
    )
    assert resolution_choice_for(definition, {}) == "custom"
    assert resolution_choice_for(definition, {"width": ["512"], "height": ["512"]}) == "0"


def test_resolution_choice_without_component() -> None:
    definition = image_definition(resolutionComponent=None)
    assert resolution_choice_for(definition, {"width": ["1024"], "height": ["1024"]}) == ""


# --- applying the posted resolution choice ------------------------------------------


def test_a_preset_sets_width_and_height() -> None:
    raw = {"width": ["500"], "height": ["600"], RESOLUTION_CHOICE: ["2"], "prompt": ["cat"]}
    assert apply_resolution_choice(image_definition(), raw) == {
        "width": ["1344"],
        "height": ["768"],
        RESOLUTION_CHOICE: ["2"],
        "prompt": ["cat"],
    }


def test_a_preset_sets_width_and_height_when_none_were_posted() -> None:
    raw: RawData = {RESOLUTION_CHOICE: ["1"]}
    assert apply_resolution_choice(image_definition(), raw) == {
        RESOLUTION_CHOICE: ["1"],
        "width": ["1024"],
        "height": ["1024"],
    }


def test_a_label_only_preset_removes_width_and_height() -> None:
    raw = {"width": ["1024"], "height": ["1024"], RESOLUTION_CHOICE: ["0"]}
    assert apply_resolution_choice(image_definition(), raw) == {RESOLUTION_CHOICE: ["0"]}


@pytest.mark.parametrize(
    ("posted", "width", "height", "choice"),
    [
        # Custom stays custom, even when the size matches a preset or is blank.
        ("custom", "800", "608", "custom"),
        ("custom", "1024", "1024", "custom"),
        ("custom", "", "", "custom"),
        # Anything not an index of a preset counts as custom.
        ("3", "800", "608", "custom"),
        ("99", "1344", "768", "2"),
        ("-1", "800", "608", "custom"),
        ("²", "800", "608", "custom"),
        ("1.0", "800", "608", "custom"),
        ("", "800", "608", "custom"),
    ],
)
def test_custom_and_unusable_choices_keep_typed_sizes(
    posted: str, width: str, height: str, choice: str
) -> None:
    raw = {"width": [width], "height": [height], RESOLUTION_CHOICE: [posted]}
    assert apply_resolution_choice(image_definition(), raw) == {
        "width": [width],
        "height": [height],
        RESOLUTION_CHOICE: [choice],
    }


@pytest.mark.parametrize(
    ("width", "height", "snapped"),
    [
        ("1000", "64", ("992", "128")),
        ("1030", "4000", ("1024", "2048")),
        ("2045", "130", ("2048", "128")),
    ],
)
def test_custom_sizes_snap_to_the_step_and_limits(
    width: str, height: str, snapped: tuple[str, str]
) -> None:
    raw = {"width": [width], "height": [height], RESOLUTION_CHOICE: ["custom"]}
    result = apply_resolution_choice(image_definition(), raw)
    assert (result["width"], result["height"]) == ([snapped[0]], [snapped[1]])


def test_no_posted_choice_is_worked_out() -> None:
    raw = {"width": ["1344"], "height": ["768"]}
    assert apply_resolution_choice(image_definition(), raw)[RESOLUTION_CHOICE] == ["2"]


def test_the_last_posted_choice_wins() -> None:
    raw = {RESOLUTION_CHOICE: ["custom", "1"]}
    assert apply_resolution_choice(image_definition(), raw)["width"] == ["1024"]


def test_resolution_without_component_changes_nothing() -> None:
    raw = {"width": ["1"], RESOLUTION_CHOICE: ["1"]}
    assert apply_resolution_choice(image_definition(resolutionComponent=None), raw) == {
        "width": ["1"],
        RESOLUTION_CHOICE: ["1"],
    }


# --- preset groups ------------------------------------------------------------------

TYPED: RawData = {"numInferenceSteps": ["20"], "guidance": ["2"], "scheduler": ["euler"]}


def chosen(group: str, name: str) -> dict[str, list[str]]:
    return {APPLY_PRESET: [group], f"__preset_{group}": [name]}


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (
            chosen("0", "Fast"),
            {"numInferenceSteps": ["8"], "guidance": ["1.5"], "scheduler": ["euler"]},
        ),
        (
            chosen("0", "Quality"),
            {"numInferenceSteps": ["40"], "guidance": ["3.5"], "scheduler": ["euler"]},
        ),
        # Only the group's fields: "scheduler" is not one of group 0's.
        (
            chosen("0", "Guided"),
            {"numInferenceSteps": ["20"], "guidance": ["7"], "scheduler": ["euler"]},
        ),
        # null empties the field.
        (chosen("0", "Reset"), {"guidance": ["0.3"], "scheduler": ["euler"]}),
        # "sampler" is listed in the group but not declared: skipped.
        (
            chosen("1", "Classic"),
            {"numInferenceSteps": ["20"], "guidance": ["2"], "scheduler": ["ddim"]},
        ),
    ],
)
def test_apply_chosen_preset(data: dict[str, list[str]], expected: RawData) -> None:
    assert apply_chosen_preset(image_definition(), dict(TYPED), data) == expected


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"__preset_0": ["Fast"]},
        chosen("0", "Slow"),
        chosen("0", ""),
        chosen("1", "Fast"),
        chosen("2", "Fast"),
        chosen("²", "Fast"),
        {APPLY_PRESET: ["x"], "__preset_0": ["Fast"]},
        {APPLY_PRESET: ["0"]},
    ],
)
def test_no_usable_preset_choice_changes_nothing(data: dict[str, list[str]]) -> None:
    assert apply_chosen_preset(image_definition(), dict(TYPED), data) == TYPED


def test_a_preset_fills_fields_nothing_was_typed_in() -> None:
    assert apply_chosen_preset(image_definition(), {}, chosen("0", "Fast")) == {
        "numInferenceSteps": ["8"],
        "guidance": ["1.5"],
    }


def test_a_preset_fills_an_array_field() -> None:
    definition = make_definition(
        [{"name": "tags", "type": "string_array"}],
        {"presets": [{"fields": ["tags"], "presets": {"Pair": {"tags": ["a", "b"]}}}]},
    )
    raw = {"tags": ["x", "y", "z"]}
    assert apply_chosen_preset(definition, raw, chosen("0", "Pair")) == {"tags": ["a", "b"]}


# --- LoRA rows ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("models", "scales", "aligned_models", "aligned_scales"),
    [
        (["m1", "m2"], ["0.5", "1.5"], ["m1", "m2"], ["0.5", "1.5"]),
        # A row without a scale gets 1.
        (["m1", "m2"], ["0.5"], ["m1", "m2"], ["0.5", "1"]),
        (["m1", "m2"], ["0.5", " "], ["m1", "m2"], ["0.5", "1"]),
        (["m1"], [], ["m1"], ["1"]),
        # A row without a model goes, with its scale.
        (["m1", "", "m3"], ["0.5", "0.7", "0.9"], ["m1", "m3"], ["0.5", "0.9"]),
        (["  ", "m2"], ["2", ""], ["m2"], ["1"]),
        (["m1"], ["0.5", "0.7"], ["m1"], ["0.5"]),
        ([], ["0.5"], [], []),
        ([], [], [], []),
    ],
)
def test_align_loras(
    models: list[str], scales: list[str], aligned_models: list[str], aligned_scales: list[str]
) -> None:
    raw = {"loras": models, "lorasScale": scales, "prompt": ["p"]}
    assert align_loras(image_definition(), raw) == {
        "loras": aligned_models,
        "lorasScale": aligned_scales,
        "prompt": ["p"],
    }


def test_align_loras_leaves_its_argument_alone() -> None:
    raw = {"loras": ["m1", ""], "lorasScale": ["0.5", "0.7"]}
    align_loras(image_definition(), raw)
    assert raw == {"loras": ["m1", ""], "lorasScale": ["0.5", "0.7"]}


def test_align_loras_without_component_changes_nothing() -> None:
    raw: dict[str, Any] = {"loras": ["", "m2"], "lorasScale": ["0.5"]}
    assert align_loras(image_definition(lorasComponent=None), raw) == {
        "loras": ["", "m2"],
        "lorasScale": ["0.5"],
    }


def test_a_preset_replaces_all_rows_of_an_inputs_array() -> None:
    definition = make_definition(
        [
            {
                "name": "styles",
                "type": "inputs_array",
                "inputs": [{"name": "style", "type": "string"}],
            },
            {"name": "styles2", "type": "string"},
        ],
        {"presets": [{"fields": ["styles"], "presets": {"One": {"styles": [{"style": "ink"}]}}}]},
    )
    raw = {
        "styles.0.__row": ["1"],
        "styles.0.style": ["a"],
        "styles.1.__row": ["1"],
        "styles.1.style": ["b"],
        "styles2": ["kept"],
    }
    assert apply_chosen_preset(definition, raw, chosen("0", "One")) == {
        "styles2": ["kept"],
        "styles.0.__row": ["1"],
        "styles.0.style": ["ink"],
    }


@pytest.mark.parametrize(
    ("preset", "choice"),
    [
        ({"width": 1024, "height": 1024}, "1"),
        ({"width": 2048, "height": 2048}, "custom"),
        ({"width": None, "height": None}, "0"),
    ],
)
def test_a_preset_setting_sizes_moves_the_resolution_picker(
    preset: dict[str, Any], choice: str
) -> None:
    definition = image_definition(
        presets=[{"fields": ["width", "height"], "presets": {"P": preset}}]
    )
    raw = {RESOLUTION_CHOICE: ["2"], "width": ["1344"], "height": ["768"]}
    # Else the picker would still show "16:9", and the next post would undo the preset.
    assert apply_chosen_preset(definition, raw, chosen("0", "P"))[RESOLUTION_CHOICE] == [choice]


def test_a_preset_not_setting_sizes_leaves_the_resolution_picker() -> None:
    raw = {RESOLUTION_CHOICE: ["2"], "width": ["1344"], "height": ["768"]}
    applied = apply_chosen_preset(image_definition(), raw, chosen("0", "Fast"))
    assert applied[RESOLUTION_CHOICE] == ["2"]


def test_a_submit_refusal_takes_the_place_of_the_button_and_the_estimate() -> None:
    trigger = TriggerNode("Generate")
    offered = parse_html(trigger.render(RenderOptions(estimate_url="/estimate/")))
    assert offered.one("button", name="__submit").text == "Generate"
    assert offered.find_all("output", id="cost-estimate") != []
    refused = parse_html(
        trigger.render(RenderOptions(estimate_url="/estimate/", submit_refusal="Not <yours>"))
    )
    assert refused.find_all("button") == refused.find_all("output") == []
    assert refused.by_id("submit-refusal").text == "Not <yours>"
