from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.http import QueryDict

from scenario_ui.sandbox.usages import ALL_TYPES, UsageQuery

RANGE = "startDate=2026-11-01&endDate=2026-11-04T00:00:00Z"


@pytest.mark.parametrize(
    ("flag", "drops"),
    [
        ("dropZeroPoints", True),
        ("dropZeroPoints=yes", True),
        ("dropZeroPoints=off", False),
        ("", False),
    ],
)
def test_drop_zero_points_as_documented(flag: str, drops: bool) -> None:
    assert UsageQuery.from_params(QueryDict(f"{RANGE}&{flag}")).drop_zero_points is drops


def test_types_are_read_comma_separated_or_repeated() -> None:
    query = UsageQuery.from_params(QueryDict(f"{RANGE}&type=consumption&type=activity,usages"))
    assert query.types == ("consumption", "activity", "usages")
    assert UsageQuery.from_params(QueryDict(RANGE)).types == ALL_TYPES


def test_dates_without_a_zone_are_utc() -> None:
    query = UsageQuery.from_params(QueryDict(RANGE))
    assert (query.start, query.end) == (
        datetime(2026, 11, 1, tzinfo=UTC),
        datetime(2026, 11, 4, tzinfo=UTC),
    )
