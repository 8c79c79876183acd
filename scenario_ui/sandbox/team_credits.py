"""The sandbox team's credits: a monthly limit, and the thresholds of it that raise the
team's alert `team.credit.threshold.crossed` (delivered by `webhooks`).

The limit is `SANDBOX_TEAM_CREDIT_LIMIT` creative units a month (10,000 unless the settings
say otherwise); the alert goes at 80% and at 100% of it, once each per calendar month (UTC).
Spend is what the sandbox charged this month: each job's generation and quality-gate cost
and each training's cost, as quoted when it was submitted (refunds are not subtracted).
"""

from __future__ import annotations

from datetime import UTC, datetime

from django.conf import settings
from django.db.models import F, Sum

from scenario_ui.sandbox import clock
from scenario_ui.sandbox.json_types import JsonObject
from scenario_ui.sandbox.models import SandboxJob, SandboxTraining, SandboxWebhookEvent

CREDIT_THRESHOLD_CROSSED = "team.credit.threshold.crossed"
SANDBOX_TEAM_ID = "team_sandbox"
DEFAULT_MONTHLY_LIMIT = 10_000.0
THRESHOLDS = (80, 100)


def monthly_limit() -> float:
    return float(getattr(settings, "SANDBOX_TEAM_CREDIT_LIMIT", DEFAULT_MONTHLY_LIMIT))


def _month_start() -> datetime:
    return clock.now().astimezone(UTC).replace(day=1, hour=0, minute=0, second=0, microsecond=0)


def spent_this_month() -> float:
    since = _month_start()
    jobs = SandboxJob.objects.filter(created_at__gte=since).aggregate(
        total=Sum(F("generation_cost") + F("quality_gate_cost"))
    )["total"]
    trainings = SandboxTraining.objects.filter(created_at__gte=since).aggregate(total=Sum("cost"))[
        "total"
    ]
    return float(jobs or 0) + float(trainings or 0)


def unannounced_thresholds() -> list[JsonObject]:
    """The alert's payload for each threshold reached this month and not yet announced."""
    limit, used = monthly_limit(), spent_this_month()
    announced = {
        event.payload.get("threshold")
        for event in SandboxWebhookEvent.objects.filter(
            type=CREDIT_THRESHOLD_CROSSED, created_at__gte=_month_start()
        )
        if isinstance(event.payload, dict)
    }
    return [
        {
            "teamId": SANDBOX_TEAM_ID,
            "threshold": threshold,
            "creditLimit": limit,
            "creditsUsed": round(used, 2),
            "period": f"{clock.now():%Y-%m}",
        }
        for threshold in THRESHOLDS
        if threshold not in announced and used >= limit * threshold / 100
    ]
