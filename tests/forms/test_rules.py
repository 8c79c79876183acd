from __future__ import annotations

from typing import Any

import pytest

from scenario_ui.forms import rules
from scenario_ui.forms.fields import field_for
from scenario_ui.forms.plan import plan_for
from scenario_ui.forms.rules import Requirement, holds_one_of
from scenario_ui.schema import ModelDefinition
from tests.forms.conftest import make_definition


def required_inputs(definition: ModelDefinition, values: dict[str, Any]) -> dict[str, Requirement]:
    """The rules of every input of `definition`, evaluated by their plug-ins."""
    return rules.required_inputs(plan_for(definition).fields, values)


MASK_MESSAGE = "A reference image is required when a mask is provided."
ONE_OF_MESSAGE = "Provide a reference image or a 3D model."


def required_names(definition: ModelDefinition, values: dict[str, Any]) -> list[str]:
    return list(required_inputs(definition, values))


# --- always -------------------------------------------------------------------


def always_definition() -> ModelDefinition:
    return make_definition(
        [
            {"name": "prompt", "type": "string", "required": {"always": True}},
            {"name": "negativePrompt", "type": "string", "required": {"always": False}},
            {"name": "seed", "type": "number"},
            {"name": "style", "type": "string", "required": {}},
        ]
    )


@pytest.mark.parametrize("values", [{}, {"prompt": "a cat"}, {"seed": 3}])
def test_always(values: dict[str, Any]) -> None:
    assert required_inputs(always_definition(), values) == {"prompt": Requirement()}


def test_requirement_without_message() -> None:
    assert required_inputs(always_definition(), {})["prompt"].message is None


# --- ifDefined ----------------------------------------------------------------


def if_defined_definition() -> ModelDefinition:
    return make_definition(
        [
            {
                "name": "referenceImages",
                "type": "file_array",
                "required": {"ifDefined": {"mask": {"message": MASK_MESSAGE}}},
            },
            {"name": "mask", "type": "file"},
            {"name": "flag", "type": "boolean"},
            {"name": "count", "type": "number"},
            {"name": "tags", "type": "string_array"},
            {
                "name": "detail",
                "type": "string",
                "required": {"ifDefined": {"flag": {}, "count": {}, "tags": {}}},
            },
        ]
    )


def test_if_defined_holds_with_the_rules_message() -> None:
    assert required_inputs(if_defined_definition(), {"mask": "asset_1"}) == {
        "referenceImages": Requirement(MASK_MESSAGE)
    }


@pytest.mark.parametrize("mask", [None, "", "   ", []])
def test_if_defined_does_not_hold_when_undefined(mask: Any) -> None:
    assert required_inputs(if_defined_definition(), {"mask": mask}) == {}


@pytest.mark.parametrize(
    ("values", "required"),
    [
        ({"flag": False}, True),
        ({"flag": True}, True),
        ({"count": 0}, True),
        ({"tags": ["a"]}, True),
        ({"tags": []}, False),
        ({"flag": None, "count": None}, False),
        ({}, False),
    ],
)
def test_if_defined_false_and_zero_are_defined(values: dict[str, Any], required: bool) -> None:
    expected = {"detail": Requirement()} if required else {}
    assert required_inputs(if_defined_definition(), values) == expected


# --- ifNotDefined: "one of A or B" ----------------------------------------------


def one_of_definition() -> ModelDefinition:
    return make_definition(
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


def test_if_not_defined_neither_given_requires_both() -> None:
    assert required_inputs(one_of_definition(), {"characterFile": " "}) == {
        "characterModel": Requirement(ONE_OF_MESSAGE),
        "characterFile": Requirement(ONE_OF_MESSAGE),
    }


@pytest.mark.parametrize(
    ("values", "required"),
    [
        ({"characterFile": "asset_1"}, ["characterFile"]),
        ({"characterModel": "asset_2"}, ["characterModel"]),
        ({"characterFile": "asset_1", "characterModel": "asset_2"}, []),
    ],
)
def test_if_not_defined_one_given(values: dict[str, Any], required: list[str]) -> None:
    # The one given is still required: its partner is not defined.
    assert required_names(one_of_definition(), values) == required


@pytest.mark.parametrize(
    ("values", "required"),
    [
        ({}, Requirement("Give a.")),
        ({"a": "x"}, Requirement("Give b.")),
        ({"b": "y"}, Requirement("Give a.")),
        ({"a": "x", "b": "y"}, None),
    ],
)
def test_a_multi_key_if_not_defined_holds_when_any_named_input_is_missing(
    values: dict[str, Any], required: Requirement | None
) -> None:
    # The documented reading (rules.py): each key is its own rule; the first that holds speaks.
    definition = make_definition(
        [
            {"name": "a", "type": "string"},
            {"name": "b", "type": "string"},
            {
                "name": "c",
                "type": "string",
                "required": {
                    "ifNotDefined": {"a": {"message": "Give a."}, "b": {"message": "Give b."}}
                },
            },
        ]
    )
    assert required_inputs(definition, values).get("c") == required


# --- conditionalValues ------------------------------------------------------------


def conditional_values_definition() -> ModelDefinition:
    return make_definition(
        [
            {"name": "controlModality", "type": "string", "allowedValues": ["canny", "depth"]},
            {"name": "numOutputs", "type": "number", "min": 1, "max": 4, "step": 1},
            {"name": "hdr", "type": "boolean"},
            {
                "name": "controlImage",
                "type": "file",
                "required": {"conditionalValues": {"controlModality": ["canny", "depth"]}},
            },
            {
                "name": "gridLayout",
                "type": "string",
                "required": {"conditionalValues": {"numOutputs": {"values": ["2", "4"]}}},
            },
            {
                "name": "exposure",
                "type": "number",
                "required": {"conditionalValues": {"hdr": {"values": ["true"]}}},
            },
        ]
    )


@pytest.mark.parametrize(
    ("values", "required"),
    [
        ({"controlModality": "canny"}, ["controlImage"]),
        ({"controlModality": "depth"}, ["controlImage"]),
        ({"controlModality": "pose"}, []),
        ({"controlModality": "Canny"}, []),
        ({}, []),
        # "2" in the rule is coerced to the number input's type.
        ({"numOutputs": 2}, ["gridLayout"]),
        ({"numOutputs": 4.0}, ["gridLayout"]),
        ({"numOutputs": 3}, []),
        ({"numOutputs": "2"}, []),
        # "true" in the rule is coerced to the boolean input's type.
        ({"hdr": True}, ["exposure"]),
        ({"hdr": False}, []),
        ({"hdr": "true"}, []),
    ],
)
def test_conditional_values(values: dict[str, Any], required: list[str]) -> None:
    assert required_names(conditional_values_definition(), values) == required


# --- conditional {values, operator} --------------------------------------------------


def conditional_definition(operator: str | None) -> ModelDefinition:
    rule: dict[str, Any] = {"values": {"mode": ["img2img", "inpaint"], "steps": ["1"]}}
    if operator is not None:
        rule["operator"] = operator
    return make_definition(
        [
            {"name": "mode", "type": "string"},
            {"name": "steps", "type": "number", "min": 1, "max": 50, "step": 1},
            {"name": "image", "type": "file", "required": {"conditional": rule}},
        ]
    )


@pytest.mark.parametrize(
    ("values", "required"),
    [
        ({"mode": "img2img", "steps": 1}, True),
        ({"mode": "inpaint", "steps": 1}, True),
        ({"mode": "img2img", "steps": 2}, False),
        ({"mode": "txt2img", "steps": 1}, False),
        ({"mode": "img2img"}, False),
        ({}, False),
    ],
)
@pytest.mark.parametrize("operator", ["and", None])
def test_conditional_and(values: dict[str, Any], required: bool, operator: str | None) -> None:
    # "and" is the default operator.
    expected = ["image"] if required else []
    assert required_names(conditional_definition(operator), values) == expected


@pytest.mark.parametrize(
    ("values", "required"),
    [
        ({"mode": "img2img", "steps": 1}, True),
        ({"mode": "img2img", "steps": 2}, True),
        ({"mode": "txt2img", "steps": 1}, True),
        ({"steps": 1}, True),
        ({"mode": "txt2img", "steps": 2}, False),
        ({}, False),
    ],
)
def test_conditional_or(values: dict[str, Any], required: bool) -> None:
    expected = ["image"] if required else []
    assert required_names(conditional_definition("or"), values) == expected


def test_conditional_with_no_values_never_holds() -> None:
    definition = make_definition(
        [{"name": "image", "type": "file", "required": {"conditional": {"values": {}}}}]
    )
    assert required_inputs(definition, {}) == {}


# --- when (undocumented) ---------------------------------------------------------


def when_definition() -> ModelDefinition:
    return make_definition(
        [
            {"name": "image", "type": "file"},
            {"name": "quality", "type": "string"},
            {
                "name": "strength",
                "type": "number",
                "min": 0,
                "max": 1,
                "step": 0.01,
                "required": {"when": {"inferenceType": ["img2img"]}},
            },
            {
                "name": "detail",
                "type": "number",
                "required": {"when": {"quality": ["high", "ultra"], "inferenceType": ["img2img"]}},
            },
        ]
    )


@pytest.mark.parametrize(
    ("values", "required"),
    [
        # inferenceType is an implied mode, not an input: compared as given.
        ({"inferenceType": "img2img"}, ["strength"]),
        ({"inferenceType": "txt2img"}, []),
        ({"image": "asset_1"}, []),
        ({}, []),
        # Every key of `when` must hold.
        ({"inferenceType": "img2img", "quality": "ultra"}, ["strength", "detail"]),
        ({"inferenceType": "txt2img", "quality": "ultra"}, []),
        ({"quality": "high"}, []),
    ],
)
def test_when(values: dict[str, Any], required: list[str]) -> None:
    assert required_names(when_definition(), values) == required


# --- rules naming inputs the model does not declare ----------------------------------


def ghost_definition() -> ModelDefinition:
    return make_definition(
        [
            {"name": "a", "type": "string", "required": {"ifDefined": {"ghost": {}}}},
            {"name": "b", "type": "string", "required": {"conditionalValues": {"ghost": ["1"]}}},
            {
                "name": "c",
                "type": "string",
                "required": {"conditional": {"values": {"ghost": ["x"]}, "operator": "or"}},
            },
            {"name": "d", "type": "string", "required": {"when": {"ghost": [True]}}},
            {
                "name": "e",
                "type": "string",
                "required": {"ifNotDefined": {"ghost": {"message": "Give e."}}},
            },
        ]
    )


def test_rules_naming_a_missing_input_do_not_crash() -> None:
    # The request can never define "ghost", so only ifNotDefined holds, as the API would see it.
    assert required_inputs(ghost_definition(), {"a": "x"}) == {"e": Requirement("Give e.")}


def test_rules_naming_a_missing_input_compare_values_as_given() -> None:
    assert required_names(ghost_definition(), {"ghost": "1"}) == ["a", "b"]
    assert required_names(ghost_definition(), {"ghost": 1}) == ["a"]
    assert required_names(ghost_definition(), {"ghost": True}) == ["a", "d"]


# --- several rules: any one suffices, the first that holds speaks ----------------------


def test_any_rule_suffices() -> None:
    definition = make_definition(
        [
            {"name": "mask", "type": "file"},
            {"name": "mode", "type": "string"},
            {
                "name": "image",
                "type": "file",
                "required": {
                    "ifDefined": {"mask": {"message": MASK_MESSAGE}},
                    "conditionalValues": {"mode": ["img2img"]},
                },
            },
        ]
    )
    assert required_inputs(definition, {"mode": "img2img"}) == {"image": Requirement()}
    assert required_inputs(definition, {"mask": "a", "mode": "img2img"}) == {
        "image": Requirement(MASK_MESSAGE)
    }
    assert required_inputs(definition, {"mode": "txt2img"}) == {}


# --- holds_one_of: coercion and typed comparison ----------------------------------------


def typed_definition() -> ModelDefinition:
    return make_definition(
        [
            {"name": "count", "type": "number"},
            {"name": "ratio", "type": "number", "step": 0.1},
            {"name": "flag", "type": "boolean"},
            {"name": "tags", "type": "string_array"},
            {"name": "scales", "type": "number_array"},
            {"name": "text", "type": "string"},
            {"name": "json", "type": "bezier"},
        ]
    )


@pytest.mark.parametrize(
    ("name", "value", "options", "holds"),
    [
        ("count", 1, ["1"], True),
        ("count", 1, [1], True),
        ("count", 1.0, ["1"], True),
        ("count", 1, ["1.0"], True),
        ("count", 2, ["1"], False),
        ("count", 1, ["one"], False),
        # A boolean never equals a number, in either direction.
        ("count", 1, [True], False),
        ("count", 0, [False], False),
        ("flag", True, [1], False),
        ("flag", False, [0], False),
        ("flag", True, ["true"], True),
        ("flag", True, [True], True),
        ("flag", False, ["false"], True),
        ("flag", False, [False], True),
        ("flag", False, ["true"], False),
        ("flag", True, ["maybe"], False),
        ("ratio", 0.3, ["0.3"], True),
        ("ratio", 0.3, ["0.30"], True),
        # Any item of a list value matches.
        ("tags", ["a", "b"], ["b"], True),
        ("tags", ["a", "b"], ["c"], False),
        ("scales", [0.5, 1], ["1"], True),
        ("scales", [0.5, 1], ["2"], False),
        ("text", "1", ["1"], True),
        ("text", "1", [1], False),
        ("json", {"x": 1}, ['{"x": 1}'], True),
        ("json", 5, ["5"], True),
        # Nothing held holds nothing, not even an empty option.
        ("text", None, [""], False),
        ("text", "", [""], False),
        ("tags", [], ["a"], False),
    ],
)
def test_holds_one_of(name: str, value: Any, options: list[Any], holds: bool) -> None:
    definition = typed_definition()
    inputs = {spec.name: field_for(spec) for spec in definition.inputs}
    assert holds_one_of(name, options, {name: value}, inputs) is holds
