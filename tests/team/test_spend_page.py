from __future__ import annotations

from datetime import timedelta

import pytest
from django.http import QueryDict
from django.utils import timezone

from scenario_ui.team.spend_page import read_choice


def test_defaults_are_thirty_days_by_model() -> None:
    choice = read_choice(QueryDict(""))
    assert (choice.period.preset, choice.period.days, choice.by) == ("30d", 30, "model")
    assert choice.refusals == ()
    assert choice.query_string == "range=30d&by=model"


def test_a_custom_range_and_grouping_come_back_in_the_query() -> None:
    choice = read_choice(QueryDict("range=custom&from=2026-11-01&to=2026-11-05&by=user"))
    assert choice.query_string == "range=custom&from=2026-11-01&to=2026-11-05&by=user"


@pytest.mark.parametrize(
    ("query", "refusal"),
    [
        ("by=team", "Unknown grouping 'team': choose one of model, user."),
        ("range=year", "Unknown range 'year': choose one of 30d, 7d, custom, today."),
        ("range=custom&from=2026-11-05&to=2026-11-01", "The range ends before it starts"),
    ],
)
def test_what_cannot_be_shown_is_said_and_the_default_shown(query: str, refusal: str) -> None:
    choice = read_choice(QueryDict(query))
    [said] = choice.refusals
    assert said.startswith(refusal)
    assert choice.period.last == timezone.localdate()
    assert choice.period.first == timezone.localdate() - timedelta(days=29)
    assert choice.by == "model"
