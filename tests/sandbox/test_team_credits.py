"""The sandbox team's credit limit and the thresholds that raise its alert."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from scenario_ui.sandbox import team_credits, webhooks
from scenario_ui.sandbox.models import SandboxJob, SandboxTraining, SandboxWebhookEndpoint
from tests.worker.support import enqueued

pytestmark = pytest.mark.django_db


def charge(cost: float, *, days_ago: int = 0) -> None:
    SandboxJob.objects.create(
        model_id="m",
        input={},
        created_at=timezone.now() - timedelta(days=days_ago),
        duration_seconds=4,
        generation_cost=cost,
        quality_gate_cost=0.5,
    )


@pytest.fixture
def team_endpoint(settings: Any, monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    settings.SANDBOX_TEAM_CREDIT_LIMIT = 100
    sent: list[Any] = []

    def received(url: str, body: Any) -> int:
        sent.append(body)
        return 200

    monkeypatch.setattr(webhooks, "post_event", received)
    webhooks.create_endpoint(
        "team_sandbox",
        {"url": "https://ui.test/hook", "enabledEvents": ["team.credit.threshold.crossed"]},
        owner_type="team",
    )
    return sent


def test_spend_counts_this_months_jobs_and_trainings() -> None:
    charge(10)
    charge(1000, days_ago=40)
    SandboxTraining.objects.create(
        model_id="m",
        family="f",
        parameters={},
        created_at=timezone.now(),
        duration_seconds=1,
        cost=5,
    )
    assert team_credits.spent_this_month() == 15.5


def test_each_threshold_is_announced_once_a_month(team_endpoint: list[Any]) -> None:
    charge(79)
    webhooks.deliver_credit_alerts.call()
    assert team_endpoint == []
    charge(1)
    webhooks.deliver_credit_alerts.call()
    [first] = team_endpoint
    assert first["type"] == "team.credit.threshold.crossed"
    assert first["payload"] == {
        "teamId": "team_sandbox",
        "threshold": 80,
        "creditLimit": 100.0,
        "creditsUsed": 81.0,
        "period": f"{timezone.now():%Y-%m}",
    }
    webhooks.deliver_credit_alerts.call()
    assert len(team_endpoint) == 1
    charge(30)
    webhooks.deliver_credit_alerts.call()
    assert [body["payload"]["threshold"] for body in team_endpoint] == [80, 100]


def test_a_charge_enqueues_the_check_only_when_a_team_listens(team_endpoint: list[Any]) -> None:
    charge(1)
    webhooks.announce_credit_use()
    assert len(enqueued("deliver_credit_alerts")) == 1
    SandboxWebhookEndpoint.objects.all().delete()
    webhooks.announce_credit_use()
    assert len(enqueued("deliver_credit_alerts")) == 1


def test_job_events_never_go_to_a_team_endpoint(team_endpoint: list[Any]) -> None:
    webhooks.deliver("generation.completed", {"jobId": "job_1"})
    assert team_endpoint == []
