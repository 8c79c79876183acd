"""The training timeline, computed from the clock: stages, queue position, progress, outcome."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from scenario_ui.sandbox.training_lifecycle import TrainingTimeline, training_state

START = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


def at(seconds: float) -> datetime:
    return START + timedelta(seconds=seconds)


def timeline(*, fails: bool = False, canceled_after: float | None = None) -> TrainingTimeline:
    canceled_at = at(canceled_after) if canceled_after is not None else None
    return TrainingTimeline(
        created_at=START, duration_seconds=10.0, fails=fails, canceled_at=canceled_at
    )


def test_a_training_is_queued_then_starts_then_runs_to_trained() -> None:
    seen = []
    for seconds in (0, 0.9, 1.5, 2.5, 3, 6.5, 9.5, 10, 30):
        state = training_state(timeline(), at(seconds))
        seen.append(
            (state.model_status, state.stage, state.position, state.progress, state.job_status)
        )
    assert seen == [
        ("training", "queued-for-train", 3, 0, "queued"),
        ("training", "queued-for-train", 2, 0, "queued"),
        ("training", "queued-for-train", 1, 0, "queued"),
        ("training", "starting-train", None, 0, "warming-up"),
        ("training", "running-train", None, 0, "in-progress"),
        ("training", "running-train", None, 0.5, "in-progress"),
        ("training", "running-train", None, 0.9286, "in-progress"),
        ("trained", "running-train", None, 1, "success"),
        ("trained", "running-train", None, 1, "success"),
    ]


def test_remaining_time_falls_while_running() -> None:
    remaining = [training_state(timeline(), at(s)).remaining_ms for s in (3, 6.5, 9.5)]
    assert remaining == [7000, 3500, 500]


def test_updated_at_is_when_the_figures_last_changed() -> None:
    assert training_state(timeline(), at(1.0)).updated_at == START + timedelta(seconds=2 / 3)
    assert training_state(timeline(), at(2.5)).updated_at == at(2)
    assert training_state(timeline(), at(6.5)).updated_at == at(6.5)
    assert training_state(timeline(), at(30)).updated_at == at(10)


def test_started_and_ended_at() -> None:
    queued = training_state(timeline(), at(1))
    assert (queued.started_at, queued.ended_at) == (None, None)
    trained = training_state(timeline(), at(12))
    assert (trained.started_at, trained.ended_at) == (at(2), at(10))


def test_the_job_history_dates_every_status() -> None:
    history = training_state(timeline(), at(12)).job_history
    assert [(change.status, change.date) for change in history] == [
        ("queued", at(0)),
        ("warming-up", at(2)),
        ("in-progress", at(3)),
        ("success", at(10)),
    ]


def test_a_failing_training_fails_halfway_keeping_its_stage_and_progress() -> None:
    running = training_state(timeline(fails=True), at(4.9))
    assert (running.model_status, running.stage) == ("training", "running-train")
    failed = training_state(timeline(fails=True), at(8))
    assert (failed.model_status, failed.stage, failed.progress) == (
        "failed",
        "running-train",
        0.2857,
    )
    assert failed.ended_at == at(5)
    assert failed.updated_at == at(5)
    assert [change.status for change in failed.job_history][-1] == "failure"
    assert failed.is_finished


@pytest.mark.parametrize(
    ("canceled_after", "stage"), [(1, "queued-for-train"), (2.5, "starting-train")]
)
def test_a_canceled_training_stops_where_it_was(canceled_after: float, stage: str) -> None:
    state = training_state(timeline(canceled_after=canceled_after), at(20))
    assert (state.model_status, state.stage, state.job_status) == (
        "training-canceled",
        stage,
        "canceled",
    )
    assert state.ended_at == at(canceled_after)
    assert state.job_history[-1].date == at(canceled_after)


def test_a_moment_before_the_cancel_still_sees_the_training() -> None:
    state = training_state(timeline(canceled_after=2.5), at(1))
    assert (state.model_status, state.position) == ("training", 2)


def test_a_moment_before_the_trigger_reads_as_the_trigger() -> None:
    state = training_state(timeline(), at(-5))
    assert (state.stage, state.position) == ("queued-for-train", 3)


def test_a_training_without_duration_is_trained_at_once() -> None:
    instant = TrainingTimeline(created_at=START, duration_seconds=0, fails=False, canceled_at=None)
    assert training_state(instant, START).model_status == "trained"
