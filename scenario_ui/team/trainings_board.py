"""The leads' trainings board: every member's trainings in progress, and those of the chosen
range that ended (trained, failed, canceled, or whose start was never confirmed).

Reads only our records: each training's model as a worker last read it, through the
training monitor's own reading of status, stage, queue position and progress.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Final

from django.db.models import Q, QuerySet
from django.urls import reverse

from scenario_ui.generate.job_list import TRAINED_STATUS_LABELS
from scenario_ui.schema import parse_definition
from scenario_ui.team.ranges import DateRange
from scenario_ui.training.models import Training
from scenario_ui.training.monitor import FINISHED_STATUSES, TrainingMonitor, monitor_for
from scenario_ui.worker.heartbeat import WorkerState, worker_state

Outcome = Training.Outcome
# Polls read three short lists from one table: brisk costs little.
POLL_SECONDS: Final = 3
# Each ended list shows the newest this many; the CSV holds them all.
ENDED_SHOWN: Final = 100
FAILED_STATUSES: Final = ("failed", "training-canceled")


@dataclass(frozen=True)
class BoardRow:
    training: Training
    monitor: TrainingMonitor

    @property
    def user_name(self) -> str:
        return self.training.user.get_username()

    @property
    def job_url(self) -> str:
        """The training's monitor, on its model's Train page (leads may open anyone's)."""
        return reverse("training:train", args=[self.training.model_id])

    @property
    def status(self) -> str:
        """The model's status; "unknown" for a start whose answer was lost."""
        return "unknown" if self.training.outcome == Outcome.UNKNOWN else self.monitor.status

    @property
    def status_label(self) -> str:
        if self.training.outcome == Outcome.UNKNOWN:
            return str(self.training.get_outcome_display())
        return TRAINED_STATUS_LABELS.get(self.monitor.status, self.monitor.status or "Not read")

    @property
    def stage_label(self) -> str:
        if self.training.outcome == Outcome.SUBMITTING:
            return "Submitting"
        return self.monitor.stage_label or "Waiting for the first read"

    @property
    def problem(self) -> str:
        """Why it ended without a model: Scenario's reason, or what became of the start."""
        return self.monitor.failure or self.training.error


@dataclass(frozen=True)
class TrainingsBoard:
    range: DateRange
    in_progress: list[BoardRow]
    trained: list[BoardRow]
    failed: list[BoardRow]
    worker: WorkerState
    poll_seconds: int = POLL_SECONDS
    ended_shown: int = ENDED_SHOWN

    @property
    def running(self) -> bool:
        return bool(self.in_progress)

    @property
    def checked_at(self) -> datetime | None:
        """When a worker last read any training in progress (how fresh the board is)."""
        times = [row.training.checked_at for row in self.in_progress if row.training.checked_at]
        return max(times, default=None)

    @property
    def worker_missing(self) -> bool:
        return self.running and self.worker.is_stale

    @property
    def version(self) -> str:
        """Changes whenever a shown record does, or a row comes or goes."""
        rows = [*self.in_progress, *self.trained, *self.failed]
        stamp = max((row.training.updated_at.timestamp() for row in rows), default=0)
        return f"trainings-{len(rows)}-{stamp}-{self.worker_missing}"


def board_row(training: Training) -> BoardRow:
    return BoardRow(training, monitor_for(parse_definition(training.model_record)))


def in_progress_trainings() -> QuerySet[Training]:
    """Started (or being sent) and not finished, however long ago: the range does not hide
    a training that still runs."""
    return (
        Training.objects.filter(outcome__in=(Outcome.SUBMITTING, Outcome.STARTED))
        # Before the first read the record has no status (SQL's NULL, which NOT IN drops).
        .filter(
            Q(model_record__status__isnull=True) | ~Q(model_record__status__in=FINISHED_STATUSES)
        )
        .select_related("user")
    )


def trainings_in(chosen: DateRange) -> QuerySet[Training]:
    """Every training submitted in the range, newest first, whatever became of it."""
    return Training.objects.filter(
        created_at__gte=chosen.start, created_at__lt=chosen.end
    ).select_related("user")


def trainings_board(*, chosen: DateRange) -> TrainingsBoard:
    in_range = trainings_in(chosen)
    # A start whose answer was lost never shows the model trained or training (the follow
    # task makes it a start then): it stays unknown, listed with the failures.
    failed = in_range.filter(
        Q(model_record__status__in=FAILED_STATUSES) | Q(outcome=Outcome.UNKNOWN)
    )
    return TrainingsBoard(
        range=chosen,
        in_progress=[board_row(t) for t in in_progress_trainings()],
        trained=[
            board_row(t) for t in in_range.filter(model_record__status="trained")[:ENDED_SHOWN]
        ],
        failed=[board_row(t) for t in failed[:ENDED_SHOWN]],
        worker=worker_state(),
    )


CSV_HEADER: Final = (
    "submitted_at",
    "user",
    "model_id",
    "model_name",
    "model_type",
    "request",
    "status",
    "stage",
    "queue_position",
    "progress_percent",
    "creative_units",
    "problem",
    "job_id",
    "last_read_at",
)


def csv_rows(chosen: DateRange) -> Iterator[tuple[object, ...]]:
    """The CSV's rows, read in chunks: any number of trainings streams in flat memory."""
    for training in trainings_in(chosen).iterator(chunk_size=500):
        row = board_row(training)
        monitor = row.monitor
        yield (
            training.created_at.isoformat(),
            row.user_name,
            training.model_id,
            training.model_name,
            training.model_type,
            training.outcome,
            monitor.status,
            monitor.stage,
            "" if monitor.position is None else monitor.position,
            monitor.progress_percent,
            "" if training.creative_units is None else training.creative_units,
            row.problem,
            training.job_id,
            training.checked_at.isoformat() if training.checked_at else "",
        )
