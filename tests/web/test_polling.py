from __future__ import annotations

import pytest
from django.http import QueryDict

from scenario_ui.scenario.errors import ScenarioRateLimited, ScenarioServerError
from scenario_ui.web.polling import (
    FIRST_POLL_SECONDS,
    LONGEST_POLL_SECONDS,
    NextPoll,
    next_poll,
    next_poll_delay,
    poll_delay_from,
)


@pytest.mark.parametrize(
    ("previous", "failed", "expected"),
    [
        (1.0, False, 1.0),
        (16.0, False, 1.0),
        (30.0, False, 1.0),
        (1.0, True, 2.0),
        (2.0, True, 4.0),
        (4.0, True, 8.0),
        (8.0, True, 16.0),
        (16.0, True, 30.0),
        (30.0, True, 30.0),
        (0.0, True, 2.0),
        (-5.0, True, 2.0),
    ],
)
def test_next_poll_delay_doubles_while_failing_and_is_capped(
    previous: float, failed: bool, expected: float
) -> None:
    assert next_poll_delay(previous, failed=failed) == expected


def test_the_poll_delays_while_failing_end_at_the_longest() -> None:
    delays = [FIRST_POLL_SECONDS]
    for _ in range(7):
        delays.append(next_poll_delay(delays[-1], failed=True))
    assert delays == [1.0, 2.0, 4.0, 8.0, 16.0, 30.0, 30.0, 30.0]
    assert LONGEST_POLL_SECONDS == 30.0


@pytest.mark.parametrize(
    ("query", "delay"),
    [
        ("delay=4.0", 4.0),
        ("", 3.0),
        ("delay=soon", 3.0),
        ("delay=nan", 3.0),
        ("delay=NaN", 3.0),
        ("delay=inf", 3.0),
        ("delay=-inf", 3.0),
        ("delay=0", FIRST_POLL_SECONDS),
        ("delay=-5", FIRST_POLL_SECONDS),
        ("delay=1e9", LONGEST_POLL_SECONDS),
    ],
)
def test_no_delay_in_the_url_can_stop_or_flood_polling(query: str, delay: float) -> None:
    assert poll_delay_from(QueryDict(query), 3.0) == delay


def test_after_a_good_read_the_usual_pace() -> None:
    assert next_poll(None, previous=16.0) == NextPoll(FIRST_POLL_SECONDS, None)
    assert next_poll(None, previous=16.0, usual=3.0) == NextPoll(3.0, None)


def test_after_a_failed_read_back_off() -> None:
    down = ScenarioServerError("down")
    assert next_poll(down, previous=4.0) == NextPoll(8.0, down)


def test_after_a_rate_limit_wait_retry_after_and_say_exactly_that() -> None:
    poll = next_poll(ScenarioRateLimited(retry_after=45), previous=1.0, usual=3.0)
    assert poll.seconds == 45.0
    assert poll.problem is not None
    assert poll.problem.message == "Scenario is rate-limiting us, retrying in 45 s."


def test_a_rate_limit_shorter_than_the_usual_pace_waits_the_usual_pace() -> None:
    poll = next_poll(ScenarioRateLimited(retry_after=1, reason="busy"), previous=8.0, usual=3.0)
    assert poll.seconds == 3.0
    assert poll.problem is not None
    assert poll.problem.message == "Scenario is rate-limiting us, retrying in 3 s (busy)."
