"""How a sandbox job moves through its statuses, computed from the clock (no worker runs).

A job takes D seconds, D = `settings.SANDBOX_JOB_SECONDS` (4 by default), fixed when the
job is submitted. Measured from its creation, it is:

- `queued` for the first 15% of D, then `warming-up` until 25%;
- `in-progress` until 90%, its `progress` rising linearly from 0 to 1 over that span;
- `finalizing` until D, then `success` with `progress` 1. The first read that finds it
  succeeded produces its outputs, once: later reads answer the same assets.

`statusHistory` lists every status reached so far, each dated when it was reached.

A canceled job stays `canceled` with the progress it had. A job whose prompt (its first
input marked `prompt: true`) contains "fail", in any case, ends in `failure` at 60% of D,
with `metadata.error` and `metadata.hint` (`FAILURE_ERROR` and `FAILURE_HINT` below), so
clients can exercise their failure path.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Final

FAILURE_TRIGGER: Final = "fail"
FAILURE_ERROR: Final = "The sandbox was asked to fail: the prompt contains “fail”."
FAILURE_HINT: Final = "Remove “fail” from the prompt and submit again."

# When each status starts, as a fraction of the job's duration.
STATUS_STARTS: Final = (
    ("queued", 0.0),
    ("warming-up", 0.15),
    ("in-progress", 0.25),
    ("finalizing", 0.9),
    ("success", 1.0),
)
FAILURE_AT: Final = 0.6
PROGRESS_SPAN: Final = (0.25, 0.9)
FINISHED_STATUSES: Final = frozenset({"success", "failure", "canceled"})


@dataclass(frozen=True)
class StatusChange:
    status: str
    date: datetime


@dataclass(frozen=True)
class JobTimeline:
    """What the lifecycle needs to know about one job."""

    created_at: datetime
    duration_seconds: float
    fails: bool
    canceled_at: datetime | None


@dataclass(frozen=True)
class JobState:
    status: str
    progress: float
    history: tuple[StatusChange, ...]

    @property
    def updated_at(self) -> datetime:
        return self.history[-1].date

    @property
    def is_finished(self) -> bool:
        return self.status in FINISHED_STATUSES


def prompt_asks_to_fail(prompt: str) -> bool:
    return FAILURE_TRIGGER in prompt.casefold()


def job_state(timeline: JobTimeline, now: datetime) -> JobState:
    """The job as it stands at `now` (or when it was canceled, if that came first)."""
    canceled_at = timeline.canceled_at
    if canceled_at is not None and canceled_at > now:
        canceled_at = None  # Asked about a moment before the cancel.
    elapsed = ((canceled_at or now) - timeline.created_at).total_seconds()
    fraction = elapsed / timeline.duration_seconds if timeline.duration_seconds > 0 else 1.0
    history = [
        StatusChange(status, _moment(timeline, start))
        for status, start in STATUS_STARTS
        if start <= fraction and not (timeline.fails and start > FAILURE_AT)
    ]
    if timeline.fails and fraction >= FAILURE_AT:
        history.append(StatusChange("failure", _moment(timeline, FAILURE_AT)))
    finished = history[-1].status in FINISHED_STATUSES
    if canceled_at is not None and not finished:
        history.append(StatusChange("canceled", canceled_at))
    last = history[-1].status
    reached = FAILURE_AT if last == "failure" else fraction
    return JobState(status=last, progress=_progress(reached), history=tuple(history))


def _moment(timeline: JobTimeline, fraction: float) -> datetime:
    return timeline.created_at + timedelta(seconds=timeline.duration_seconds * fraction)


def _progress(fraction: float) -> float:
    start, end = PROGRESS_SPAN
    return round(min(max((fraction - start) / (end - start), 0.0), 1.0), 4)
