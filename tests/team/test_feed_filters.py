"""Reading the feed's filters from its URL: each refused value named with the valid ones."""

from __future__ import annotations

from datetime import date

import pytest
from django.http import QueryDict

from scenario_ui.team.feed_filters import (
    FeedChoices,
    FeedFilters,
    feed_choices,
    read_feed_filters,
    used_models,
)
from scenario_ui.team.ranges import DateRange
from tests.conftest import user_with_role
from tests.team.feed_support import ago, generation, training

TODAY = date(2026, 11, 30)
CHOICES = FeedChoices(
    users=[("external", "External (API / web app)"), ("ann", "ann")],
    models=[("model_a", "Model A")],
)


def read(query: str) -> tuple[FeedFilters, list[str]]:
    found = read_feed_filters(QueryDict(query), choices=CHOICES, today=TODAY)
    return found.filters, found.problems


LAST_30_DAYS = DateRange(preset="30d", first=date(2026, 11, 1), last=TODAY)


def test_no_parameters_is_the_last_30_days_and_range_all_is_any_time() -> None:
    assert read("") == (FeedFilters(range=LAST_30_DAYS), [])
    assert FeedFilters(range=LAST_30_DAYS).query() == {}
    assert read("range=all") == (FeedFilters(), [])
    assert FeedFilters().query() == {"range": "all"}


def test_every_filter_is_read() -> None:
    filters, problems = read(
        "user=ann&model=model_a&status=failure&kind=generation&range=7d&q=+red++fox+&hide_finished=1"
    )
    assert problems == []
    assert filters == FeedFilters(
        user="ann",
        model_id="model_a",
        status="failure",
        kind="generation",
        range=DateRange(preset="7d", first=date(2026, 11, 24), last=TODAY),
        q="red fox",
        hide_finished=True,
    )


def test_training_statuses_and_external_are_valid() -> None:
    assert read("status=trained&user=external")[1] == []
    assert read("status=training-canceled")[1] == []


def test_bad_values_are_named_with_the_valid_ones_and_the_rest_applies() -> None:
    filters, problems = read("user=zed&model=nope&status=done&kind=job&hide_finished=yes&q=fox")
    assert filters == FeedFilters(q="fox", range=LAST_30_DAYS)
    assert problems[0] == "Unknown user 'zed': choose one of external, ann."
    assert problems[1] == "Unknown model 'nope': choose one of model_a."
    assert problems[2].startswith("Unknown status 'done': choose one of submitting, unknown,")
    assert "trained" in problems[2]
    assert "training-canceled" in problems[2]
    assert problems[3] == "Unknown kind 'job': choose one of generation, training."
    assert problems[4] == "Unknown hide_finished value 'yes': choose one of 1."


def test_a_refused_range_says_why_and_shows_the_default() -> None:
    filters, problems = read("range=year&user=ann")
    assert problems == ["Unknown range 'year': choose one of 30d, 7d, custom, today."]
    assert filters.user == "ann"
    assert filters.range is not None
    assert filters.range.preset == "30d"


def test_a_long_search_is_cut() -> None:
    filters, problems = read("q=" + "a" * 300)
    assert len(filters.q) == 200
    assert problems == ["The prompt search is cut to its first 200 characters."]


def test_query_gives_the_filters_back() -> None:
    filters, _ = read("user=ann&range=custom&from=2026-11-01&to=2026-11-05&hide_finished=1")
    assert filters.query() == {
        "user": "ann",
        "range": "custom",
        "from": "2026-11-01",
        "to": "2026-11-05",
        "hide_finished": "1",
    }
    assert read_feed_filters(QueryDict(""), choices=CHOICES).filters.query() == {}


@pytest.mark.django_db
def test_choices_are_the_users_and_the_models_used_with_their_latest_name() -> None:
    ann = user_with_role("ann", "member")
    user_with_role("bob", "viewer")
    generation(ann, model_id="model_z", at=ago(days=2))
    renamed = generation(ann, model_id="model_z")
    renamed.model_name = "Zebra v2"
    renamed.save()
    generation(None, model_id="model_a")
    training(ann, model_id="model_t")
    choices = feed_choices()
    assert choices.users == [
        ("external", "External (API / web app)"),
        ("ann", "ann"),
        ("bob", "bob"),
    ]
    assert used_models() == [
        ("model_a", "Model A"),
        ("model_t", "Model T"),
        ("model_z", "Zebra v2"),
    ]


def test_each_status_is_one_option_whatever_the_kind() -> None:
    choices = FeedChoices(users=[], models=[])
    values = [value for value, _ in [*choices.generation_statuses, *choices.training_statuses]]
    assert len(values) == len(set(values))
    assert {"submitting", "unknown", "trained"} <= set(values)
