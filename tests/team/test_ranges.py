from __future__ import annotations

from datetime import date

from django.http import QueryDict

from scenario_ui.team.ranges import DateRange, RangeRefused, read_range, shown_range

TODAY = date(2026, 11, 30)


def _read(query: str) -> DateRange | RangeRefused:
    return read_range(QueryDict(query), today=TODAY)


def test_no_range_is_the_last_30_days_including_today() -> None:
    chosen = _read("")
    assert chosen == DateRange(preset="30d", first=date(2026, 11, 1), last=TODAY)
    assert chosen.days == 30


def test_today_covers_one_day_from_midnight_to_midnight() -> None:
    chosen = shown_range(_read("range=today"))
    assert chosen.days == 1
    assert chosen.start.isoformat() == "2026-11-30T00:00:00+00:00"
    assert chosen.end.isoformat() == "2026-12-01T00:00:00+00:00"


def test_a_custom_range_reads_both_dates_and_gives_them_back() -> None:
    chosen = _read("range=custom&from=2026-10-01&to=2026-10-10")
    assert chosen == DateRange(preset="custom", first=date(2026, 10, 1), last=date(2026, 10, 10))
    assert chosen.query() == {"range": "custom", "from": "2026-10-01", "to": "2026-10-10"}
    assert len(chosen.each_day()) == 10


def test_the_previous_period_has_the_same_length_and_ends_the_day_before() -> None:
    previous = shown_range(_read("range=7d")).previous()
    assert (previous.first, previous.last) == (date(2026, 11, 17), date(2026, 11, 23))


def test_an_unknown_preset_is_refused_with_the_valid_ones() -> None:
    refused = _read("range=year")
    assert isinstance(refused, RangeRefused)
    assert refused.message == "Unknown range 'year': choose one of 30d, 7d, custom, today."
    assert shown_range(refused).preset == "30d"


def test_custom_ranges_that_cannot_be_shown_say_why() -> None:
    messages = {
        query: refused.message
        for query in (
            "range=custom&from=2026-10-01",
            "range=custom&from=2026-10-10&to=2026-10-01",
            "range=custom&from=2026-01-01&to=2026-11-30",
        )
        if isinstance(refused := _read(query), RangeRefused)
    }
    assert list(messages.values()) == [
        "A custom range needs both dates as YYYY-MM-DD (From and To).",
        "The range ends before it starts: To must be on or after From.",
        "A range can cover at most 120 days; this one covers 334.",
    ]
