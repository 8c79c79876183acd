"""Truth tables over what each rule reads, computed by the engine's own evaluator."""

from __future__ import annotations

from typing import Any

from scenario_ui.authoring.rules_explorer import MOST_ROWS, explore_rules, read_names
from scenario_ui.forms import evaluate, initial_values, values_from_json
from scenario_ui.schema import parse_definition

DEFINITION = parse_definition(
    {
        "id": "m",
        "inputs": [
            {"name": "prompt", "type": "string", "required": {"always": True}},
            {"name": "mask", "type": "file", "label": "Mask"},
            {"name": "mode", "type": "string", "allowedValues": ["txt", "img", "inp"]},
            {"name": "strength", "type": "number", "min": 0, "max": 1},
            {"name": "upscale", "type": "boolean"},
            {
                "name": "image",
                "type": "file",
                "label": "Reference",
                "required": {"ifDefined": {"mask": {"message": "Needs a reference."}}},
            },
            {
                "name": "guide",
                "type": "file",
                "required": {
                    "conditional": {
                        "values": {"mode": ["img", "inp"], "strength": ["0.5"]},
                        "operator": "and",
                    }
                },
            },
            {
                "name": "factor",
                "type": "number",
                "required": {"conditionalValues": {"upscale": [True]}},
            },
            {
                "name": "implied",
                "type": "number",
                "required": {"when": {"inferenceType": ["img2img"]}},
            },
        ],
    }
)


def explored(values: dict[str, Any]) -> dict[str, Any]:
    typed = values_from_json(DEFINITION, values).values
    return {item.name: item for item in explore_rules(DEFINITION, typed)}


def table(item: Any) -> list[tuple[list[str], bool]]:
    return [(row.states, row.required) for row in item.rows]


def test_if_defined_gives_set_and_not_set() -> None:
    image = explored({})["image"]

    assert [c.label for c in image.conditions] == ["Mask"]
    assert table(image) == [(["set"], True), (["not set"], False)]
    assert image.words.summary == "Required when Mask is set."


def test_listed_values_another_value_and_not_set_combine() -> None:
    guide = explored({})["guide"]

    assert [c.states for c in guide.conditions] == [
        ["img", "inp", "another value", "not set"],
        ["0.5", "another value", "not set"],
    ]
    assert [row.states for row in guide.rows if row.required] == [["img", "0.5"], ["inp", "0.5"]]
    assert guide.combinations == len(guide.rows) == 12


def test_a_boolean_listed_value_has_its_opposite_as_another_value() -> None:
    factor = explored({})["factor"]

    assert table(factor) == [(["true"], True), (["another value"], False), (["not set"], False)]


def test_the_row_of_the_preview_values_is_marked_and_required_now_agrees() -> None:
    values = {"mask": "asset_m", "mode": "inp", "strength": 0.5, "upscale": False}
    found = explored(values)
    engine_says = evaluate(DEFINITION, values_from_json(DEFINITION, values)).required

    assert [row.states for row in found["image"].rows if row.is_now] == [["set"]]
    assert [row.states for row in found["guide"].rows if row.is_now] == [["inp", "0.5"]]
    assert [row.states for row in found["factor"].rows if row.is_now] == [["another value"]]
    for name, item in found.items():
        assert item.required_now == (name in engine_says), name
    assert found["image"].message_now == "Needs a reference."


def test_every_row_agrees_with_the_engine_on_real_values() -> None:
    """Each row's verdict is what the form would say for a form holding that row's values."""
    guide = explored({})["guide"]
    for row in guide.rows:
        sample = {
            condition.name: condition.samples[condition.states.index(state)]
            for condition, state in zip(guide.conditions, row.states, strict=True)
        }
        sample = {name: value for name, value in sample.items() if value is not None}
        form_says = evaluate(DEFINITION, values_from_json(DEFINITION, sample)).required
        assert ("guide" in form_says) == row.required, row.states


def test_an_implied_mode_is_never_set_by_the_form() -> None:
    implied = explored({})["implied"]

    assert table(implied) == [(["img2img"], True), (["another value"], False), (["not set"], False)]
    assert [row.states for row in implied.rows if row.is_now] == [["not set"]]


def test_inputs_without_rules_read_nothing() -> None:
    assert explored({})["mode"].rows == []
    assert read_names(DEFINITION.inputs[0]) == {}


def test_big_tables_are_cut_and_counted() -> None:
    names = [f"in{i}" for i in range(6)]
    definition = parse_definition(
        {
            "id": "m",
            "inputs": [
                *({"name": name, "type": "file"} for name in names),
                {"name": "t", "type": "file", "required": {"ifDefined": {n: {} for n in names}}},
            ],
        }
    )
    [item] = [i for i in explore_rules(definition, initial_values(definition).values) if i.rows]

    assert item.combinations == 64
    assert len(item.rows) == MOST_ROWS
    assert item.truncated == 32
