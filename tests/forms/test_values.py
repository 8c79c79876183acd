from __future__ import annotations

from typing import Any

import pytest

from scenario_ui.forms.uploads import Upload
from scenario_ui.forms.values import (
    FormValues,
    initial_values,
    values_from_data,
    values_from_json,
)
from scenario_ui.schema import ModelDefinition
from tests.forms.conftest import IMAGE_UI_CONFIG, image_definition, make_definition

STYLES: dict[str, Any] = {
    "name": "styles",
    "type": "inputs_array",
    "maxLength": 2,
    "inputs": [
        {"name": "style", "type": "string", "label": "Style"},
        {"name": "weight", "type": "number", "label": "Weight", "min": 0, "max": 1, "step": 0.1},
    ],
}


def typed_definition() -> ModelDefinition:
    return make_definition(
        [
            {"name": "prompt", "type": "string", "default": "a cat"},
            {"name": "seed", "type": "number", "min": 0, "max": 2147483647},
            {"name": "guidance", "type": "number", "step": 0.1, "default": 3.5},
            {"name": "steps", "type": "number", "min": 1, "max": 50, "step": 1, "default": 0},
            {"name": "hdr", "type": "boolean", "default": False},
            {"name": "tiling", "type": "boolean"},
            {"name": "tags", "type": "string_array", "default": ["a", "b"]},
            {"name": "scales", "type": "number_array", "default": [0.5, 1]},
            {"name": "image", "type": "file"},
            {"name": "curve", "type": "bezier", "default": {"points": [0, 1]}},
            STYLES,
        ]
    )


# --- defaults -----------------------------------------------------------------------


def test_initial_values_are_the_defaults() -> None:
    values = initial_values(typed_definition())
    assert values.values == {
        "prompt": "a cat",
        "guidance": 3.5,
        "steps": 0,
        "hdr": False,
        "tags": ["a", "b"],
        "scales": [0.5, 1],
        "curve": {"points": [0, 1]},
    }
    assert values.conversion_errors == {}
    assert values.unknown_names == []


def test_initial_raw_is_what_the_form_shows() -> None:
    values = initial_values(typed_definition())
    assert {name: texts for name, texts in values.raw.items() if name != "__resolution"} == {
        "prompt": ["a cat"],
        "guidance": ["3.5"],
        "steps": ["0"],
        "hdr": ["false"],
        "tags": ["a", "b"],
        "scales": ["0.5", "1"],
        "curve": ['{"points": [0, 1]}'],
    }
    assert values.raw_for("tags") == ["a", "b"]
    assert values.raw_for("seed") == []


def test_initial_values_choose_the_resolution_entry() -> None:
    assert initial_values(image_definition()).raw["__resolution"] == ["0"]
    defaults = make_definition(
        [
            {"name": "width", "type": "number", "default": 1344},
            {"name": "height", "type": "number", "default": 768},
        ],
        {"resolutionComponent": IMAGE_UI_CONFIG["resolutionComponent"]},
    )
    initial = initial_values(defaults)
    assert initial.raw["__resolution"] == ["2"]
    assert initial.values == {"width": 1344, "height": 768}


def test_a_default_that_breaks_a_constraint_is_still_a_value() -> None:
    # steps defaults to 0 below its min 1: validation reports it, reading does not.
    assert initial_values(typed_definition()).values["steps"] == 0


# --- JSON (VALUES files, resubmitted jobs) --------------------------------------------


def test_values_from_json() -> None:
    values = values_from_json(
        typed_definition(),
        {
            "prompt": "a dog",
            "seed": 42,
            "guidance": 0.1,
            "hdr": True,
            "tiling": False,
            "tags": [],
            "scales": [2],
            "image": "asset_1",
            "curve": [1, 2],
            "styles": [{"style": "ink", "weight": 0.3}, {"style": "oil"}],
        },
    )
    assert values.values == {
        "prompt": "a dog",
        "seed": 42,
        "guidance": 0.1,
        "hdr": True,
        "tiling": False,
        "scales": [2],
        "image": "asset_1",
        "curve": [1, 2],
        "styles": [{"style": "ink", "weight": 0.3}, {"style": "oil"}],
    }
    assert values.conversion_errors == {}
    assert values.unknown_names == []


def test_values_from_json_lists_unknown_names() -> None:
    values = values_from_json(typed_definition(), {"prompt": "x", "steps2": 3, "Prompt": "y"})
    assert values.values == {"prompt": "x"}
    assert values.unknown_names == ["steps2", "Prompt"]


@pytest.mark.parametrize(
    ("entries", "errors"),
    [
        ({"seed": True}, {"seed": "must be a number"}),
        ({"seed": "many"}, {"seed": "must be a number"}),
        ({"hdr": 2}, {"hdr": "must be true or false"}),
        ({"scales": [1, "x"]}, {"scales": "must be a list of numbers"}),
        ({"styles": [{"weight": "heavy"}]}, {"styles": "row 1: Weight must be a number"}),
    ],
)
def test_values_from_json_wrong_types(entries: dict[str, Any], errors: dict[str, str]) -> None:
    values = values_from_json(typed_definition(), entries)
    assert values.conversion_errors == errors
    assert values.values == {}


def test_values_from_json_leaves_out_undefined_values() -> None:
    values = values_from_json(
        typed_definition(), {"prompt": " ", "tags": [""], "seed": None, "image": ""}
    )
    assert values.values == {}


def test_values_from_json_aligns_loras() -> None:
    values = values_from_json(
        image_definition(), {"loras": ["m1", "m2", "m3"], "lorasScale": [0.5]}
    )
    assert values.values == {"loras": ["m1", "m2", "m3"], "lorasScale": [0.5, 1, 1]}


def test_values_from_json_shows_the_matching_resolution() -> None:
    values = values_from_json(image_definition(), {"width": 1024, "height": 1024})
    assert values.raw["__resolution"] == ["1"]
    assert values.values == {"width": 1024, "height": 1024}


# --- form posts ---------------------------------------------------------------------


def test_values_from_data_types_every_input() -> None:
    data = {
        "prompt": ["a dog"],
        "seed": ["42"],
        "guidance": ["0.3"],
        "steps": ["12.0"],
        "hdr": ["false", "on"],
        "tiling": ["false"],
        "tags": ["x", "", "y"],
        "scales": ["0.5", "2"],
        "image": [" asset_1 "],
        "curve": ['{"a": 1}'],
        "styles.1.style": ["oil"],
        "styles.0.style": ["ink"],
        "styles.0.weight": ["0.3"],
        "unrelated": ["ignored"],
    }
    values = values_from_data(typed_definition(), data)
    assert values.values == {
        "prompt": "a dog",
        "seed": 42,
        "guidance": 0.3,
        "steps": 12,
        "hdr": True,
        "tiling": False,
        "tags": ["x", "y"],
        "scales": [0.5, 2],
        "image": "asset_1",
        "curve": {"a": 1},
        "styles": [{"style": "ink", "weight": 0.3}, {"style": "oil"}],
    }
    assert values.conversion_errors == {}
    assert "unrelated" not in values.raw


def test_values_from_data_keeps_what_cannot_be_converted_for_redisplay() -> None:
    data = {"prompt": ["ok"], "seed": ["12abc"], "hdr": ["maybe"], "curve": ["{oops"]}
    values = values_from_data(typed_definition(), data)
    assert values.values == {"prompt": "ok"}
    assert values.conversion_errors == {
        "seed": "must be a number",
        "hdr": "must be true or false",
        "curve": "must be valid JSON",
    }
    assert values.raw_for("seed") == ["12abc"]
    assert values.raw_for("curve") == ["{oops"]


def test_values_from_data_without_anything_posted() -> None:
    values = values_from_data(typed_definition(), {})
    assert values.values == {}
    assert values.conversion_errors == {}


def test_values_from_data_with_an_empty_inputs_array_row() -> None:
    data = {"styles.0.style": [""], "styles.0.weight": [""], "styles.1.weight": ["0"]}
    assert values_from_data(typed_definition(), data).values == {"styles": [{"weight": 0}]}


@pytest.mark.parametrize(
    ("choice", "width", "height", "expected"),
    [
        ("1", "640", "640", {"width": 1024, "height": 1024}),
        ("2", "", "", {"width": 1344, "height": 768}),
        # Label-only preset ("Auto"): both left out of the request.
        ("0", "1024", "1024", {}),
        ("custom", "640", "512", {"width": 640, "height": 512}),
        ("custom", "", "", {}),
        # A choice that is no preset index counts as custom.
        ("7", "640", "512", {"width": 640, "height": 512}),
        ("auto", "640", "512", {"width": 640, "height": 512}),
    ],
)
def test_values_from_data_resolution(
    choice: str, width: str, height: str, expected: dict[str, int]
) -> None:
    data = {"__resolution": [choice], "width": [width], "height": [height]}
    values = values_from_data(image_definition(), data)
    assert values.values == expected


def test_values_from_data_redisplays_the_resolution_choice() -> None:
    data = {"__resolution": ["custom"], "width": ["1344"], "height": ["768"]}
    assert values_from_data(image_definition(), data).raw["__resolution"] == ["custom"]
    data = {"__resolution": ["0"], "width": ["1344"], "height": ["768"]}
    assert values_from_data(image_definition(), data).raw["__resolution"] == ["0"]


def test_values_from_data_aligns_lora_rows() -> None:
    data = {
        "loras": ["m1", "", "m3", "m4"],
        "lorasScale": ["0.5", "0.7", "", "2"],
    }
    values = values_from_data(image_definition(), data)
    assert values.values == {"loras": ["m1", "m3", "m4"], "lorasScale": [0.5, 1, 2]}
    assert values.raw_for("loras") == ["m1", "m3", "m4"]
    assert values.raw_for("lorasScale") == ["0.5", "1", "2"]


def test_values_from_data_with_only_blank_lora_rows() -> None:
    data = {"loras": ["", ""], "lorasScale": ["0.5", ""]}
    assert values_from_data(image_definition(), data).values == {}


def test_values_from_data_applies_a_chosen_preset() -> None:
    data = {
        "prompt": ["a cat"],
        "numInferenceSteps": ["20"],
        "guidance": ["2"],
        "__apply_preset": ["0"],
        "__preset_0": ["Quality"],
        "__preset_1": ["Classic"],
    }
    values = values_from_data(image_definition(), data)
    # Only group 0 was applied; the other group's picker is kept for redisplay.
    assert values.values == {"prompt": "a cat", "numInferenceSteps": 40, "guidance": 3.5}
    assert values.raw_for("__preset_0") == ["Quality"]
    assert values.raw_for("__preset_1") == ["Classic"]


def test_values_from_data_without_apply_keeps_typed_values() -> None:
    data = {"numInferenceSteps": ["20"], "__preset_0": ["Quality"]}
    assert values_from_data(image_definition(), data).values == {"numInferenceSteps": 20}


def test_form_values_defaults() -> None:
    values = FormValues(raw={}, values={})
    assert values.conversion_errors == {}
    assert values.unknown_names == []
    assert values.raw_for("anything") == []


def test_a_preset_setting_sizes_survives_the_next_post() -> None:
    definition = image_definition(
        presets=[
            {"fields": ["width", "height"], "presets": {"Big": {"width": 2048, "height": 2048}}}
        ]
    )
    first = values_from_data(
        definition, {"__resolution": ["0"], "__apply_preset": ["0"], "__preset_0": ["Big"]}
    )
    assert first.values == {"width": 2048, "height": 2048}
    # The form posts back what it showed, picker included.
    second = values_from_data(definition, first.raw)
    assert second.values == {"width": 2048, "height": 2048}


def test_chosen_files_stand_for_file_inputs_only() -> None:
    definition = make_definition(
        [
            {"name": "image", "type": "file"},
            {"name": "clips", "type": "file_array"},
            {"name": "prompt", "type": "string"},
        ]
    )
    red, blue, green = (Upload(f"{name}.png", 10, "image/png") for name in ("red", "blue", "green"))
    values = values_from_data(
        definition,
        {"image": ["asset_old"], "clips": ["asset_1"], "prompt": ["cat"]},
        {"image": [red, blue], "clips": [green], "prompt": [red], "ghost": [red]},
    )
    # One file replaces a file input's id; files join a file_array's ids.
    assert values.values == {"image": red, "clips": ["asset_1", green], "prompt": "cat"}
