from __future__ import annotations

import pytest

from scenario_ui.benchmarks.summary import KIB, Metric, Row, Spread, compare, samples_of, table

TIME = Metric("usable_ms", "time to a usable form", "ms", 0.33)
SIZE = Metric("page_bytes", "page", "KiB", 0.2, scale=KIB)
COUNT = Metric("dom_elements", "DOM elements", "", digits=0)


def test_a_spread_is_the_median_and_range_of_its_samples() -> None:
    assert Spread.of([30.0, 10.0, 20.0, 40.0]) == Spread(count=4, low=10.0, median=25.0, high=40.0)
    assert Spread.of([]) is None


def test_samples_gather_every_run_and_skip_runs_without_the_metric() -> None:
    runs = [{"key_ms": [1.0, 2.0]}, {}, {"key_ms": [3.0]}]

    assert samples_of(runs, "key_ms") == [1.0, 2.0, 3.0]


def test_the_ratio_is_ours_over_theirs_median() -> None:
    row = Row(TIME, ours=Spread.of([100.0, 300.0]), theirs=Spread.of([400.0, 400.0, 800.0]))

    assert row.ratio == pytest.approx(0.5)


@pytest.mark.parametrize(
    ("ours", "theirs"), [([], [1.0]), ([1.0], []), ([1.0], [0.0])], ids=["ours", "theirs", "zero"]
)
def test_no_ratio_without_both_sides(ours: list[float], theirs: list[float]) -> None:
    assert Row(TIME, ours=Spread.of(ours), theirs=Spread.of(theirs)).ratio is None


def test_compare_leaves_out_metrics_neither_page_measured() -> None:
    rows = compare([TIME, COUNT], [{"usable_ms": [10.0]}], [{"usable_ms": [20.0]}])

    assert [row.metric for row in rows] == [TIME]


def test_the_table_shows_medians_ranges_ratios_and_targets() -> None:
    ours = [{"usable_ms": [100.0], "page_bytes": [2048.0], "dom_elements": [250.0]}] * 2
    theirs = [
        {"usable_ms": [400.0], "page_bytes": [4096.0], "dom_elements": [100.0]},
        {"usable_ms": [600.0], "page_bytes": [4096.0], "dom_elements": [100.0]},
    ]

    lines = table(compare([TIME, SIZE, COUNT], ours, theirs), ours_name="ours", theirs_name="RJSF")

    assert lines == [
        "metric                 unit   ours                  RJSF  ours/RJSF  target",
        "time to a usable form  ms    100.0  500.0 [400.0..600.0]      0.20x  <= 0.33x met",
        "page                   KiB     2.0                   4.0      0.50x  <= 0.20x MISSED",
        "DOM elements                   250                   100      2.50x",
    ]


def test_a_missing_side_shows_a_dash_and_no_verdict() -> None:
    lines = table(compare([TIME], [], [{"usable_ms": [5.0]}]), ours_name="ours", theirs_name="RJSF")

    assert lines[1] == "time to a usable form  ms       -   5.0        n/a  <= 0.33x ?"
