"""Thirty days of past jobs and a few trainings, so a fresh sandbox has a history to show.

Seeded from a fixed random seed: the same jobs (ids, models, prompts, authors, outcomes,
costs) every time, dated relative to the moment of seeding. Re-seeding adds nothing (the
ids exist). Nothing new is needed to keep the outcomes: the lifecycle already derives a
job's status from its timeline, so a job long past its duration stays `success`, one
marked `fails` stays `failure` (its prompt contains "fail", the sandbox's documented
rule) and one with `canceled_at` stays `canceled`. The few "still running" ones are
recent and long: they finish within the next hour or two, as real ones would.

Outputs are not drawn here: like any job's, they are produced when a read first finds the
job succeeded, and jobs of the same request share the drawing (`jobs._copy_outputs`).
"""

from __future__ import annotations

import random
import string
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Final

from scenario_ui.sandbox import clock
from scenario_ui.sandbox.api.errors import SandboxApiError
from scenario_ui.sandbox.generation import CUSTOM_MODEL_TYPE, accept_submission
from scenario_ui.sandbox.history_trainings import history_trainings
from scenario_ui.sandbox.identity import SANDBOX_USER_ID
from scenario_ui.sandbox.jobs import input_digest
from scenario_ui.sandbox.models import SandboxJob, SandboxModel, SandboxTraining
from scenario_ui.sandbox.pricing import price
from scenario_ui.schema import ModelDefinition, parse_definition

HISTORY_SEED: Final = 20_261_130
HISTORY_DAYS: Final = 30
PAST_JOBS: Final = 540
RUNNING_JOBS: Final = 5
# Jobs of the project sent outside the app (a pipeline with its own key, the web app).
OTHER_AUTHORS: Final = ("user_asset-pipeline", "user_web-app-artist")
OTHER_AUTHOR_SHARE: Final = 0.15
# success, failure, canceled.
OUTCOME_WEIGHTS: Final = (0.82, 0.11, 0.07)
# Few subjects: jobs of the same request share their drawn outputs.
SUBJECTS: Final = (
    "a brass lighthouse at dusk, volumetric fog",
    "a cozy tavern interior, warm candlelight",
    "a desert caravan crossing dunes at noon",
    "a tiny robot gardener tending bonsai",
    "a moonlit harbor with paper lanterns",
    "an ancient temple overgrown with vines",
)
# The sandbox fails a job whose prompt contains "fail": these do, on purpose.
FAILING_SUBJECTS: Final = (
    "a failed rocket launch over the salt flats",
    "a knight failing to lift a giant sword",
    "fail-safe test: an empty white room",
)
RECENT: Final = timedelta(minutes=20)


class HistoryError(Exception):
    """The history cannot be seeded (its message says what to do)."""


@dataclass(frozen=True)
class HistorySummary:
    jobs_created: int
    trainings_created: int


@dataclass(frozen=True)
class RunnableModel:
    id: str
    definition: ModelDefinition
    prompt_input: str


def seed_history(*, now: datetime | None = None) -> HistorySummary:
    """Create the history's jobs and trainings that do not exist yet."""
    moment = now or clock.now()
    jobs = planned_jobs(runnable_models(), now=moment)
    trainings = history_trainings(now=moment)
    existing_jobs = set(
        SandboxJob.objects.filter(pk__in=[job.id for job in jobs]).values_list("id", flat=True)
    )
    new_jobs = [job for job in jobs if job.id not in existing_jobs]
    SandboxJob.objects.bulk_create(new_jobs, batch_size=500)
    existing_trainings = set(
        SandboxTraining.objects.filter(pk__in=[t.id for t in trainings]).values_list(
            "id", flat=True
        )
    )
    new_trainings = [t for t in trainings if t.id not in existing_trainings]
    SandboxTraining.objects.bulk_create(new_trainings)
    return HistorySummary(jobs_created=len(new_jobs), trainings_created=len(new_trainings))


def runnable_models() -> list[RunnableModel]:
    """The demo's custom models that run on a prompt alone, by id."""
    rows = SandboxModel.objects.filter(type=CUSTOM_MODEL_TYPE).order_by("id")
    found = []
    for row in rows:
        definition = parse_definition(row.record)
        prompt_input = next(
            (spec.name for spec in definition.inputs if getattr(spec, "prompt", False)), None
        )
        if prompt_input is None or not _accepts({prompt_input: SUBJECTS[0]}, definition):
            continue
        found.append(RunnableModel(row.id, definition, prompt_input))
    if not found:
        raise HistoryError("No demo model to run: seed the sandbox first (manage.py seed_sandbox).")
    return found


def planned_jobs(models: list[RunnableModel], *, now: datetime) -> list[SandboxJob]:
    """The history's jobs, unsaved: the same ones for the same models, dated from `now`."""
    rng = random.Random(HISTORY_SEED)
    jobs = [_past_job(rng, models, now) for _ in range(PAST_JOBS)]
    jobs += [_running_job(rng, models, now) for _ in range(RUNNING_JOBS)]
    return jobs


def _past_job(rng: random.Random, models: list[RunnableModel], now: datetime) -> SandboxJob:
    age = timedelta(seconds=rng.uniform(RECENT.total_seconds(), HISTORY_DAYS * 86_400))
    outcome = rng.choices(("success", "failure", "canceled"), weights=OUTCOME_WEIGHTS)[0]
    job = _job(rng, models, created_at=now - age, outcome=outcome)
    job.duration_seconds = rng.uniform(6, 180)
    if outcome == "canceled":
        job.canceled_at = job.created_at + timedelta(
            seconds=job.duration_seconds * rng.uniform(0.05, 0.5)
        )
    return job


def _running_job(rng: random.Random, models: list[RunnableModel], now: datetime) -> SandboxJob:
    age = timedelta(seconds=rng.uniform(30, RECENT.total_seconds()))
    job = _job(rng, models, created_at=now - age, outcome="success")
    job.duration_seconds = rng.uniform(3_600, 7_200)
    return job


def _job(
    rng: random.Random, models: list[RunnableModel], *, created_at: datetime, outcome: str
) -> SandboxJob:
    model = rng.choice(models)
    subjects = FAILING_SUBJECTS if outcome == "failure" else SUBJECTS
    body = {model.prompt_input: rng.choice(subjects)}
    job_input = accept_submission(model.definition, body)
    cost = price(model.definition, body)
    other_author = rng.random() < OTHER_AUTHOR_SHARE
    author = rng.choice(OTHER_AUTHORS) if other_author else SANDBOX_USER_ID
    return SandboxJob(
        id=history_id(rng),
        model_id=model.id,
        input=job_input,
        input_digest=input_digest(model.id, job_input),
        created_at=created_at,
        duration_seconds=0,
        fails=outcome == "failure",
        generation_cost=cost.generation,
        quality_gate_cost=cost.quality_gate,
        author_id=author,
    )


def history_id(rng: random.Random, prefix: str = "job") -> str:
    """An id shaped like the API's, drawn from the seeded generator."""
    alphabet = string.ascii_letters + string.digits
    return f"{prefix}_{''.join(rng.choice(alphabet) for _ in range(24))}"


def _accepts(body: dict[str, str], definition: ModelDefinition) -> bool:
    try:
        accept_submission(definition, body)
    except SandboxApiError:
        return False
    return True
