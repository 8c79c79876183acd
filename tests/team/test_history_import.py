"""The demo team's 30 days, imported from the sandbox's history through the gateway."""

from __future__ import annotations

import io
from collections import Counter
from datetime import timedelta
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from scenario_ui.generate.models import Generation
from scenario_ui.generate.sweep import sweep
from scenario_ui.team.history_import import SENDERS, HistoryRefused, import_team_history
from scenario_ui.training.models import Training

pytestmark = pytest.mark.django_db


def quiet(command: str) -> str:
    out = io.StringIO()
    call_command(command, stdout=out)
    return out.getvalue()


@pytest.fixture
def sandbox_history(seeded_sandbox: None) -> None:
    quiet("seed_sandbox_history")
    quiet("ensure_demo_user")


def test_thirty_days_of_team_jobs_trainings_and_external_ones(sandbox_history: None) -> None:
    output = quiet("seed_team_history")
    assert "generations (" in output
    assert "and 3 trainings" in output
    generations = list(Generation.objects.select_related("user"))
    assert len(generations) >= 500
    oldest = min(g.created_at for g in generations)
    assert timezone.now() - oldest > timedelta(days=29)
    senders = Counter(g.user.username if g.user else "external" for g in generations)
    assert set(senders) == {*SENDERS, "external"}
    assert all(g.external for g in generations if g.user is None)
    assert not any(g.external for g in generations if g.user is not None)
    statuses = Counter(g.status for g in generations)
    assert {"success", "failure", "canceled"} <= set(statuses)
    assert any(not g.is_finished for g in generations)
    succeeded = [g for g in generations if g.status == "success" and g.asset_ids]
    assert all(g.results and g.results[0]["url"] for g in succeeded)
    assert all(g.creative_units and g.model_name for g in generations)
    trainings = list(Training.objects.all())
    assert sorted(t.model_status for t in trainings) == ["failed", "trained", "trained"]
    assert all(t.user.username in SENDERS and t.job_id for t in trainings)
    assert all(timezone.now() - t.created_at > timedelta(days=1) for t in trainings)


def test_importing_again_or_sweeping_adds_nothing(sandbox_history: None) -> None:
    first = import_team_history()
    again = import_team_history()
    assert again.read == first.read
    assert (again.generations, again.trainings) == (0, 0)
    assert sweep(since=timezone.now() - timedelta(days=30)).imported == 0
    assert Generation.objects.count() == first.generations
    assert Training.objects.count() == first.trainings


def test_the_same_sender_for_the_same_job(sandbox_history: None) -> None:
    import_team_history()
    before = dict(Generation.objects.values_list("job_id", "user__username"))
    Generation.objects.all().delete()
    Training.objects.all().delete()
    import_team_history()
    assert dict(Generation.objects.values_list("job_id", "user__username")) == before


def test_live_mode_refuses(settings: Any, sandbox_history: None) -> None:
    settings.SCENARIO_SANDBOX = False
    with pytest.raises(CommandError, match="in sandbox mode only"):
        quiet("seed_team_history")
    assert not Generation.objects.exists()


def test_the_demo_team_must_exist(seeded_sandbox: None) -> None:
    with pytest.raises(HistoryRefused, match=r"run manage\.py ensure_demo_user first"):
        import_team_history()
