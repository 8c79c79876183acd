"""Budget changes: each one written with its entry in the audit trail, in one transaction."""

from __future__ import annotations

from decimal import Decimal

from django.contrib.auth.models import User
from django.db import transaction

from scenario_ui.team.audit import record
from scenario_ui.team.budgets import cu_text
from scenario_ui.team.models import AuditEntry, Budget


def set_budget(*, actor: User | None, user: User | None, monthly_cu: Decimal | None) -> bool:
    """Set (or, with None, remove) the user's monthly budget, or the team's for no user.

    Returns whether anything changed; an unchanged budget records nothing.
    """
    whose = "the team" if user is None else user.get_username()
    with transaction.atomic():
        current = Budget.objects.select_for_update().filter(user=user).first()
        before = None if current is None else current.monthly_cu
        if before == monthly_cu:
            return False
        if monthly_cu is None:
            assert current is not None
            current.delete()
            action, summary = AuditEntry.Action.BUDGET_REMOVED, f"Budget of {whose} removed"
        else:
            Budget.objects.update_or_create(user=user, defaults={"monthly_cu": monthly_cu})
            action, summary = (
                AuditEntry.Action.BUDGET_SET,
                f"Budget of {whose} set to {cu_text(monthly_cu)} CU",
            )
        record(
            actor=actor,
            action=action,
            summary=summary if before is None else f"{summary} (was {cu_text(before)} CU)",
            details={
                "user": None if user is None else user.get_username(),
                "from": None if before is None else str(before),
                "to": None if monthly_cu is None else str(monthly_cu),
            },
        )
    return True
