"""One line of the activity feed, a generation or a training, as our records hold it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Final

from django.urls import reverse

from scenario_ui.generate.job_list import Thumbnail, job_rows
from scenario_ui.generate.models import Generation
from scenario_ui.schema import parse_definition
from scenario_ui.team.feed_filters import EXTERNAL_LABEL, TRAINING_STATUSES
from scenario_ui.training.models import Training
from scenario_ui.training.monitor import monitor_for

# On a tie of `created_at`, generations come first: the feed's order is total.
KIND_RANKS: Final = {"generation": 1, "training": 0}


def feed_order(*, created_at: datetime, kind: str, pk: int) -> tuple[datetime, int, int]:
    """The feed's order, newest first when reversed; total, across both tables."""
    return (created_at, KIND_RANKS[kind], pk)


@dataclass(frozen=True)
class FeedRow:
    kind: str
    pk: int
    # The raw status: a generation's, or a training's model status (its outcome before).
    status: str
    status_label: str
    is_running: bool
    is_finished: bool
    job_url: str
    user_name: str
    model_id: str
    model_name: str
    # None when a bar says nothing (not started, failed...).
    progress_percent: int | None
    creative_units: float | None
    # The excerpt a row shows; the export has the whole prompt.
    prompt: str
    full_prompt: str
    thumbnail: Thumbnail | None
    # A failed job's charge, a training's stage: "" when there is nothing to add.
    note: str
    created_at: datetime
    updated_at: datetime

    @property
    def sort_key(self) -> tuple[datetime, int, int]:
        return feed_order(created_at=self.created_at, kind=self.kind, pk=self.pk)

    @property
    def version(self) -> str:
        """Changes whenever what the row shows changes (its polls answer 304 otherwise)."""
        return f"feed-{self.kind}-{self.pk}-{self.updated_at.timestamp()}"


def generation_row(generation: Generation) -> FeedRow:
    [shown] = job_rows([generation])
    status = generation.status
    progress = (
        100
        if status == Generation.Status.SUCCESS
        else round(generation.progress * 100)
        if generation.is_running
        else None
    )
    return FeedRow(
        kind="generation",
        pk=generation.pk,
        status=status,
        status_label=generation.get_status_display(),
        is_running=generation.is_running,
        is_finished=generation.is_finished,
        job_url=reverse("generate:job", args=[generation.pk]),
        user_name=generation.user.get_username() if generation.user else EXTERNAL_LABEL,
        model_id=generation.model_id,
        model_name=generation.model_name or generation.model_id,
        progress_percent=progress,
        creative_units=generation.creative_units,
        prompt=shown.prompt,
        full_prompt=generation.prompt,
        thumbnail=shown.thumbnail,
        note=shown.charge,
        created_at=generation.created_at,
        updated_at=generation.updated_at,
    )


def training_row(training: Training) -> FeedRow:
    status = training.model_status or training.outcome
    monitor = (
        monitor_for(parse_definition(training.model_record)) if training.model_status else None
    )
    is_finished = monitor is not None and monitor.is_finished
    started = training.outcome == Training.Outcome.STARTED
    note = ""
    if monitor is not None and monitor.is_active:
        queued = f", position {monitor.position} in the queue" if monitor.position else ""
        note = f"{monitor.stage_label}{queued}" if monitor.stage_label else ""
    return FeedRow(
        kind="training",
        pk=training.pk,
        status=status,
        status_label=TRAINING_STATUSES.get(status) or training.get_outcome_display(),
        is_running=started and not is_finished,
        is_finished=is_finished,
        job_url=reverse("training:train", args=[training.model_id]),
        user_name=training.user.get_username(),
        model_id=training.model_id,
        model_name=training.model_name or training.model_id,
        progress_percent=monitor.progress_percent
        if monitor is not None and (monitor.is_active or status == "trained")
        else None,
        creative_units=training.creative_units,
        prompt="",
        full_prompt="",
        thumbnail=None,
        note=note,
        created_at=training.created_at,
        updated_at=training.updated_at,
    )
