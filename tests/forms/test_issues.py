from __future__ import annotations

import dataclasses

import pytest

from scenario_ui.forms.issues import Invalid, Issue


@pytest.mark.parametrize(
    ("issue", "api_message", "form_message"),
    [
        (
            Issue("lorasScale", "must be at most 2"),
            "Input lorasScale must be at most 2",
            "Must be at most 2.",
        ),
        (
            Issue("loras", "must be at most 6 items long"),
            "Input loras must be at most 6 items long",
            "Must be at most 6 items long.",
        ),
        (Issue("prompt", "is required"), "Input prompt is required", "Is required."),
        (
            Issue("styles", "row 2: Weight is required"),
            "Input styles row 2: Weight is required",
            "Row 2: Weight is required.",
        ),
    ],
)
def test_messages(issue: Issue, api_message: str, form_message: str) -> None:
    assert issue.api_message == api_message
    assert issue.form_message == form_message


def test_custom_message_replaces_both_wordings() -> None:
    message = "A reference image is required when a mask is provided."
    issue = Issue("image", "is required", custom_message=message)
    assert issue.api_message == message
    assert issue.form_message == message


def test_issue_is_a_frozen_value() -> None:
    assert Issue("a", "is required") == Issue("a", "is required")
    assert Issue("a", "is required") != Issue("a", "is required", "Say so.")
    with pytest.raises(dataclasses.FrozenInstanceError):
        Issue("a", "is required").phrase = "other"  # type: ignore[misc]


def test_invalid_carries_its_phrase() -> None:
    with pytest.raises(Invalid, match=r"^must be a number$") as caught:
        raise Invalid("must be a number")
    assert caught.value.phrase == "must be a number"
    assert isinstance(caught.value, ValueError)
