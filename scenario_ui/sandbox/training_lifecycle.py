"""How a sandbox training moves through its stages, computed from the clock (no worker runs).

A training takes T seconds, T = `settings.SANDBOX_TRAINING_SECONDS` (12 by default), fixed
when it is triggered. Measured from the trigger, the model is `training` and its
`trainingProgress.stage` is:

- `queued-for-train` for the first 20% of T, its `position` in the queue counting down
  3, 2, 1 in equal steps;
- `starting-train` until 30% (`trainingProgress.startedAt` is set from here on);
- `running-train` until T, `progress` rising linearly from 0 to 1 and `remainingTimeMs`
  falling to 0 over that span;
- then the model is `trained`: `trainingProgress` is `{}` and `trainingStats` holds
  startedAt, endedAt, queueDuration (the 20% queued) and trainDuration (the rest), in
  seconds.

Its job (`GET /jobs/{jobId}`) follows the same timeline: `queued`, `warming-up` while
starting, `in-progress` (with the same progress) while running, then `success`.

A training whose concept prompt (`conceptPrompt`, or `voiceDescription` for a voice)
contains "fail", in any case, ends at 50% of T: the model is `failed`, `trainingProgress`
keeps the stage and progress it had reached, the top-level `failureReason` says why, and
the job ends in `failure` with `metadata.error` and `metadata.hint`.

A training can be canceled while queued or starting, not once running: the model becomes
`training-canceled` (`trainingProgress` `{}`) and the job `canceled`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Final

from scenario_ui.sandbox.lifecycle import StatusChange

QUEUED: Final = "queued-for-train"
STARTING: Final = "starting-train"
RUNNING: Final = "running-train"
# When each stage starts, as a fraction of the training's duration.
STARTING_AT: Final = 0.2
RUNNING_AT: Final = 0.3
# Each stage, when it starts, and the status of the training's job meanwhile.
STAGE_STARTS: Final = (
    (QUEUED, 0.0, "queued"),
    (STARTING, STARTING_AT, "warming-up"),
    (RUNNING, RUNNING_AT, "in-progress"),
)
CANCELABLE_STAGES: Final = frozenset({QUEUED, STARTING})
QUEUE_POSITIONS: Final = 3
FAILURE_AT: Final = 0.5
# The model status, then the job status, of each way a training ends.
OUTCOMES: Final = {
    "trained": "success",
    "failed": "failure",
    "training-canceled": "canceled",
}


@dataclass(frozen=True)
class TrainingTimeline:
    """What the lifecycle needs to know about one training."""

    created_at: datetime
    duration_seconds: float
    fails: bool
    canceled_at: datetime | None


@dataclass(frozen=True)
class TrainingState:
    model_status: str
    # The last stage reached: where a failed training stopped.
    stage: str
    position: int | None
    progress: float
    remaining_ms: int
    # When the figures above last changed.
    updated_at: datetime
    started_at: datetime | None
    ended_at: datetime | None
    job_history: tuple[StatusChange, ...]

    @property
    def is_finished(self) -> bool:
        return self.model_status in OUTCOMES

    @property
    def job_status(self) -> str:
        return self.job_history[-1].status


def training_state(timeline: TrainingTimeline, now: datetime) -> TrainingState:
    """The training as it stands at `now` (or when it was canceled, if that came first)."""
    canceled_at = timeline.canceled_at
    if canceled_at is not None and canceled_at > now:
        canceled_at = None  # Asked about a moment before the cancel.
    end = FAILURE_AT if timeline.fails else 1.0
    fraction = min(_fraction(timeline, canceled_at or now), end)
    reached = [(stage, start, job) for stage, start, job in STAGE_STARTS if start <= fraction]
    stage = reached[-1][0]
    history = [StatusChange(job, _moment(timeline, start)) for _, start, job in reached]
    started_at = _moment(timeline, STARTING_AT) if stage != QUEUED else None
    if fraction >= end:
        model_status = "failed" if timeline.fails else "trained"
        ended_at: datetime | None = _moment(timeline, end)
    elif canceled_at is not None:
        model_status, ended_at = "training-canceled", canceled_at
    else:
        model_status, ended_at = "training", None
    if ended_at is not None:
        history.append(StatusChange(OUTCOMES[model_status], ended_at))
    progress = _running_progress(fraction)
    return TrainingState(
        model_status=model_status,
        stage=stage,
        position=_position(fraction) if stage == QUEUED else None,
        progress=1.0 if model_status == "trained" else progress,
        remaining_ms=round((1.0 - fraction) * timeline.duration_seconds * 1000),
        updated_at=ended_at or _updated_at(timeline, stage, fraction, now),
        started_at=started_at,
        ended_at=ended_at,
        job_history=tuple(history),
    )


def _fraction(timeline: TrainingTimeline, moment: datetime) -> float:
    if timeline.duration_seconds <= 0:
        return 1.0
    elapsed = (moment - timeline.created_at).total_seconds()
    # A moment before the trigger (a clock set back) reads as the trigger itself.
    return max(elapsed, 0.0) / timeline.duration_seconds


def _moment(timeline: TrainingTimeline, fraction: float) -> datetime:
    return timeline.created_at + timedelta(seconds=timeline.duration_seconds * fraction)


def _queue_step() -> float:
    return STARTING_AT / QUEUE_POSITIONS


def _position(fraction: float) -> int:
    return QUEUE_POSITIONS - math.floor(fraction / _queue_step())


def _running_progress(fraction: float) -> float:
    return round(min(max((fraction - RUNNING_AT) / (1.0 - RUNNING_AT), 0.0), 1.0), 4)


def _updated_at(timeline: TrainingTimeline, stage: str, fraction: float, now: datetime) -> datetime:
    if stage == QUEUED:
        # The position last moved at the start of the current queue step.
        return _moment(timeline, math.floor(fraction / _queue_step()) * _queue_step())
    if stage == STARTING:
        return _moment(timeline, STARTING_AT)
    return now  # Running: the progress moves all the time.
