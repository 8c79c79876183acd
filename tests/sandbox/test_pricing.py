from __future__ import annotations

from typing import Any

import pytest

from scenario_ui.sandbox.json_types import JsonValue
from scenario_ui.sandbox.pricing import Cost, price
from scenario_ui.schema import ModelDefinition, parse_definition


def model_with(*inputs: JsonValue) -> ModelDefinition:
    return parse_definition({"id": "model_priced", "type": "custom", "inputs": list(inputs)})


def costly(name: str, input_type: str, **fields: JsonValue) -> JsonValue:
    return {"name": name, "type": input_type, "costImpact": True, **fields}


NUM_OUTPUTS = costly("numOutputs", "number", min=1, max=4, default=1)
QUALITY = costly("quality", "string", allowedValues=["draft", "standard", "high"])


def generation_cost(definition: ModelDefinition, body: dict[str, Any]) -> float:
    return price(definition, body).generation


def test_a_model_without_cost_impacting_inputs_costs_the_base() -> None:
    definition = model_with({"name": "prompt", "type": "string", "costImpact": False})
    cost = price(definition, {"prompt": "a very long prompt " * 200})
    assert cost == Cost(generation=4, quality_gate=1.75)
    assert cost.as_json() == {
        "creativeUnitsCost": 5.75,
        "creativeUnitsDiscount": 0,
        "costDetails": {"custom-generation": 4, "quality-gate": 1.75},
    }


@pytest.mark.parametrize(
    ("outputs", "expected"),
    [(1, Cost(8, 1.75)), (3, Cost(24, 5.25)), (2.5, Cost(24, 5.25)), ("four", Cost(8, 1.75))],
)
def test_num_outputs_multiplies_both_parts(outputs: Any, expected: Cost) -> None:
    definition = model_with(NUM_OUTPUTS, QUALITY)
    assert price(definition, {"numOutputs": outputs, "quality": "high"}) == expected


@pytest.mark.parametrize(
    ("quality", "added"), [("draft", 0), ("standard", 2), ("high", 4), ("ultra", 0), (None, 0)]
)
def test_an_allowed_value_adds_two_per_position(quality: Any, added: float) -> None:
    body = {} if quality is None else {"quality": quality}
    assert generation_cost(model_with(QUALITY), body) == 4 + added


def test_a_missing_or_unreadable_value_falls_back_to_the_default() -> None:
    definition = model_with(costly("quality", "string", allowedValues=["a", "b"], default="b"))
    assert generation_cost(definition, {}) == 6
    assert generation_cost(definition, {"quality": 7}) == 6


@pytest.mark.parametrize(("duration", "added"), [(8, 8), (-1, 4), ("long", 0)])
def test_duration_adds_its_seconds_auto_counting_as_the_shortest(
    duration: Any, added: float
) -> None:
    definition = model_with(costly("duration", "number", allowedValues=[-1, 4, 6, 8]))
    assert generation_cost(definition, {"duration": duration}) == 4 + added


@pytest.mark.parametrize(("steps", "added"), [(1, 0), (26, 2), (50, 4), (500, 4), (-3, 0)])
def test_a_ranged_number_adds_up_to_four_in_proportion(steps: float, added: float) -> None:
    definition = model_with(costly("steps", "number", min=1, max=50))
    assert generation_cost(definition, {"steps": steps}) == 4 + added


def test_numbers_from_a_list_add_per_position() -> None:
    definition = model_with(costly("upscale", "number", allowedValues=[1, 2, 4]))
    assert generation_cost(definition, {"upscale": 4}) == 8


def test_text_adds_one_per_started_thousand_characters() -> None:
    definition = model_with(costly("text", "string"))
    assert generation_cost(definition, {"text": ""}) == 4
    assert generation_cost(definition, {"text": "x" * 1001}) == 6


@pytest.mark.parametrize("input_type", ["file_array", "model_array", "string_array"])
def test_lists_add_one_per_item(input_type: str) -> None:
    definition = model_with(costly("items", input_type))
    assert generation_cost(definition, {"items": ["a", "b", "c"]}) == 7


@pytest.mark.parametrize(
    ("input_type", "value", "added"),
    [
        ("file", "asset_a", 1),
        ("file", "", 0),
        ("model", "model_a", 1),
        ("boolean", True, 1),
        ("boolean", False, 0),
        ("boolean", "yes", 0),
    ],
)
def test_files_models_and_true_booleans_add_one(input_type: str, value: Any, added: float) -> None:
    assert generation_cost(model_with(costly("x", input_type)), {"x": value}) == 4 + added


def test_inputs_that_do_not_impact_cost_add_nothing() -> None:
    definition = model_with(
        {"name": "quality", "type": "string", "allowedValues": ["draft", "high"]},
        {"name": "numOutputs", "type": "number", "costImpact": False},
    )
    assert price(definition, {"quality": "high", "numOutputs": 4}) == Cost(4, 1.75)
