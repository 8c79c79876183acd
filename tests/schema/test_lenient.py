from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from pydantic_core import ErrorDetails

from scenario_ui.schema.lenient import (
    describe_error,
    problem_from_error,
    validate_dropping_invalid_fields,
)
from scenario_ui.schema.problems import DefinitionProblem
from scenario_ui.schema.scalars import Number, one_of


class Part(BaseModel):
    model_config = ConfigDict(strict=True)
    label: str


class Sample(BaseModel):
    model_config = ConfigDict(strict=True, extra="allow", populate_by_name=True)
    name: str
    max_size: Number | None = Field(default=None, alias="maxSize")
    tags: list[str] = Field(default_factory=list)
    part: Part | None = None
    mode: Annotated[Literal["fast", "slow"], one_of(("fast", "slow"))] = "fast"
    ratio: float = Field(default=1.0, gt=0)
    sizes: dict[str, int] = Field(default_factory=dict)


def errors_of(data: dict[str, object]) -> list[ErrorDetails]:
    try:
        Sample.model_validate(data)
    except ValidationError as error:
        return error.errors()
    raise AssertionError("expected a validation error")


def test_valid_data_gives_no_problems() -> None:
    sample, problems = validate_dropping_invalid_fields(
        Sample, {"name": "a", "maxSize": 10}, "/inputs/0"
    )

    assert sample == Sample(name="a", max_size=10)
    assert problems == []


def test_invalid_fields_are_dropped_and_the_rest_kept() -> None:
    sample, problems = validate_dropping_invalid_fields(
        Sample,
        {"name": "a", "maxSize": "big", "tags": ["x", 3], "part": {"label": "P"}},
        "/inputs/2",
    )

    assert sample == Sample(name="a", part=Part(label="P"))
    assert problems == [
        DefinitionProblem("/inputs/2/maxSize", '"maxSize" must be a number, got "big"', "error"),
        DefinitionProblem("/inputs/2/tags/1", 'item 1 of "tags" must be a string, got 3', "error"),
    ]


def test_several_errors_in_one_field_are_all_reported() -> None:
    sample, problems = validate_dropping_invalid_fields(Sample, {"name": "a", "tags": [1, 2]}, "")

    assert sample == Sample(name="a")
    assert [problem.pointer for problem in problems] == ["/tags/0", "/tags/1"]


def test_nested_errors_point_inside_and_drop_the_top_level_field() -> None:
    sample, problems = validate_dropping_invalid_fields(
        Sample, {"name": "a", "part": {"label": 5}}, "/uiConfig"
    )

    assert sample == Sample(name="a")
    assert problems == [
        DefinitionProblem("/uiConfig/part/label", '"label" must be a string, got 5', "error")
    ]


def test_missing_required_field_gives_none() -> None:
    sample, problems = validate_dropping_invalid_fields(Sample, {"maxSize": 1}, "/x")

    assert sample is None
    assert problems == [DefinitionProblem("/x/name", '"name" is required', "error")]


def test_null_declared_fields_count_as_absent() -> None:
    sample, problems = validate_dropping_invalid_fields(
        Sample, {"name": "a", "tags": None, "max_size": None}, ""
    )

    assert sample == Sample(name="a")
    assert problems == []


def test_null_extra_fields_are_kept() -> None:
    sample, _ = validate_dropping_invalid_fields(Sample, {"name": "a", "future": None}, "")

    assert sample is not None
    assert sample.model_extra == {"future": None}


def test_problem_pointer_escapes_keys() -> None:
    (error,) = errors_of({"name": "a", "sizes": {"16:9/wide": "big"}})

    assert problem_from_error(error, "/uiConfig") == DefinitionProblem(
        "/uiConfig/sizes/16:9~1wide", '"16:9/wide" must be a whole number, got "big"', "error"
    )


def test_describe_error_for_an_unknown_value_lists_the_options() -> None:
    (error,) = errors_of({"name": "a", "mode": "medium"})

    assert describe_error(error) == 'unknown value "medium" for "mode"; expected one of: fast, slow'


def test_describe_error_for_a_wrong_json_type() -> None:
    (error,) = errors_of({"name": "a", "part": []})

    assert describe_error(error) == '"part" must be an object, got a list'


def test_describe_error_falls_back_to_the_pydantic_message() -> None:
    (error,) = errors_of({"name": "a", "ratio": -1.0})

    assert describe_error(error) == '"ratio": Input should be greater than 0'


def test_describe_error_without_location() -> None:
    error: ErrorDetails = {"type": "missing", "loc": (), "msg": "Field required", "input": None}

    assert describe_error(error) == "value is required"


def test_describe_error_for_an_item_of_a_top_level_list() -> None:
    error: ErrorDetails = {"type": "string_type", "loc": (2,), "msg": "", "input": 7}

    assert describe_error(error) == "item 2 must be a string, got 7"
