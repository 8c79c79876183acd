from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from scenario_ui.sandbox.clock import iso_timestamp, now


def test_timestamps_are_utc_with_milliseconds_and_a_z() -> None:
    paris = timezone(timedelta(hours=1))
    assert iso_timestamp(datetime(2023, 2, 3, 12, 19, 41, 579_321, tzinfo=paris)) == (
        "2023-02-03T11:19:41.579Z"
    )


def test_now_is_aware_and_utc() -> None:
    assert now().utcoffset() == timedelta(0)
    assert now().tzinfo is not None
    assert abs(now() - datetime.now(UTC)) < timedelta(seconds=5)
