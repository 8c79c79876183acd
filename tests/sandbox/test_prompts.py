from __future__ import annotations

from scenario_ui.sandbox.prompts import main_parameters, main_prompt
from scenario_ui.schema import parse_definition

DEFINITION = parse_definition(
    {
        "id": "model_words",
        "inputs": [
            {"name": "seed", "type": "number"},
            {"name": "instruction", "type": "string", "prompt": True},
            {"name": "negativePrompt", "type": "string", "prompt": True},
            {"name": "style", "type": "string"},
            {"name": "tiled", "type": "boolean"},
            {"name": "image", "type": "file"},
            {"name": "tags", "type": "string_array"},
        ],
    }
)


def test_the_main_prompt_is_the_first_prompt_input_with_text() -> None:
    body = {"instruction": "  a cabin  ", "negativePrompt": "blur"}
    assert main_prompt(DEFINITION, body) == "a cabin"
    assert main_prompt(DEFINITION, {"instruction": " ", "negativePrompt": "blur"}) == "blur"


def test_without_prompt_inputs_a_prompt_field_still_counts() -> None:
    bare = parse_definition({"id": "model_bare", "inputs": []})
    assert main_prompt(bare, {"prompt": "hello "}) == "hello"
    assert main_prompt(bare, {}) == ""


def test_parameters_are_short_non_prompt_values_in_definition_order() -> None:
    body = {
        "tags": ["a"],
        "tiled": True,
        "style": "watercolour",
        "image": "asset_aVeryLongAssetIdentifier00",
        "instruction": "a cabin",
        "seed": 42,
    }
    assert main_parameters(DEFINITION, body) == ["seed: 42", "style: watercolour", "tiled: true"]


def test_at_most_six_parameters() -> None:
    many = parse_definition(
        {"id": "model_many", "inputs": [{"name": f"n{i}", "type": "number"} for i in range(9)]}
    )
    assert len(main_parameters(many, {f"n{i}": i for i in range(9)})) == 6
