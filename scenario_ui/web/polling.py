"""How soon a polling fragment asks again: briskly while reads work, backing off while they
fail, never sooner than a rate limit's Retry-After. The delay travels in the poll's URL."""

from __future__ import annotations

import math
from dataclasses import dataclass

from django.http import QueryDict

from scenario_ui.scenario.errors import ScenarioError, ScenarioRateLimited

FIRST_POLL_SECONDS = 1.0
LONGEST_POLL_SECONDS = 30.0
DELAY = "delay"


def poll_delay_from(params: QueryDict, default: float) -> float:
    """The delay a poll URL carries. Anything else than a finite number reads as `default`,
    and the rest is held between the first and the longest delay: no value stops polling."""
    try:
        delay = float(params.get(DELAY) or default)
    except ValueError:
        delay = default
    if not math.isfinite(delay):
        delay = default
    return min(max(delay, FIRST_POLL_SECONDS), LONGEST_POLL_SECONDS)


def next_poll_delay(previous: float, *, failed: bool) -> float:
    """Back off while Scenario fails to answer; poll briskly again once it does."""
    if not failed:
        return FIRST_POLL_SECONDS
    return min(max(previous, FIRST_POLL_SECONDS) * 2, LONGEST_POLL_SECONDS)


@dataclass(frozen=True)
class NextPoll:
    seconds: float
    # What to show about the last read: its wording matches `seconds`.
    problem: ScenarioError | None


def next_poll(
    problem: ScenarioError | None, *, previous: float, usual: float = FIRST_POLL_SECONDS
) -> NextPoll:
    """The usual pace after a read that went well; after a failure, back off; after a
    rate limit, wait its Retry-After (at least the usual pace) and say so."""
    if problem is None:
        return NextPoll(usual, None)
    if isinstance(problem, ScenarioRateLimited):
        told = problem.retried_in(math.ceil(usual))
        return NextPoll(float(told.retry_after), told)
    return NextPoll(next_poll_delay(previous, failed=True), problem)
