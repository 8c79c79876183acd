"""The background task that follows one training until the model stops training.

A training's state is the model's own status and progress: the task reads the model,
keeps the record on our `Training` row (every page reads it from there), settles a
start whose answer was lost once the model shows it, and runs again while it trains.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from django.tasks import task
from django.utils import timezone

from scenario_ui.scenario import gateway
from scenario_ui.scenario.errors import ScenarioError, ScenarioRateLimited
from scenario_ui.training.models import Training
from scenario_ui.training.monitor import FINISHED_STATUSES
from scenario_ui.training.ownership import STARTED_STATUSES
from scenario_ui.worker.backoff import LONGEST_SECONDS, first_delay, next_delay
from scenario_ui.worker.heartbeat import beat
from scenario_ui.worker.models import WebhookEndpoint
from scenario_ui.worker.scheduling import enqueue_in

log = logging.getLogger("scenario_ui.worker")

# A start whose answer was lost is watched this long for the model to show it.
UNSETTLED_WATCH = timedelta(minutes=10)


@task()
def follow_training(training_pk: int, previous_delay: float | None = None) -> None:
    beat()
    training = Training.objects.filter(pk=training_pk).first()
    if training is None or training.outcome == Training.Outcome.SUBMITTING:
        return
    if training.model_status in FINISHED_STATUSES:
        # Read to its end already (a late delivery, the safety-net read): nothing to learn.
        return
    problem = None
    try:
        record(training, gateway.retrieve_model(training.model_id, fresh=True))
    except ScenarioError as error:
        problem = error
    log.info(
        "follow training=%s model=%s user=%s outcome=%s status=%s%s",
        training.pk,
        training.model_id,
        training.user_id,
        training.outcome,
        training.model_status,
        f" problem={type(problem).__name__}" if problem else "",
    )
    if not _still_to_follow(training):
        return
    retry_after = problem.retry_after if isinstance(problem, ScenarioRateLimited) else None
    delay = next_delay(previous_delay, retry_after=retry_after)
    enqueue_in(follow_training, delay, training_pk, delay)


def start_following(training: Training) -> None:
    delay = first_delay(webhooks=WebhookEndpoint.objects.exists())
    enqueue_in(follow_training, delay, training.pk, delay)


def read_soon(training: Training) -> None:
    """A read now, for news of the training (a delivery, a cancel, a sweep)."""
    enqueue_in(follow_training, 0, training.pk, LONGEST_SECONDS)


def record(training: Training, model: dict[str, object]) -> None:
    """Keep the model as read; a lost start is settled once the model shows it started."""
    training.model_record = model
    training.checked_at = timezone.now()
    if training.outcome == Training.Outcome.UNKNOWN and training.model_status in STARTED_STATUSES:
        job_id = model.get("jobId")
        training.outcome = Training.Outcome.STARTED
        training.job_id = job_id if isinstance(job_id, str) else ""
        training.error = ""
    training.save()


def _still_to_follow(training: Training) -> bool:
    if training.outcome == Training.Outcome.UNKNOWN:
        return timezone.now() - training.created_at < UNSETTLED_WATCH
    return training.model_status not in FINISHED_STATUSES
