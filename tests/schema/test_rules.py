from __future__ import annotations

import pytest
from pydantic import ValidationError

from scenario_ui.schema.rules import (
    RULE_OPERATORS,
    ConditionalRule,
    ConditionalValue,
    RequiredRules,
    RuleMessage,
)


def test_no_rules_means_nothing_set() -> None:
    rules = RequiredRules.model_validate({})

    assert rules.always is None
    assert rules.if_defined == {}
    assert rules.if_not_defined == {}
    assert rules.conditional_values == {}
    assert rules.conditional is None
    assert rules.when == {}


def test_always() -> None:
    assert RequiredRules.model_validate({"always": True}).always is True


def test_if_defined_keeps_the_message_per_input() -> None:
    rules = RequiredRules.model_validate(
        {"ifDefined": {"mask": {"message": "A reference image is required with a mask."}}}
    )

    assert rules.if_defined == {
        "mask": RuleMessage(message="A reference image is required with a mask.")
    }


def test_if_not_defined_keeps_the_message_per_input() -> None:
    rules = RequiredRules.model_validate(
        {"ifNotDefined": {"characterFile": {"message": "Provide an image or a 3D model."}}}
    )

    assert rules.if_not_defined["characterFile"].message == "Provide an image or a 3D model."


def test_rule_message_may_be_absent() -> None:
    assert (
        RequiredRules.model_validate({"ifDefined": {"mask": {}}}).if_defined["mask"].message is None
    )


def test_conditional_values_as_an_object_with_operator() -> None:
    rules = RequiredRules.model_validate(
        {"conditionalValues": {"mode": {"values": ["edit", "inpaint"], "operator": "in"}}}
    )

    assert rules.conditional_values == {
        "mode": ConditionalValue(values=["edit", "inpaint"], operator="in")
    }


def test_conditional_values_as_a_bare_list() -> None:
    rules = RequiredRules.model_validate({"conditionalValues": {"numOutputs": [2, 4]}})

    assert rules.conditional_values["numOutputs"].values == [2, 4]
    assert rules.conditional_values["numOutputs"].operator is None


def test_conditional_value_rejects_other_shapes_naming_both_accepted_ones() -> None:
    with pytest.raises(ValidationError) as raised:
        ConditionalValue.model_validate("edit")

    (error,) = raised.value.errors()
    assert error["msg"] == 'must be a list of values or an object with "values", got "edit"'


def test_conditional_with_explicit_operator() -> None:
    rules = RequiredRules.model_validate(
        {"conditional": {"values": {"mode": ["edit"], "strength": [0.5, 1]}, "operator": "or"}}
    )

    assert rules.conditional == ConditionalRule(
        values={"mode": ["edit"], "strength": [0.5, 1]}, operator="or"
    )


def test_conditional_operator_defaults_to_and() -> None:
    rule = ConditionalRule.model_validate({"values": {"mode": ["edit"]}})

    assert rule.operator == "and"


def test_conditional_rejects_an_unknown_operator_listing_the_valid_ones() -> None:
    with pytest.raises(ValidationError) as raised:
        ConditionalRule.model_validate({"values": {}, "operator": "xor"})

    (error,) = raised.value.errors()
    assert error["loc"] == ("operator",)
    assert error["msg"] == 'must be one of: and, or; got "xor"'
    assert RULE_OPERATORS == ("and", "or")


def test_when_keeps_keys_that_are_not_inputs() -> None:
    rules = RequiredRules.model_validate({"when": {"inferenceType": ["img2img"]}})

    assert rules.when == {"inferenceType": ["img2img"]}


def test_unknown_rules_are_kept_as_extra() -> None:
    rules = RequiredRules.model_validate({"always": False, "ifEmpty": {"x": {}}})

    assert rules.model_extra == {"ifEmpty": {"x": {}}}


def test_all_rules_together() -> None:
    rules = RequiredRules.model_validate(
        {
            "always": False,
            "ifDefined": {"a": {"message": "m1"}},
            "ifNotDefined": {"b": {"message": "m2"}},
            "conditionalValues": {"c": ["x"]},
            "conditional": {"values": {"d": [1]}},
            "when": {"e": [True]},
        }
    )

    assert rules.always is False
    assert rules.if_defined["a"].message == "m1"
    assert rules.if_not_defined["b"].message == "m2"
    assert rules.conditional_values["c"].values == ["x"]
    assert rules.conditional == ConditionalRule(values={"d": [1]})
    assert rules.when == {"e": [True]}
