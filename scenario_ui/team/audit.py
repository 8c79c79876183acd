"""The team's audit trail: the one way an entry is written."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import User

from scenario_ui.team.models import AuditEntry

COMMAND_LINE = "command line"


def record(
    *, actor: User | None, action: AuditEntry.Action, summary: str, details: dict[str, Any]
) -> AuditEntry:
    return AuditEntry.objects.create(
        actor=actor,
        actor_name=actor.get_username() if actor is not None else COMMAND_LINE,
        action=action,
        summary=summary,
        details=details,
    )
