"""`required` rules in plain words, named as the form names inputs and values."""

from __future__ import annotations

from typing import Any

import pytest

from scenario_ui.authoring.rule_words import InputIndex, describe_rules, shown_value
from scenario_ui.schema import parse_definition


def words(*inputs: dict[str, Any], selects: dict[str, Any] | None = None, name: str = "target"):
    definition = parse_definition(
        {"id": "m", "inputs": list(inputs), "uiConfig": {"selects": selects or {}}}
    )
    spec = definition.input_named(name)
    assert spec is not None
    return describe_rules(InputIndex(definition), spec)


MASK = {"name": "mask", "type": "file", "label": "Mask"}
MODE = {"name": "mode", "type": "string", "label": "Mode", "allowedValues": ["txt", "img", "inp"]}


def target(required: dict[str, Any]) -> dict[str, Any]:
    return {"name": "target", "type": "file", "label": "Reference", "required": required}


def test_no_rule_is_optional_and_always_is_always() -> None:
    assert words({"name": "target", "type": "string"}).summary == "Optional."
    assert words(target({"always": True})).summary == "Always required."
    assert words(target({})).summary == "Optional."


def test_if_defined_reads_as_set_with_the_rules_message() -> None:
    described = words(MASK, target({"ifDefined": {"mask": {"message": "Needs a reference."}}}))

    assert described.summary == "Required when Mask is set."
    assert described.messages == ["Needs a reference."]


def test_mirrored_if_not_defined_reads_as_one_of() -> None:
    character_model = {
        "name": "target",
        "type": "model",
        "label": "Character Model",
        "required": {"ifNotDefined": {"file": {}}},
    }
    character_file = {
        "name": "file",
        "type": "file",
        "label": "Character File",
        "required": {"ifNotDefined": {"target": {}}},
    }

    assert words(character_model, character_file).summary == (
        "One of Character Model or Character File is required."
    )


def test_a_one_sided_if_not_defined_reads_as_empty() -> None:
    assert words(MASK, target({"ifNotDefined": {"mask": {}}})).summary == (
        "Required when Mask is empty."
    )


def test_listed_values_use_select_labels() -> None:
    described = words(
        MODE,
        target({"conditionalValues": {"mode": ["img", "inp"]}}),
        selects={"mode": {"img": "Image to image"}},
    )

    assert described.summary == "Required when Mode is Image to image (img) or inp."


@pytest.mark.parametrize(("operator", "joined"), [("and", "and"), ("or", "or")])
def test_conditional_joins_with_its_operator(operator: str, joined: str) -> None:
    rule = {"conditional": {"values": {"mode": ["img"], "mask": ["a"]}, "operator": operator}}

    assert words(MODE, MASK, target(rule)).summary == (
        f"Required when Mode is img {joined} Mask is a."
    )


def test_when_on_an_implied_mode_says_so() -> None:
    described = words(target({"when": {"inferenceType": ["img2img"]}}))

    assert described.summary == "Required when inferenceType is img2img."
    assert described.notes == [
        "inferenceType is not an input of this model: a mode the API implies, "
        "never set by the form."
    ]


def test_several_rules_any_of_which_suffices() -> None:
    rule = {"ifDefined": {"mask": {}}, "conditionalValues": {"mode": ["inp"]}}

    assert words(MASK, MODE, target(rule)).summary == (
        "Required when Mask is set, or when Mode is inp."
    )


def test_numbers_and_booleans_show_as_json() -> None:
    definition = parse_definition({"id": "m", "uiConfig": {"selects": {"n": {"-1": "Auto"}}}})

    inputs = InputIndex(definition)
    assert shown_value(inputs, "n", -1) == "Auto (-1)"
    assert shown_value(inputs, "flag", True) == "true"
