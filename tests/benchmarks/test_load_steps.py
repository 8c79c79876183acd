from __future__ import annotations

import math

import pytest

from scenario_ui.benchmarks.load_steps import (
    RequestFigures,
    StatsError,
    StepResult,
    read_stats,
    request_table,
    step_table,
    sustained,
)

# The columns locust 2.47 writes to <prefix>_stats.csv.
HEADER = (
    "Type,Name,Request Count,Failure Count,Median Response Time,Average Response Time,"
    "Min Response Time,Max Response Time,Average Content Size,Requests/s,Failures/s,"
    "50%,66%,75%,80%,90%,95%,98%,99%,99.9%,99.99%,100%"
)
STATS = "\n".join(
    [
        HEADER,
        "GET,catalog page,124,0,34,30.1,5,70,9000,17.7,0.0,34,38,40,42,45,48,50,52,70,70,70",
        "POST,live update,814,0,20,19.5,3,60,1500,116.2,0.0,20,22,25,27,30,35,37,39,60,60,60",
        "GET,model page,0,0,0,0,0,0,0,0.0,0.0,N/A,N/A,N/A,N/A,N/A,N/A,N/A,N/A,N/A,N/A,N/A",
        ",Aggregated,938,0,22,21.0,3,70,2500,133.9,0.0,22,25,28,30,35,43,48,52,70,70,70",
    ]
)


def figures(per_second: float, p99: float, failures: int = 0, requests: int = 100):
    return RequestFigures(
        name="Aggregated",
        requests=requests,
        failures=failures,
        per_second=per_second,
        p50_ms=1.0,
        p95_ms=p99,
        p99_ms=p99,
    )


def step(users: int, per_second: float, p99: float, failures: int = 0) -> StepResult:
    return StepResult(users=users, total=figures(per_second, p99, failures), by_name=[])


def test_reads_the_aggregated_row_and_each_request() -> None:
    result = read_stats(STATS, users=4)

    assert result.users == 4
    assert result.total == RequestFigures(
        name="Aggregated",
        requests=938,
        failures=0,
        per_second=133.9,
        p50_ms=22.0,
        p95_ms=43.0,
        p99_ms=52.0,
    )
    assert [row.name for row in result.by_name] == ["catalog page", "live update", "model page"]
    assert math.isinf(result.by_name[2].p99_ms)


def test_stats_without_an_aggregated_row_are_refused() -> None:
    with pytest.raises(StatsError, match="expected one Aggregated row in the stats, found 0"):
        read_stats(HEADER + "\n", users=1)


def test_stats_missing_a_column_are_refused() -> None:
    with pytest.raises(StatsError, match="the stats have no '99%' column"):
        read_stats(
            "Type,Name,Request Count,Failure Count,Requests/s,50%,95%\n,Aggregated,1,0,1,1,1",
            users=1,
        )


@pytest.mark.parametrize(
    ("result", "holds"),
    [
        (step(1, 100.0, 200.0), True),
        (step(1, 100.0, 201.0), False),
        (step(1, 100.0, 20.0, failures=1), False),
        (StepResult(users=1, total=figures(0.0, math.inf, requests=0), by_name=[]), False),
    ],
    ids=["at-the-limit", "over-the-limit", "an-error", "no-answer"],
)
def test_a_step_holds_with_no_error_and_p99_within_the_limit(
    result: StepResult, holds: bool
) -> None:
    assert result.holds(200) is holds


def test_the_sustained_rate_is_the_best_step_that_holds() -> None:
    steps = [step(1, 90.0, 20.0), step(2, 160.0, 40.0), step(4, 150.0, 90.0), step(8, 170.0, 250.0)]

    assert sustained(steps, 200) == steps[1]
    assert sustained(steps[3:], 200) is None


def test_the_step_table_says_which_steps_hold() -> None:
    lines = step_table([step(1, 90.0, 20.0), step(8, 170.0, 250.0, failures=3)], 200)

    assert lines == [
        "users    req/s  p50 ms  p95 ms  p99 ms  errors",
        "    1     90.0       1      20      20       0  holds",
        "    8    170.0       1     250     250       3  does not hold",
    ]


def test_the_request_table_lists_each_request_then_the_total() -> None:
    lines = request_table(read_stats(STATS, users=4))

    assert lines == [
        "request         count    req/s  p50 ms  p99 ms",
        "catalog page      124     17.7      34      52",
        "live update       814    116.2      20      39",
        "model page          0      0.0       -       -",
        "Aggregated        938    133.9      22      52",
    ]
