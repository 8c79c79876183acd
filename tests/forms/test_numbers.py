from __future__ import annotations

import pytest

from scenario_ui.forms.numbers import (
    Number,
    NumberOutOfRange,
    format_number,
    is_whole,
    on_step,
    parse_number,
    snap,
)


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (2, "2"),
        (2.0, "2"),
        (-1, "-1"),
        (0, "0"),
        (0.05, "0.05"),
        (0.1 + 0.2, "0.30000000000000004"),
        (23.976, "23.976"),
        (1024.0, "1024"),
        (-0.5, "-0.5"),
        (2147483647, "2147483647"),
    ],
)
def test_format_number(value: Number, text: str) -> None:
    assert format_number(value) == text


@pytest.mark.parametrize(
    ("text", "value", "kind"),
    [
        ("2", 2, int),
        (" 16 ", 16, int),
        ("-1", -1, int),
        ("+5", 5, int),
        ("0", 0, int),
        ("0.05", 0.05, float),
        ("2.0", 2.0, float),
        (".5", 0.5, float),
        ("23.976", 23.976, float),
        ("1e3", 1000.0, float),
        ("-0.25", -0.25, float),
    ],
)
def test_parse_number(text: str, value: Number, kind: type) -> None:
    parsed = parse_number(text)
    assert parsed == value
    assert type(parsed) is kind


@pytest.mark.parametrize(
    "text",
    ["", " ", "abc", "1,5", "1.2.3", "0x10", "nan", "NaN", "inf", "-inf", "Infinity", "1e999"],
)
def test_parse_number_rejects(text: str) -> None:
    with pytest.raises(ValueError):  # noqa: PT011 - the message is the text itself
        parse_number(text)


@pytest.mark.parametrize(
    ("value", "whole"),
    [(None, True), (0, True), (16, True), (2.0, True), (-3, True), (0.5, False), (23.976, False)],
)
def test_is_whole(value: Number | None, whole: bool) -> None:
    assert is_whole(value) is whole


@pytest.mark.parametrize(
    ("value", "step", "origin", "expected"),
    [
        # Decimal-exact: binary floats would say 0.3 is not a multiple of 0.1.
        (0.3, 0.1, 0, True),
        (0.7, 0.1, 0, True),
        (1.1, 0.1, 0, True),
        (0.35, 0.1, 0, False),
        (0.15, 0.05, 0, True),
        (0.95, 0.05, 0, True),
        (0.12, 0.05, 0, False),
        (0.57, 0.01, 0, True),
        (0.575, 0.01, 0, False),
        (1.75, 0.25, 0, True),
        (1.8, 0.25, 0, False),
        # The grid starts at the origin (the input's min).
        (1024, 16, 128, True),
        (1030, 16, 128, False),
        (130, 16, 2, True),
        (128, 16, 2, False),
        (-3, 1, 0, True),
        (2.5, 1, 0, False),
        (1.5, 1, 0.5, True),
    ],
)
def test_on_step(value: Number, step: Number, origin: Number, expected: bool) -> None:
    assert on_step(value, step, origin) is expected


def test_on_step_with_zero_step_accepts_anything() -> None:
    assert on_step(0.123, 0, 0) is True


@pytest.mark.parametrize(
    ("value", "step", "low", "high", "expected"),
    [
        (0.33, 0.1, 0, 1, 0.3),
        (0.36, 0.1, 0, 1, 0.4),
        (0.96, 0.05, 0, 1, 0.95),
        (1001, 16, 128, 2048, 1008),
        (1020, 16, 128, 2048, 1024),
        (5000, 16, 128, 2048, 2048),
        (3, 16, 128, 2048, 128),
        # An off-grid maximum: the last grid point below it, not the maximum itself.
        (2045, 16, 128, 2040, 2032),
        (7.3, None, 0, 5, 5),
        (-2, None, 0, 5, 0),
        (2.5, None, None, None, 2.5),
        (0.26, 0.25, None, None, 0.25),
        (7.2, 2, None, 10, 8),
        (2.0, None, None, None, 2),
    ],
)
def test_snap(
    value: Number, step: Number | None, low: Number | None, high: Number | None, expected: Number
) -> None:
    snapped = snap(value, step=step, low=low, high=high)
    assert snapped == expected
    assert type(snapped) is type(expected)


def test_snap_returns_int_for_whole_results() -> None:
    assert snap(1024.4, step=16, low=0, high=None) == 1024
    assert isinstance(snap(1024.4, step=16, low=0, high=None), int)


@pytest.mark.parametrize("text", ["9" * 309, "-" + "9" * 309, "1e400", "-1e309"])
def test_parse_number_rejects_numerals_past_a_doubles_range(text: str) -> None:
    with pytest.raises(NumberOutOfRange):
        parse_number(text)
    assert parse_number("9" * 308) == int("9" * 308)
