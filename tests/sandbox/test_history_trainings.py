"""The seeded history's trainings: settled, one failed, listed with the jobs."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.http import QueryDict

from scenario_ui.sandbox.api.job_listing import JobListQuery, fetch_job_page
from scenario_ui.sandbox.history_trainings import history_trainings
from scenario_ui.sandbox.models import SandboxModel, SandboxTraining
from tests.sandbox.conftest import FrozenClock

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.sandbox.urls")]


def listed(params: str) -> list[Any]:
    jobs: Any = fetch_job_page(JobListQuery.from_params(QueryDict(params)))["jobs"]
    return list(jobs)


def test_past_trainings_end_as_their_models_show(
    seeded_sandbox: None, frozen_clock: FrozenClock
) -> None:
    SandboxTraining.objects.bulk_create(history_trainings(now=frozen_clock.moment))
    records_before = {row.id: row.record for row in SandboxModel.objects.all()}
    [failed] = listed("type=model-training&status=failure")
    assert failed["metadata"]["modelId"] == "model_demo-my-hero-sdxl"
    assert "contains “fail”" in failed["metadata"]["error"]
    every = listed("types=model-training,flux-model-training")
    statuses = sorted(job["status"] for job in every)
    assert statuses == ["failure", "success", "success"]
    models = SandboxModel.objects.filter(pk__in=[t.model_id for t in SandboxTraining.objects.all()])
    assert sorted(models.values_list("status", flat=True)) == ["failed", "trained", "trained"]
    # Reads leave the catalog's records alone: the trainings are settled.
    assert {row.id: row.record for row in SandboxModel.objects.all()} == records_before


def test_dated_within_the_last_30_days(frozen_clock: FrozenClock) -> None:
    for training in history_trainings(now=frozen_clock.moment):
        assert timedelta(0) < frozen_clock.moment - training.created_at < timedelta(days=30)
