from __future__ import annotations

from decimal import Decimal

import pytest
from django.test import Client

from scenario_ui.team.models import AuditEntry, Budget
from tests.conftest import user_with_role

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff() -> Client:
    admin = user_with_role("root", None)
    admin.is_staff = admin.is_superuser = True
    admin.save()
    client = Client()
    client.force_login(admin)
    return client


def summaries() -> list[str]:
    return list(AuditEntry.objects.order_by("id").values_list("summary", flat=True))


def test_budgets_changed_in_the_admin_are_audited(staff: Client) -> None:
    milo = user_with_role("milo", "member")
    added = staff.post("/admin/team/budget/add/", {"user": milo.pk, "monthly_cu": "300"})
    assert added.status_code == 302
    budget = Budget.objects.get(user=milo)
    changed = staff.post(f"/admin/team/budget/{budget.pk}/change/", {"monthly_cu": "350"})
    assert changed.status_code == 302
    deleted = staff.post(f"/admin/team/budget/{budget.pk}/delete/", {"post": "yes"})
    assert deleted.status_code == 302
    assert not Budget.objects.exists()
    assert summaries()[-3:] == [
        "Budget of milo set to 300 CU",
        "Budget of milo set to 350 CU (was 300 CU)",
        "Budget of milo removed (was 350 CU)",
    ]
    assert {
        entry.actor_name for entry in AuditEntry.objects.filter(action__startswith="budget")
    } == {"root"}


def test_a_second_team_budget_is_refused_with_a_message(staff: Client) -> None:
    Budget.objects.create(user=None, monthly_cu=Decimal(10))
    answer = staff.post("/admin/team/budget/add/", {"user": "", "monthly_cu": "20"})
    assert answer.status_code == 200
    assert "There is already a budget for this user (or the team)." in answer.content.decode()
    assert Budget.objects.count() == 1


def test_the_audit_trail_cannot_be_edited_in_the_admin(staff: Client) -> None:
    entry = AuditEntry.objects.create(actor_name="x", action="budget.set", summary="s")
    assert staff.get("/admin/team/auditentry/add/").status_code == 403
    assert (
        staff.post(f"/admin/team/auditentry/{entry.pk}/delete/", {"post": "yes"}).status_code == 403
    )
    assert AuditEntry.objects.filter(pk=entry.pk).exists()
