"""Reviewing a training (a dry run for its cost) and then starting it, once.

The Start button carries a digest of the reviewed parameters: if the form was
changed after the estimate, the user sees the new cost before anything starts.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, replace
from typing import Any

from django.contrib.auth.models import User

from scenario_ui.forms.components import reshapes
from scenario_ui.forms.fields import FormData
from scenario_ui.forms.render import FormView, Moment
from scenario_ui.scenario.errors import ScenarioError
from scenario_ui.scenario.generation import CostEstimate
from scenario_ui.scenario.training import estimate_training, start_training
from scenario_ui.schema import ModelDefinition
from scenario_ui.team.budget_check import training_refusal
from scenario_ui.team.budgets import OverBudget
from scenario_ui.training.families import TrainerFamily
from scenario_ui.training.models import Training
from scenario_ui.training.page import training_form
from scenario_ui.training.payload import training_body
from scenario_ui.web.attempts import (
    AlreadyRecorded,
    Answered,
    Created,
    Lost,
    Refused,
    TokenTaken,
    existing_attempt,
    new_token,
    posted_token,
    record_attempt,
    send_once,
)

REVIEWED = "__reviewed"


@dataclass(frozen=True)
class Review:
    form: FormView
    estimate: CostEstimate | None = None
    error: ScenarioError | OverBudget | None = None
    digest: str = ""
    # The parameters changed between the estimate and the Start click.
    changed_since_estimate: bool = False


@dataclass(frozen=True)
class Started:
    """A recorded training (started, or whose start is unknown): the Train page follows it."""

    training: Training


@dataclass(frozen=True)
class ReviewAgain:
    """Nothing started: the review to show, with the token its Start button carries."""

    review: Review
    token: str


type StartResult = Started | ReviewAgain


def digest_of(parameters: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(parameters, sort_keys=True).encode()).hexdigest()[:16]


def review(
    model: ModelDefinition, family: TrainerFamily, data: FormData, *, base_url: str
) -> Review:
    form = training_form(model, family, data, base_url=base_url, moment=Moment.SUBMIT)
    if reshapes(data) or not form.state.is_valid:
        return Review(form=form)
    parameters = training_body(form.state)["parameters"]
    try:
        estimate = estimate_training(
            model.id, parameters, images_count=model.training_images_number
        )
    except ScenarioError as error:
        return Review(form=form, error=error)
    return Review(form=form, estimate=estimate, digest=digest_of(parameters))


def start(
    user: User,
    model: ModelDefinition,
    family: TrainerFamily,
    data: FormData,
    *,
    base_url: str,
) -> StartResult:
    token = posted_token(data)
    existing = existing_attempt(Training, user, token)
    if existing is not None:
        return Started(existing)
    checked = review(model, family, data, base_url=base_url)
    if checked.estimate is None:
        return ReviewAgain(checked, token)
    if checked.digest != (data.get(REVIEWED) or [""])[-1]:
        return ReviewAgain(replace(checked, changed_since_estimate=True), token)
    refusal = training_refusal(user, checked.estimate.creative_units)
    if refusal is not None:
        return ReviewAgain(replace(checked, error=refusal, estimate=None), token)
    recorded = record_attempt(
        Training,
        user,
        token,
        model_id=model.id,
        model_name=model.name,
        model_type=model.type,
        parameters=training_body(checked.form.state)["parameters"],
    )
    match recorded:
        case Created(attempt=training):
            return _send(training, checked)
        case AlreadyRecorded(attempt=training):
            # A concurrent Start of the same form won the race: follow it.
            return Started(training)
        case TokenTaken():
            return ReviewAgain(checked, new_token())


def _send(training: Training, checked: Review) -> StartResult:
    sent = send_once(training, lambda: start_training(training.model_id, training.parameters))
    match sent:
        case Answered(answer=started):
            training.outcome = Training.Outcome.STARTED
            training.job_id = started.job_id
            training.creative_units = started.creative_units
            training.save(update_fields=["outcome", "job_id", "creative_units"])
        case Lost(error=lost):
            training.outcome = Training.Outcome.UNKNOWN
            training.error = lost.message
            training.save(update_fields=["outcome", "error"])
        case Refused(error=refusal):
            # Its row is gone, so the same token can carry the corrected form.
            return ReviewAgain(replace(checked, error=refusal, estimate=None), str(training.token))
    return Started(training)


def already_started(user: User, data: FormData) -> bool:
    """Whether this form's Start was already pressed (its token recorded a training)."""
    return existing_attempt(Training, user, posted_token(data)) is not None
