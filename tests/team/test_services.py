from __future__ import annotations

from decimal import Decimal

import pytest

from scenario_ui.team.models import AuditEntry, Budget
from scenario_ui.team.services import set_budget
from tests.conftest import user_with_role

pytestmark = pytest.mark.django_db


def summaries() -> list[str]:
    return list(AuditEntry.objects.order_by("id").values_list("summary", flat=True))


def test_setting_changing_and_removing_a_budget_is_each_audited() -> None:
    lena, milo = user_with_role("lena", "lead"), user_with_role("milo", "member")
    before = AuditEntry.objects.count()

    assert set_budget(actor=lena, user=milo, monthly_cu=Decimal("500"))
    assert set_budget(actor=lena, user=milo, monthly_cu=Decimal("750.50"))
    assert set_budget(actor=None, user=milo, monthly_cu=None)

    assert not Budget.objects.exists()
    entries = list(AuditEntry.objects.order_by("id"))[before:]
    assert [(e.actor_name, e.action, e.summary) for e in entries] == [
        ("lena", "budget.set", "Budget of milo set to 500 CU"),
        ("lena", "budget.set", "Budget of milo set to 750.5 CU (was 500 CU)"),
        ("command line", "budget.removed", "Budget of milo removed (was 750.5 CU)"),
    ]
    assert entries[1].details == {"user": "milo", "from": "500.00", "to": "750.50"}


def test_the_team_budget_is_the_row_without_a_user() -> None:
    lena = user_with_role("lena", "lead")
    set_budget(actor=lena, user=None, monthly_cu=Decimal(1000))
    set_budget(actor=lena, user=None, monthly_cu=Decimal(2000))
    team = Budget.objects.get()
    assert (team.user_id, team.monthly_cu) == (None, Decimal(2000))
    assert summaries()[-1] == "Budget of the team set to 2000 CU (was 1000 CU)"


def test_an_unchanged_budget_records_nothing() -> None:
    lena = user_with_role("lena", "lead")
    set_budget(actor=lena, user=None, monthly_cu=Decimal(1000))
    count = AuditEntry.objects.count()
    assert not set_budget(actor=lena, user=None, monthly_cu=Decimal("1000.00"))
    assert not set_budget(actor=lena, user=lena, monthly_cu=None)
    assert AuditEntry.objects.count() == count
