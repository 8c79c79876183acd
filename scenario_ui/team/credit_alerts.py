"""Scenario's team alert `team.credit.threshold.crossed`: kept when delivered, shown to the
leads as a banner on every page until each dismisses it or a newer one arrives.

Scenario documents no payload for the event: the share (`threshold`, a percentage) and the
credits (`creditsUsed` of `creditLimit`) are read when present, as the sandbox sends them.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import User
from django.db import IntegrityError, transaction

from scenario_ui.forms.numbers import format_number
from scenario_ui.scenario.calls import finite_number
from scenario_ui.team.access import oversees_team
from scenario_ui.team.models import CreditAlert


def record_credit_alert(*, event_id: str, payload: dict[str, Any]) -> CreditAlert | None:
    """Keep a delivered alert once (None when this event was already kept)."""
    threshold = finite_number(payload.get("threshold"))
    try:
        with transaction.atomic():
            return CreditAlert.objects.create(
                event_id=event_id,
                threshold_percent=threshold,
                summary=_summary(threshold, payload),
                payload=payload,
            )
    except IntegrityError:
        return None


def _summary(threshold: float | None, payload: dict[str, Any]) -> str:
    used, limit = (
        finite_number(payload.get("creditsUsed")),
        finite_number(payload.get("creditLimit")),
    )
    crossed = (
        f"The team has used {format_number(threshold)}% of its credits"
        if threshold is not None
        else "The team's credit use crossed an alert threshold"
    )
    if used is not None and limit is not None:
        crossed += f" ({format_number(round(used, 2))} of {format_number(round(limit, 2))} CU)"
    return crossed + "."


def banner_alert(user: User) -> CreditAlert | None:
    """The newest alert, for a lead who has not dismissed it; older ones are never shown."""
    if not oversees_team(user):
        return None
    newest = CreditAlert.objects.first()
    if newest is None or newest.dismissed_by.filter(pk=user.pk).exists():
        return None
    return newest


def dismiss_alert(*, user: User, pk: int) -> bool:
    """Hide the alert from this lead's pages; False when there is no such alert."""
    alert = CreditAlert.objects.filter(pk=pk).first()
    if alert is None:
        return False
    alert.dismissed_by.add(user)
    return True
