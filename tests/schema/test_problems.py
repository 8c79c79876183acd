from __future__ import annotations

import dataclasses

import pytest

from scenario_ui.schema.problems import DefinitionProblem, escape_pointer_token, join_pointer


def test_problem_keeps_pointer_message_and_severity() -> None:
    problem = DefinitionProblem("/inputs/3/type", "unknown input type", "warning")

    assert (problem.pointer, problem.message, problem.severity) == (
        "/inputs/3/type",
        "unknown input type",
        "warning",
    )


def test_problem_is_immutable() -> None:
    problem = DefinitionProblem("", "bad", "error")

    with pytest.raises(dataclasses.FrozenInstanceError):
        problem.message = "changed"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("token", "escaped"),
    [("plain", "plain"), ("a/b", "a~1b"), ("a~b", "a~0b"), ("~1", "~01"), (3, "3")],
)
def test_escape_pointer_token_follows_rfc_6901(token: str | int, escaped: str) -> None:
    assert escape_pointer_token(token) == escaped


def test_join_pointer_appends_escaped_tokens() -> None:
    assert join_pointer("/uiConfig", "selects", "16:9/wide", 0) == "/uiConfig/selects/16:9~1wide/0"


def test_join_pointer_without_tokens_is_the_base() -> None:
    assert join_pointer("/inputs") == "/inputs"
    assert join_pointer("", "id") == "/id"
