"""The training monitor, read from the model's status, progress and stats."""

from __future__ import annotations

from typing import Any

import pytest

from scenario_ui.schema import parse_definition
from scenario_ui.training.monitor import (
    TrainingMonitor,
    describe_duration,
    describe_stats,
    monitor_for,
)

STATS = {
    "startedAt": "2026-03-01T12:00:02.000Z",
    "endedAt": "2026-03-01T12:00:10.000Z",
    "queueDuration": 2,
    "trainDuration": 4681,
}


def monitor(status: str, **record: Any) -> TrainingMonitor:
    return monitor_for(parse_definition({"id": "model_mine", "status": status, **record}))


def test_a_queued_training_shows_its_position() -> None:
    shown = monitor(
        "training",
        trainingProgress={
            "stage": "queued-for-train",
            "updatedAt": 1772366400000,
            "progress": 0,
            "position": 3,
        },
    )
    assert shown == TrainingMonitor(
        status="training",
        stage="queued-for-train",
        stage_label="Queued",
        position=3,
        progress_percent=0,
        remaining="",
        stats=[],
        failure="",
    )
    assert shown.is_active
    assert not shown.is_finished


def test_a_starting_training() -> None:
    shown = monitor(
        "training",
        trainingProgress={"stage": "starting-train", "progress": 0, "startedAt": 1772366402000},
    )
    assert (shown.stage_label, shown.position, shown.progress_percent, shown.remaining) == (
        "Starting",
        None,
        0,
        "",
    )


def test_a_running_training_shows_its_percent_and_remaining_time() -> None:
    shown = monitor(
        "training",
        trainingProgress={
            "stage": "running-train",
            "progress": 0.4286,
            "remainingTimeMs": 134_000,
            "startedAt": 1772366402000,
        },
    )
    assert (shown.stage, shown.stage_label) == ("running-train", "Training")
    assert shown.position is None
    assert shown.progress_percent == 43
    assert shown.remaining == "2 min 14 s"
    assert shown.is_active


def test_a_training_without_progress_yet() -> None:
    shown = monitor("training", trainingProgress={"stage": "pending"})
    assert (shown.stage_label, shown.progress_percent, shown.remaining) == ("Pending", 0, "")


@pytest.mark.parametrize(
    ("stage", "label"),
    [
        ("pending-captcha", "Waiting for the voice captcha"),
        ("ready-for-captcha", "Ready for captcha"),
        ("", ""),
    ],
)
def test_stage_labels(stage: str, label: str) -> None:
    progress = {"stage": stage} if stage else {}
    assert monitor("training", trainingProgress=progress).stage_label == label


@pytest.mark.parametrize(("fraction", "percent"), [(-0.2, 0), (1.7, 100), (0.005, 0), (0.996, 100)])
def test_the_percent_stays_between_0_and_100(fraction: float, percent: int) -> None:
    shown = monitor("training", trainingProgress={"stage": "running-train", "progress": fraction})
    assert shown.progress_percent == percent


def test_a_trained_model_is_at_100_percent_with_its_stats_described() -> None:
    shown = monitor("trained", trainingProgress={}, trainingStats=STATS)
    assert shown == TrainingMonitor(
        status="trained",
        stage="",
        stage_label="",
        position=None,
        progress_percent=100,
        remaining="",
        stats=[
            ("Started", "2026-03-01 12:00:02 UTC"),
            ("Ended", "2026-03-01 12:00:10 UTC"),
            ("Time in queue", "2 s"),
            ("Training time", "1 h 18 min"),
        ],
        failure="",
    )
    assert shown.is_finished
    assert not shown.is_active


def test_a_failed_training_shows_the_failure_reason() -> None:
    shown = monitor(
        "failed",
        trainingProgress={"stage": "running-train", "progress": 0.2857},
        trainingStats={"queueDuration": 2.4, "trainDuration": 3.6},
        failureReason="The sandbox was asked to fail: conceptPrompt contains “fail”.",
    )
    assert shown.failure == "The sandbox was asked to fail: conceptPrompt contains “fail”."
    assert (shown.stage_label, shown.progress_percent) == ("Training", 29)
    assert shown.stats == [("Time in queue", "2 s"), ("Training time", "4 s")]
    assert shown.is_finished
    assert not shown.is_active


def test_a_retryable_error_comes_before_the_failure_reason() -> None:
    shown = monitor(
        "failed",
        trainingProgress={"stage": "running-train", "retryableError": "GPU lost"},
        failureReason="Out of memory",
    )
    assert shown.failure == "GPU lost"


def test_an_error_field_when_there_is_no_failure_reason() -> None:
    assert monitor("failed", error="Dataset too small").failure == "Dataset too small"


def test_a_failure_without_any_reason() -> None:
    assert monitor("failed", trainingProgress={}).failure == (
        "Scenario reported the training as failed without a reason."
    )


def test_only_a_failed_model_shows_a_failure() -> None:
    assert monitor("trained", failureReason="an earlier failure").failure == ""


@pytest.mark.parametrize("status", ["new", "training-canceled", "copying"])
def test_other_statuses(status: str) -> None:
    shown = monitor(status, trainingProgress={})
    assert (shown.progress_percent, shown.stage, shown.stats, shown.failure) == (0, "", [], "")
    assert shown.is_active is False
    assert shown.is_finished is (status == "training-canceled")


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (0, "0 s"),
        (0.4, "0 s"),
        (0.6, "1 s"),
        (-5, "0 s"),
        (59, "59 s"),
        (60, "1 min 0 s"),
        (134, "2 min 14 s"),
        (3599, "59 min 59 s"),
        (3600, "1 h 0 min"),
        (4681, "1 h 18 min"),
        (90_061, "25 h 1 min"),
    ],
)
def test_describe_duration(seconds: float, text: str) -> None:
    assert describe_duration(seconds) == text


def test_describe_stats_keeps_the_known_stats_in_order() -> None:
    assert describe_stats(
        {"trainDuration": 8, "unknown": 3, "startedAt": "", "endedAt": None, "queueDuration": 2}
    ) == [("Time in queue", "2 s"), ("Training time", "8 s")]
