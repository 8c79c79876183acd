"""My jobs as a person scans it: what was asked (prompt, thumbnail), filtered by status and
model, what each failed or canceled job cost, and where each training really ended.

Reads only our records: the worker stores each job's result assets and each training's
model record, so nothing here calls Scenario.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final

from django.contrib.auth.models import User
from django.db.models import QuerySet

from scenario_ui.generate.models import PROMPT_FIELDS, Generation
from scenario_ui.generate.tracking import results
from scenario_ui.training.models import Training

Status = Generation.Status
# The status filter's choices: the job statuses a person tells apart.
STATUS_GROUPS: Final[dict[str, tuple[str, tuple[str, ...]]]] = {
    "running": (
        "Running",
        (
            Status.SUBMITTING,
            Status.PENDING,
            Status.QUEUED,
            Status.WARMING_UP,
            Status.IN_PROGRESS,
            Status.FINALIZING,
        ),
    ),
    "success": ("Succeeded", (Status.SUCCESS,)),
    "failure": ("Failed", (Status.FAILURE,)),
    "canceled": ("Canceled", (Status.CANCELED,)),
    "unknown": ("Status unknown", (Status.UNKNOWN,)),
}
EXCERPT_LENGTH: Final = 80
# A model's status, as a training's end: the API's words, for a person.
TRAINED_STATUS_LABELS: Final = {
    "trained": "Trained",
    "training": "Training now",
    "failed": "Failed",
    "training-canceled": "Canceled",
    "new": "Not started",
}


@dataclass(frozen=True)
class JobFilters:
    status: str = ""
    model_id: str = ""

    @classmethod
    def from_query(cls, query: Mapping[str, str]) -> JobFilters:
        status = query.get("status", "")
        return cls(
            status=status if status in STATUS_GROUPS else "", model_id=query.get("model", "")
        )


@dataclass(frozen=True)
class Thumbnail:
    url: str
    is_image: bool
    kind: str


@dataclass(frozen=True)
class JobRow:
    generation: Generation
    prompt: str
    thumbnail: Thumbnail | None
    # For a failed or canceled job: whether it was charged ("" for the others).
    charge: str


@dataclass(frozen=True)
class TrainingRow:
    training: Training
    # Where the training ended (or stands), from the model itself; "" when not known.
    final_status: str


def filtered_generations(*, user: User, filters: JobFilters) -> QuerySet[Generation]:
    generations = Generation.objects.filter(user=user)
    if filters.status:
        generations = generations.filter(status__in=STATUS_GROUPS[filters.status][1])
    if filters.model_id:
        generations = generations.filter(model_id=filters.model_id)
    return generations


def model_choices(*, user: User) -> list[tuple[str, str]]:
    """(model id, name) of every model the user generated with, by name."""
    pairs = Generation.objects.filter(user=user).values_list("model_id", "model_name")
    names = {model_id: name or model_id for model_id, name in pairs}
    return sorted(names.items(), key=lambda pair: pair[1].lower())


def job_rows(generations: Sequence[Generation]) -> list[JobRow]:
    return [
        JobRow(
            generation=generation,
            prompt=prompt_excerpt(generation.request_body),
            thumbnail=_thumbnail(generation),
            charge=charge_note(generation),
        )
        for generation in generations
    ]


def training_rows(trainings: Sequence[Training]) -> list[TrainingRow]:
    return [
        TrainingRow(training, TRAINED_STATUS_LABELS.get(training.model_status, ""))
        if training.outcome == Training.Outcome.STARTED
        else TrainingRow(training, "")
        for training in trainings
    ]


def prompt_excerpt(body: Mapping[str, Any]) -> str:
    for name in PROMPT_FIELDS:
        text = body.get(name)
        if isinstance(text, str) and text.strip():
            words = " ".join(text.split())
            return words if len(words) <= EXCERPT_LENGTH else words[: EXCERPT_LENGTH - 1] + "…"
    return ""


def charge_note(generation: Generation) -> str:
    if generation.status not in (Status.FAILURE, Status.CANCELED):
        return ""
    units = generation.creative_units
    if units is None:
        return "Charge not known"
    if units <= 0:
        return "Not charged"
    return f"Charged {units:g} CU"


def _thumbnail(generation: Generation) -> Thumbnail | None:
    """The first result as the worker stored it; none until it has."""
    first = next(iter(results(generation)), None)
    if first is None or not first.url:
        return None
    return Thumbnail(first.url, first.shows_as == "image", first.kind or first.shows_as)
