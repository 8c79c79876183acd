from __future__ import annotations

import argparse

import pytest

from scenario_ui.benchmarks.options import not_negative, positive, positive_list


def test_counts() -> None:
    assert (positive("3"), not_negative("0"), positive_list("1, 2,4")) == (3, 0, [1, 2, 4])


@pytest.mark.parametrize(
    ("parse", "text", "message"),
    [
        (positive, "0", "must be at least 1, not 0"),
        (not_negative, "-1", "must be 0 or more, not -1"),
        (positive, "ten", "expected a whole number, not 'ten'"),
        (positive_list, "4,2", "expected rising counts such as 1,2,4,8, not '4,2'"),
        (positive_list, "", "expected rising counts such as 1,2,4,8, not ''"),
    ],
)
def test_bad_counts_say_what_was_expected(parse, text: str, message: str) -> None:
    with pytest.raises(argparse.ArgumentTypeError) as raised:
        parse(text)
    assert str(raised.value) == message
