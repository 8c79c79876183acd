from __future__ import annotations

from typing import Annotated, Literal

import pytest
from pydantic import BaseModel, ValidationError

from scenario_ui.schema.scalars import (
    NOT_ONE_OF_ERROR,
    WRONG_VALUE_ERROR,
    Count,
    Number,
    describe_value,
    json_value_problem,
    one_of,
    wrong_value,
)


class Sample(BaseModel):
    # mypy cannot pass an Annotated union to TypeAdapter, so a model stands in.
    number: Number | None = None
    count: Count | None = None
    size: Annotated[Literal["small", "large"], one_of(("small", "large"))] | None = None


def validate_field(field: str, value: object) -> object:
    return getattr(Sample.model_validate({field: value}), field)


@pytest.mark.parametrize(
    ("value", "described"),
    [
        ("abc", '"abc"'),
        (5, "5"),
        (2.5, "2.5"),
        (True, "true"),
        (None, "null"),
        ({"a": 1}, "an object"),
        ([1, 2], "a list"),
        ("é", '"é"'),
    ],
)
def test_describe_value_uses_json_terms(value: object, described: str) -> None:
    assert describe_value(value) == described


def test_describe_value_shortens_long_values() -> None:
    described = describe_value("x" * 200)

    assert len(described) == 60
    assert described.endswith("...")


def test_describe_value_falls_back_to_repr_for_non_json_values() -> None:
    assert describe_value({1, 2}) == "{1, 2}"


def test_wrong_value_phrases_expectation_and_value() -> None:
    error = wrong_value("must be a number", "abc")

    assert error.type == WRONG_VALUE_ERROR
    assert error.message() == 'must be a number, got "abc"'


@pytest.mark.parametrize("value", [0, -1, 23.976, 2147483647])
def test_number_accepts_ints_and_floats_unchanged(value: float) -> None:
    validated = validate_field("number", value)

    assert validated == value
    assert type(validated) is type(value)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("5", 'must be a number, got "5"'),
        (True, "must be a number, got true"),
        ([1], "must be a number, got a list"),
    ],
)
def test_number_rejects_everything_else(value: object, message: str) -> None:
    with pytest.raises(ValidationError) as raised:
        validate_field("number", value)

    (error,) = raised.value.errors()
    assert (error["type"], error["msg"]) == (WRONG_VALUE_ERROR, message)


@pytest.mark.parametrize(("value", "count"), [(0, 0), (6, 6), (6.0, 6)])
def test_count_accepts_whole_numbers_from_zero(value: float, count: int) -> None:
    validated = validate_field("count", value)

    assert validated == count
    assert type(validated) is int


@pytest.mark.parametrize("value", [-1, 2.5, "3", False])
def test_count_rejects_negative_fractional_and_non_numbers(value: object) -> None:
    with pytest.raises(ValidationError) as raised:
        validate_field("count", value)

    (error,) = raised.value.errors()
    assert error["msg"] == f"must be a whole number of 0 or more, got {describe_value(value)}"


def test_one_of_accepts_a_listed_option() -> None:
    assert validate_field("size", "large") == "large"


@pytest.mark.parametrize("value", ["medium", 1])
def test_one_of_names_every_option_when_it_fails(value: object) -> None:
    with pytest.raises(ValidationError) as raised:
        validate_field("size", value)

    (error,) = raised.value.errors()
    assert error["type"] == NOT_ONE_OF_ERROR
    assert error["msg"] == f"must be one of: small, large; got {describe_value(value)}"


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (float("nan"), "must be a finite number within ±1.8e308, got NaN"),
        (float("inf"), "must be a finite number within ±1.8e308, got Infinity"),
        (-(10**400), "must be a finite number within ±1.8e308, got a number of 401 digits"),
    ],
)
def test_number_rejects_what_no_client_can_hold(value: object, message: str) -> None:
    with pytest.raises(ValidationError) as raised:
        validate_field("number", value)

    (error,) = raised.value.errors()
    assert (error["type"], error["msg"]) == (WRONG_VALUE_ERROR, message)


def test_count_rejects_more_than_a_double_holds_exactly() -> None:
    assert validate_field("count", 2**53 - 1) == 2**53 - 1
    with pytest.raises(ValidationError) as raised:
        validate_field("count", 10**400)

    (error,) = raised.value.errors()
    assert error["msg"] == (
        "must be a whole number of at most 9007199254740991, got a number of 401 digits"
    )


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ({"a": [1, 2.5, "x", None, True]}, ""),
        ([1, {"b": float("nan")}], "holds NaN, not a finite number within ±1.8e308"),
        (10**309, "holds a number of 310 digits, not a finite number within ±1.8e308"),
        ([[[]]], ""),
    ],
)
def test_json_value_problem(value: object, problem: str) -> None:
    assert json_value_problem(value) == problem


def test_json_nested_too_deeply_cannot_be_sent() -> None:
    value: object = "leaf"
    for _ in range(65):
        value = [value]
    assert json_value_problem(value) == "is nested deeper than 64 levels"
