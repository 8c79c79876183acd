"""A lead cancels anyone's running generation or training, through the paths the job and
Train pages use, and the cancel is written to the audit trail."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import User
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse

from scenario_ui.generate.models import Generation
from scenario_ui.generate.tracking import cancel
from scenario_ui.scenario.errors import ScenarioError
from scenario_ui.scenario.training import cancel_training
from scenario_ui.team.audit import record
from scenario_ui.team.models import AuditEntry
from scenario_ui.training.following import read_soon
from scenario_ui.training.models import Training
from scenario_ui.training.monitor import FINISHED_STATUSES

JOB_KINDS = ("generation", "training")


@dataclass(frozen=True)
class JobRef:
    """The job a queue action names, as the audit trail and the pages link to it."""

    kind: str
    pk: int
    url: str
    label: str
    owner_name: str


@dataclass(frozen=True)
class Canceled:
    job: JobRef

    @property
    def message(self) -> str:
        return f"Cancel sent for {self.job.label}: its status follows from Scenario."


@dataclass(frozen=True)
class AlreadyFinished:
    job: JobRef
    status: str

    @property
    def message(self) -> str:
        return f"{self.job.label} had already ended ({self.status}): nothing to cancel."


@dataclass(frozen=True)
class NotCancelable:
    """No job on Scenario to cancel yet (being sent, or its submission's answer was lost)."""

    job: JobRef

    @property
    def message(self) -> str:
        return (
            f"{self.job.label} has no job on Scenario to cancel yet (it is being sent, or its "
            "answer was lost: look it up on its page first)."
        )


@dataclass(frozen=True)
class CancelFailed:
    job: JobRef
    error: ScenarioError

    @property
    def message(self) -> str:
        return f"{self.job.label} was not canceled. {self.error.title}: {self.error.message}"


type CancelResult = Canceled | AlreadyFinished | NotCancelable | CancelFailed


def owner_name(user: User | None) -> str:
    return user.get_username() if user is not None else "External (API / web app)"


def generation_ref(generation: Generation) -> JobRef:
    return JobRef(
        kind="generation",
        pk=generation.pk,
        url=reverse("generate:job", args=[generation.pk]),
        label=f"Generation #{generation.pk} ({generation.model_name or generation.model_id})",
        owner_name=owner_name(generation.user),
    )


def training_ref(training: Training) -> JobRef:
    return JobRef(
        kind="training",
        pk=training.pk,
        url=reverse("training:train", args=[training.model_id]),
        label=f"Training #{training.pk} ({training.model_name or training.model_id})",
        owner_name=owner_name(training.user),
    )


def cancel_job(*, actor: User, kind: str, pk: int) -> CancelResult:
    """Cancel one of the team's jobs; a 404 for an unknown kind or job."""
    if kind == "generation":
        result = _cancel_generation(get_object_or_404(Generation, pk=pk))
    elif kind == "training":
        result = _cancel_training(get_object_or_404(Training, pk=pk))
    else:
        raise Http404(f'No job kind "{kind}": the kinds are {", ".join(JOB_KINDS)}.')
    if isinstance(result, Canceled):
        job = result.job
        record(
            actor=actor,
            action=AuditEntry.Action.JOB_CANCELED,
            summary=f"{job.label} of {job.owner_name} canceled",
            details={"kind": job.kind, "pk": job.pk, "job_url": job.url, "owner": job.owner_name},
        )
    return result


def _cancel_generation(generation: Generation) -> CancelResult:
    job = generation_ref(generation)
    if generation.is_finished:
        return AlreadyFinished(job, generation.get_status_display())
    if not generation.is_running:
        return NotCancelable(job)
    refreshed = cancel(generation)
    if refreshed.error is not None:
        return CancelFailed(job, refreshed.error)
    return Canceled(job)


def _cancel_training(training: Training) -> CancelResult:
    job = training_ref(training)
    if training.model_status in FINISHED_STATUSES:
        return AlreadyFinished(job, training.model_status.replace("-", " "))
    if training.outcome == Training.Outcome.SUBMITTING:
        return NotCancelable(job)
    try:
        cancel_training(training.model_id)
    except ScenarioError as error:
        return CancelFailed(job, error)
    read_soon(training)
    return Canceled(job)
