from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from scenario_ui.sandbox.lifecycle import JobTimeline, job_state, prompt_asks_to_fail

START = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


def timeline(fails: bool = False, canceled_after: float | None = None) -> JobTimeline:
    canceled_at = None if canceled_after is None else START + timedelta(seconds=canceled_after)
    return JobTimeline(created_at=START, duration_seconds=10, fails=fails, canceled_at=canceled_at)


def at(seconds: float) -> datetime:
    return START + timedelta(seconds=seconds)


@pytest.mark.parametrize(
    ("seconds", "status", "progress"),
    [
        (0, "queued", 0),
        (1.4, "queued", 0),
        (1.5, "warming-up", 0),
        (2.5, "in-progress", 0),
        (5.75, "in-progress", 0.5),
        (8.9, "in-progress", 0.9846),
        (9, "finalizing", 1),
        (10, "success", 1),
        (600, "success", 1),
    ],
)
def test_status_and_progress_follow_the_clock(seconds: float, status: str, progress: float) -> None:
    state = job_state(timeline(), at(seconds))
    assert (state.status, state.progress) == (status, progress)


def test_history_dates_every_status_reached() -> None:
    state = job_state(timeline(), at(60))
    assert [(change.status, change.date) for change in state.history] == [
        ("queued", at(0)),
        ("warming-up", at(1.5)),
        ("in-progress", at(2.5)),
        ("finalizing", at(9)),
        ("success", at(10)),
    ]
    assert state.updated_at == at(10)
    assert state.is_finished


def test_a_job_asked_to_fail_fails_at_sixty_percent() -> None:
    assert job_state(timeline(fails=True), at(5.9)).status == "in-progress"
    state = job_state(timeline(fails=True), at(60))
    assert (state.status, state.progress) == ("failure", 0.5385)
    assert [change.status for change in state.history] == [
        "queued",
        "warming-up",
        "in-progress",
        "failure",
    ]
    assert state.updated_at == at(6)


def test_a_canceled_job_freezes_where_it_was() -> None:
    running = timeline(canceled_after=5.75)
    assert job_state(running, at(5)).status == "in-progress"
    for later in (5.75, 9.5, 600):
        state = job_state(running, at(later))
        assert (state.status, state.progress) == ("canceled", 0.5)
        assert [change.status for change in state.history][-2:] == ["in-progress", "canceled"]
        assert state.updated_at == at(5.75)


def test_a_job_of_no_duration_has_already_succeeded() -> None:
    instant = JobTimeline(created_at=START, duration_seconds=0, fails=False, canceled_at=None)
    assert job_state(instant, START).status == "success"


@pytest.mark.parametrize(
    ("prompt", "fails"),
    [("please FAIL now", True), ("a failing robot", True), ("a cabin in the snow", False)],
)
def test_the_word_fail_in_any_case_asks_to_fail(prompt: str, fails: bool) -> None:
    assert prompt_asks_to_fail(prompt) is fails
