"""A training as the monitor shows it, read from the model's own status and progress."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from scenario_ui.schema import ModelDefinition

STAGE_LABELS = {
    "pending": "Pending",
    "pending-captcha": "Waiting for the voice captcha",
    "queued-for-train": "Queued",
    "starting-train": "Starting",
    "running-train": "Training",
}
FINISHED_STATUSES = ("trained", "failed", "training-canceled")


@dataclass(frozen=True)
class TrainingMonitor:
    status: str
    stage: str
    stage_label: str
    position: int | None
    progress_percent: int
    remaining: str
    # (label, value) pairs of the finished training's statistics, ready to show.
    stats: list[tuple[str, str]]
    failure: str

    @property
    def is_active(self) -> bool:
        return self.status == "training"

    @property
    def is_finished(self) -> bool:
        return self.status in FINISHED_STATUSES


def monitor_for(model: ModelDefinition) -> TrainingMonitor:
    progress = model.training_progress
    stage = progress.stage if progress else ""
    fraction = progress.progress if progress and progress.progress is not None else 0
    if model.status == "trained":
        fraction = 1
    position = progress.position if progress and progress.position is not None else None
    remaining_ms = progress.remaining_time_ms if progress else None
    return TrainingMonitor(
        status=model.status,
        stage=stage,
        stage_label=STAGE_LABELS.get(stage, stage.replace("-", " ").capitalize()),
        position=int(position) if position is not None else None,
        progress_percent=round(max(0.0, min(float(fraction), 1.0)) * 100),
        remaining=describe_duration(remaining_ms / 1000) if remaining_ms else "",
        stats=describe_stats(model.training_stats or {}),
        failure=_failure_of(model),
    )


STAT_LABELS = (
    ("startedAt", "Started"),
    ("endedAt", "Ended"),
    ("queueDuration", "Time in queue"),
    ("trainDuration", "Training time"),
)


def describe_stats(stats: dict[str, Any]) -> list[tuple[str, str]]:
    described = []
    for key, label in STAT_LABELS:
        value = stats.get(key)
        if isinstance(value, int | float):
            described.append((label, describe_duration(value)))
        elif isinstance(value, str) and value:
            described.append((label, value.replace("T", " ").removesuffix("Z")[:19] + " UTC"))
    return described


def describe_duration(seconds: float) -> str:
    whole = max(round(seconds), 0)
    minutes, secs = divmod(whole, 60)
    hours, minutes = divmod(minutes, 60)
    if hours:
        return f"{hours} h {minutes} min"
    if minutes:
        return f"{minutes} min {secs} s"
    return f"{secs} s"


def _failure_of(model: ModelDefinition) -> str:
    if model.status != "failed":
        return ""
    progress = model.training_progress
    for candidate in (
        progress.retryable_error if progress else None,
        model.raw.get("failureReason"),
        model.raw.get("error"),
    ):
        if isinstance(candidate, str) and candidate:
            return candidate
    return "Scenario reported the training as failed without a reason."
