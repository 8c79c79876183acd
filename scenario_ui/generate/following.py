"""The background task that follows one generation's job until it ends.

Pages never read a job from Scenario: this task does, stores what it read on the
record, and runs again after a delay while the job runs (see `worker.backoff`).
"""

from __future__ import annotations

import logging

from django.tasks import task

from scenario_ui.generate.models import Generation
from scenario_ui.generate.tracking import refresh, store_results
from scenario_ui.scenario.errors import ScenarioError, ScenarioRateLimited
from scenario_ui.worker.backoff import LONGEST_SECONDS, first_delay, next_delay
from scenario_ui.worker.heartbeat import beat
from scenario_ui.worker.models import WebhookEndpoint
from scenario_ui.worker.scheduling import enqueue_in

log = logging.getLogger("scenario_ui.worker")


@task()
def follow_generation(generation_pk: int, previous_delay: float | None = None) -> None:
    beat()
    generation = Generation.objects.filter(pk=generation_pk).first()
    if generation is None or not generation.job_id:
        return
    refreshed = refresh(generation)
    problem = refreshed.error
    if problem is None and generation.is_finished and not generation.results:
        try:
            store_results(generation)
        except ScenarioError as error:
            problem = error
    _log(generation, problem)
    if generation.is_finished and problem is None:
        return
    retry_after = problem.retry_after if isinstance(problem, ScenarioRateLimited) else None
    delay = next_delay(previous_delay, retry_after=retry_after)
    enqueue_in(follow_generation, delay, generation_pk, delay)


def start_following(generation: Generation) -> None:
    """Once a submission has a job: its first read, a second later (30 s with webhooks)."""
    if generation.job_id:
        delay = first_delay(webhooks=WebhookEndpoint.objects.exists())
        enqueue_in(follow_generation, delay, generation.pk, delay)


def read_soon(generation: Generation) -> None:
    """A read now, for news of the job (a delivery, a sweep): if it still runs, its own
    chain of reads goes on, so this one does not come back soon."""
    enqueue_in(follow_generation, 0, generation.pk, LONGEST_SECONDS)


def _log(generation: Generation, problem: ScenarioError | None) -> None:
    log.info(
        "follow generation=%s job=%s user=%s status=%s progress=%.2f%s",
        generation.pk,
        generation.job_id,
        generation.user_id,
        generation.status,
        generation.progress,
        f" problem={type(problem).__name__}" if problem else "",
    )
