"""The seeded history: 30 days of jobs with fixed outcomes, the same every time."""

from __future__ import annotations

import io
from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest
from django.core.management import CommandError, call_command

from scenario_ui.sandbox.history import (
    HISTORY_DAYS,
    OTHER_AUTHORS,
    HistoryError,
    planned_jobs,
    runnable_models,
    seed_history,
)
from scenario_ui.sandbox.identity import SANDBOX_USER_ID
from scenario_ui.sandbox.jobs import state_now
from scenario_ui.sandbox.models import SandboxJob, SandboxTraining
from scenario_ui.sandbox.pricing import price
from tests.sandbox.conftest import FrozenClock

pytestmark = pytest.mark.django_db

SEEDED_AT = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


@pytest.fixture
def seeded(seeded_sandbox: None, frozen_clock: FrozenClock) -> list[SandboxJob]:
    seed_history(now=frozen_clock.moment)
    return list(SandboxJob.objects.all())


def test_thirty_days_of_jobs_across_models_authors_and_outcomes(
    seeded: list[SandboxJob], frozen_clock: FrozenClock
) -> None:
    assert len(seeded) >= 500
    ages = [frozen_clock.moment - job.created_at for job in seeded]
    assert max(ages) <= timedelta(days=HISTORY_DAYS)
    assert max(ages) > timedelta(days=HISTORY_DAYS - 1)
    assert len({job.model_id for job in seeded}) >= 5
    authors = Counter(job.author_id for job in seeded)
    assert set(authors) == {SANDBOX_USER_ID, *OTHER_AUTHORS}
    assert authors[SANDBOX_USER_ID] > len(seeded) / 2
    statuses = Counter(state_now(job).status for job in seeded)
    assert statuses["success"] > statuses["failure"] > 0
    assert statuses["canceled"] > 0
    running = len(seeded) - statuses["success"] - statuses["failure"] - statuses["canceled"]
    assert 0 < running < 10


def test_past_outcomes_stay_as_time_passes(
    seeded: list[SandboxJob], frozen_clock: FrozenClock
) -> None:
    before = {job.id: state_now(job).status for job in seeded}
    frozen_clock.advance(3 * 3600)
    after = {job.id: state_now(job).status for job in seeded}
    changed = {job_id for job_id in before if before[job_id] != after[job_id]}
    # Only the running ones moved on, and they all succeeded.
    assert changed == {job_id for job_id, status in before.items() if status == "queued"} | {
        job_id for job_id, status in before.items() if status in ("warming-up", "in-progress")
    }
    assert {after[job_id] for job_id in changed} == {"success"}


def test_costs_are_the_sandbox_prices(seeded: list[SandboxJob], seeded_sandbox: None) -> None:
    models = {model.id: model for model in runnable_models()}
    for job in seeded[:50]:
        model = models[job.model_id]
        cost = price(model.definition, job.input)
        assert (job.generation_cost, job.quality_gate_cost) == (cost.generation, cost.quality_gate)


def test_the_same_plan_every_time(seeded_sandbox: None) -> None:
    models = runnable_models()
    first = planned_jobs(models, now=SEEDED_AT)
    second = planned_jobs(models, now=SEEDED_AT + timedelta(days=3))
    assert [job.id for job in first] == [job.id for job in second]
    assert [job.input for job in first] == [job.input for job in second]
    assert [job.created_at + timedelta(days=3) for job in first] == [
        job.created_at for job in second
    ]


def test_seeding_again_adds_nothing(seeded: list[SandboxJob], frozen_clock: FrozenClock) -> None:
    frozen_clock.advance(86_400)
    summary = seed_history(now=frozen_clock.moment)
    assert (summary.jobs_created, summary.trainings_created) == (0, 0)
    assert SandboxJob.objects.count() == len(seeded)
    assert SandboxTraining.objects.count() == 3


def test_the_command_reports_and_needs_the_catalog(db: None) -> None:
    with pytest.raises(CommandError, match=r"seed the sandbox first \(manage.py seed_sandbox\)"):
        call_command("seed_sandbox_history", stdout=io.StringIO())
    with pytest.raises(HistoryError):
        runnable_models()
    call_command("seed_sandbox", stdout=io.StringIO())
    out = io.StringIO()
    call_command("seed_sandbox_history", stdout=out)
    assert "past jobs and 3 trainings created" in out.getvalue()
