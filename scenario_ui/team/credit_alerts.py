"""Scenario's team alert `team.credit.threshold.crossed`: kept when delivered, shown to the
leads as a banner on every page until each dismisses it or a newer one arrives.

Scenario documents no payload for the event: the share (`threshold`, a percentage) and the
credits (`creditsUsed` of `creditLimit`) are read when present, as the sandbox sends them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.contrib.auth.models import User
from django.core.cache import cache
from django.db import IntegrityError, transaction

from scenario_ui.forms.numbers import format_number
from scenario_ui.scenario.calls import finite_number
from scenario_ui.team.access import oversees_team
from scenario_ui.team.models import CreditAlert

# Every page of a lead shows the banner: its reading is cached so a page reads no table
# for it; storing or dismissing an alert forgets it (other processes on a per-process cache
# see the change within the timeout).
_BANNER_KEY = "team:credit-alert:banner"
BANNER_TTL_SECONDS = 60


@dataclass(frozen=True)
class Banner:
    """The newest alert as the banner shows it, and the leads who dismissed it."""

    pk: int
    summary: str
    received_at: datetime
    dismissed_by: frozenset[int]


def record_credit_alert(*, event_id: str, payload: dict[str, Any]) -> CreditAlert | None:
    """Keep a delivered alert once (None when this event was already kept)."""
    threshold = finite_number(payload.get("threshold"))
    try:
        with transaction.atomic():
            alert = CreditAlert.objects.create(
                event_id=event_id,
                threshold_percent=threshold,
                summary=_summary(threshold, payload),
                payload=payload,
            )
    except IntegrityError:
        return None
    _forget_banner()
    return alert


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


def banner_alert(user: User) -> Banner | None:
    """The newest alert, for a lead who has not dismissed it; older ones are never shown."""
    if not oversees_team(user):
        return None
    # False: read, and there is no alert (None is a miss).
    banner: Banner | bool | None = cache.get(_BANNER_KEY)
    if banner is None:
        banner = _newest_banner() or False
        cache.set(_BANNER_KEY, banner, BANNER_TTL_SECONDS)
    if not isinstance(banner, Banner) or user.pk in banner.dismissed_by:
        return None
    return banner


def start_without_alerts() -> None:
    """For a process with no database (the in-process bench): no alert to show until one
    is stored."""
    cache.set(_BANNER_KEY, False, None)


def _newest_banner() -> Banner | None:
    newest = CreditAlert.objects.first()
    if newest is None:
        return None
    return Banner(
        pk=newest.pk,
        summary=newest.summary,
        received_at=newest.received_at,
        dismissed_by=frozenset(newest.dismissed_by.values_list("pk", flat=True)),
    )


def _forget_banner() -> None:
    cache.delete(_BANNER_KEY)
    transaction.on_commit(lambda: cache.delete(_BANNER_KEY))


def dismiss_alert(*, user: User, pk: int) -> bool:
    """Hide the alert from this lead's pages; False when there is no such alert."""
    alert = CreditAlert.objects.filter(pk=pk).first()
    if alert is None:
        return False
    alert.dismissed_by.add(user)
    _forget_banner()
    return True
