from __future__ import annotations

import pytest

from scenario_ui.benchmarks.measure import WARM_UP_RUNS, line, median_ms, side_by_side_ms


def test_median_ms_warms_up_then_times_each_run() -> None:
    calls: list[None] = []

    median = median_ms(lambda: calls.append(None), 5)

    assert len(calls) == WARM_UP_RUNS + 5
    assert median >= 0


def test_side_by_side_alternates_and_rotates_who_goes_first() -> None:
    order: list[str] = []

    times = side_by_side_ms({"a": lambda: order.append("a"), "b": lambda: order.append("b")}, 4)

    assert set(times) == {"a", "b"}
    timed = order[2 * WARM_UP_RUNS :]
    assert timed == ["a", "b", "b", "a", "a", "b", "b", "a"]


@pytest.mark.parametrize(
    ("name", "value", "text"),
    [
        ("render_ms_p50", 1.234, "render_ms_p50 1.23"),
        ("live_ms_p50", 2, "live_ms_p50 2"),
        ("live_ms_p50", 2.0, "live_ms_p50 2.00"),
        ("flux_vs_django", 0.12345, "flux_vs_django 0.123"),
        ("live_bytes", 3456, "live_bytes 3456"),
    ],
)
def test_lines_print_two_decimals_for_times_three_for_ratios_and_whole_counts(
    name: str, value: float, text: str
) -> None:
    assert line(name, value) == text
