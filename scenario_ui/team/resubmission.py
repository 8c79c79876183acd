"""A lead resubmits a failed or canceled generation: the same body, a new token, sent once.

The new generation is the original owner's, and so is the budget it counts against:
spend is read from the records' users, the owner's job list is where they look for it,
and a lead retrying a member's work should not hide it from them. A job imported as
external has no owner in the app: its resubmission is the lead's, on the lead's budget.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from django.contrib.auth.models import User
from django.shortcuts import get_object_or_404

from scenario_ui.generate.models import Generation
from scenario_ui.generate.submission import send_recorded
from scenario_ui.scenario.errors import ScenarioError
from scenario_ui.scenario.generation import CostEstimate, estimate_cost
from scenario_ui.team.audit import record
from scenario_ui.team.budget_check import generation_refusal
from scenario_ui.team.budgets import Limit, OverBudget, limits_for, over_budget
from scenario_ui.team.cancellation import JobRef, generation_ref
from scenario_ui.team.models import AuditEntry
from scenario_ui.web.attempts import (
    AlreadyRecorded,
    Created,
    TokenTaken,
    existing_attempt,
    new_token,
    record_attempt,
)

RESUBMITTABLE = (Generation.Status.FAILURE, Generation.Status.CANCELED)


def not_resubmittable(generation: Generation) -> str:
    """Why this generation may not be resubmitted, or "" when it may."""
    if generation.status in RESUBMITTABLE:
        return ""
    return (
        f"Generation #{generation.pk} has the status {generation.get_status_display()}: only "
        "failed or canceled generations can be resubmitted from here (use Edit and "
        "resubmit on its page to send a changed copy)."
    )


def payer(generation: Generation, actor: User) -> User:
    """Whose the resubmission is, and whose budget it counts against (see the module)."""
    return generation.user if generation.user is not None else actor


@dataclass(frozen=True)
class ResubmitPreview:
    """The confirmation page: the request as it will be sent, its cost and the budgets."""

    generation: Generation
    owner: User
    token: str
    refusal: str
    estimate: CostEstimate | None = None
    estimate_error: ScenarioError | None = None
    over: OverBudget | None = None
    limits: list[Limit] = field(default_factory=list)

    @property
    def body(self) -> dict[str, Any]:
        return dict(self.generation.request_body)


def resubmit_preview(*, actor: User, pk: int) -> ResubmitPreview:
    """Read what the confirmation shows, with a new token for its form; the dry run is asked
    of Scenario each time."""
    generation = get_object_or_404(Generation, pk=pk)
    owner = payer(generation, actor)
    refusal = not_resubmittable(generation)
    preview = ResubmitPreview(
        generation=generation, owner=owner, token=new_token(), refusal=refusal
    )
    if refusal:
        return preview
    limits = limits_for(owner)
    try:
        estimate = estimate_cost(generation.model_id, dict(generation.request_body))
    except ScenarioError as error:
        return replace(preview, estimate_error=error, limits=limits)
    over = over_budget(owner, estimate.creative_units, limits)
    return replace(preview, estimate=estimate, over=over, limits=limits)


@dataclass(frozen=True)
class Resubmitted:
    """Recorded (by this post or an earlier one with the same token): its page follows it."""

    generation: Generation


@dataclass(frozen=True)
class NotSent:
    """Nothing was sent: refused by status, budget or Scenario, or the form expired."""

    message: str


type ResubmitResult = Resubmitted | NotSent


def resubmit(*, actor: User, pk: int, token: str) -> ResubmitResult:
    original = get_object_or_404(Generation, pk=pk)
    owner = payer(original, actor)
    again = existing_attempt(Generation, owner, token)
    if again is not None:
        return Resubmitted(again)
    refusal = not_resubmittable(original)
    if refusal:
        return NotSent(refusal)
    body = dict(original.request_body)
    over = generation_refusal(owner, original.model_id, body)
    if over is not None:
        return NotSent(over.message)
    recorded = record_attempt(
        Generation,
        owner,
        token,
        model_id=original.model_id,
        model_name=original.model_name,
        request_body=body,
    )
    match recorded:
        case AlreadyRecorded(attempt=generation):
            return Resubmitted(generation)
        case TokenTaken():
            return NotSent("This confirmation had expired: nothing was sent. Confirm again.")
        case Created(attempt=generation):
            problem = send_recorded(generation)
            if problem is not None:
                return NotSent(f"Scenario refused it, nothing was sent. {problem.message}")
            _audit(actor, generation_ref(original), generation_ref(generation))
            return Resubmitted(generation)


def _audit(actor: User, original: JobRef, resubmission: JobRef) -> None:
    record(
        actor=actor,
        action=AuditEntry.Action.GENERATION_RESUBMITTED,
        summary=f"{original.label} of {original.owner_name} resubmitted as #{resubmission.pk}",
        details={
            "kind": "generation",
            "pk": resubmission.pk,
            "job_url": resubmission.url,
            "owner": resubmission.owner_name,
            "original_pk": original.pk,
            "original_url": original.url,
        },
    )
