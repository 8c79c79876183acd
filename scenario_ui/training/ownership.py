"""Trainings are per user, like generations: each model's training belongs to who started it.

Every user of the app shares one Scenario project, so the API cannot tell them
apart: the app's own records can. Once a user has recorded a training of a
model, its Train page, monitor, cancel and start are theirs (and the leads'); any other
user gets a 404, exactly as for another user's job.
"""

from __future__ import annotations

from django.contrib.auth.models import User
from django.http import Http404

from scenario_ui.schema import ModelDefinition
from scenario_ui.team.access import may_spend, oversees_team
from scenario_ui.training.models import Training

# A model Scenario shows in one of these has had a training start.
STARTED_STATUSES = ("training", "trained")


def trained_by_someone_else(user: User, model_id: str) -> bool:
    return Training.objects.filter(model_id=model_id).exclude(user=user).exists()


def require_own_training(user: User, model_id: str) -> None:
    if not oversees_team(user) and trained_by_someone_else(user, model_id):
        raise Http404("No training of this model is yours.")


def may_train(user: User, model_id: str) -> bool:
    """Whether the model page offers this user its Train page."""
    return may_spend(user) and (oversees_team(user) or not trained_by_someone_else(user, model_id))


def unsettled_start(user: User, model: ModelDefinition) -> Training | None:
    """The user's latest attempt on `model` when Scenario's answer to it was lost.

    The model's own status settles it: once Scenario shows the model training (or
    trained), that attempt started it. Until then the page says the start is unknown.
    """
    latest = Training.objects.filter(user=user, model_id=model.id).first()
    if latest is None or latest.outcome != Training.Outcome.UNKNOWN:
        return None
    if model.status not in STARTED_STATUSES:
        return latest
    job_id = model.raw.get("jobId")
    latest.outcome = Training.Outcome.STARTED
    latest.job_id = job_id if isinstance(job_id, str) else ""
    latest.error = ""
    latest.save(update_fields=["outcome", "job_id", "error"])
    return None
