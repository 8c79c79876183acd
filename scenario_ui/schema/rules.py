"""The `required` rules of an input, as data only.

Deciding whether a rule holds for given form values is the forms' job; this
module only says what the rules are.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal, get_args

from pydantic import Field, model_validator

from scenario_ui.schema.base import SchemaModel
from scenario_ui.schema.scalars import one_of, wrong_value

RuleOperator = Literal["and", "or"]
RULE_OPERATORS: tuple[str, ...] = get_args(RuleOperator)


class RuleMessage(SchemaModel):
    """`{"message": "..."}`: what to tell the user when the rule makes the input required."""

    message: str | None = None


class ConditionalValue(SchemaModel):
    """One `conditionalValues` entry: the values of the named input that trigger the rule.

    The reference documents an object with an operation; a bare list of values
    is accepted as shorthand for the same thing.
    """

    values: list[Any]
    operator: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _accept_bare_list(cls, data: object) -> object:
        if isinstance(data, list):
            return {"values": data}
        if isinstance(data, dict | ConditionalValue):
            return data
        raise wrong_value('must be a list of values or an object with "values"', data)


class ConditionalRule(SchemaModel):
    """`conditional`: required when the named inputs hold one of the listed values.

    `and` means every condition must match, `or` that any one suffices.
    """

    values: dict[str, list[Any]]
    operator: Annotated[RuleOperator, one_of(RULE_OPERATORS)] = "and"


class RequiredRules(SchemaModel):
    """When an input is required. With no rule set, it is optional."""

    always: bool | None = None
    if_defined: dict[str, RuleMessage] = Field(default_factory=dict, alias="ifDefined")
    if_not_defined: dict[str, RuleMessage] = Field(default_factory=dict, alias="ifNotDefined")
    conditional_values: dict[str, ConditionalValue] = Field(
        default_factory=dict, alias="conditionalValues"
    )
    conditional: ConditionalRule | None = None
    # Seen in real records though undocumented; keys may name an implied mode
    # such as `inferenceType` rather than a declared input.
    when: dict[str, list[Any]] = Field(default_factory=dict)
