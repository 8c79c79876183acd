from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
from django.utils import timezone

from scenario_ui.generate.models import Generation
from scenario_ui.team.budgets import (
    budget_rows,
    limits_for,
    month_start,
    over_budget,
    share_percent,
    spent_by_user_this_month,
    spent_this_month,
    warnings_for,
    who_can_raise,
)
from scenario_ui.team.models import Budget
from scenario_ui.team.roles import Role
from scenario_ui.team.services import set_budget
from scenario_ui.training.models import Training
from tests.conftest import user_with_role

pytestmark = pytest.mark.django_db


def generation(user: Any, cost: float | None, *, days_ago: int = 0, **fields: Any) -> Generation:
    made = Generation.objects.create(user=user, model_id="model_x", creative_units=cost, **fields)
    if days_ago:
        # created_at is set on insert: moved afterwards, as time would.
        Generation.objects.filter(pk=made.pk).update(
            created_at=timezone.now() - timedelta(days=days_ago)
        )
    return made


def test_a_month_starts_on_the_first_at_midnight_utc() -> None:
    moment = datetime(2026, 11, 30, 23, 59, tzinfo=UTC)
    assert month_start(moment) == datetime(2026, 11, 1, tzinfo=UTC)


def test_spend_counts_this_months_generations_and_trainings_with_a_cost() -> None:
    milo, maya = user_with_role("milo", "member"), user_with_role("maya", "member")
    generation(milo, 4.5)
    generation(milo, 2.0, status=Generation.Status.FAILURE)  # quoted when sent: it counts
    generation(milo, None)  # no answer yet: no cost known
    generation(milo, 100.0, days_ago=40)  # an earlier month
    Training.objects.create(user=milo, model_id="model_y", creative_units=50)
    generation(maya, 1.25)

    assert spent_this_month(milo) == 56.5
    assert spent_this_month(None) == 57.75
    assert spent_by_user_this_month() == {milo.pk: 56.5, maya.pk: 1.25}


def test_the_limits_in_force_are_the_users_and_the_teams() -> None:
    milo, maya = user_with_role("milo", "member"), user_with_role("maya", "member")
    assert limits_for(milo) == []
    Budget.objects.create(user=milo, monthly_cu=Decimal(10))
    Budget.objects.create(user=None, monthly_cu=Decimal(100))
    generation(milo, 8)
    generation(maya, 30)

    mine, team = limits_for(milo)
    assert (mine.name, mine.spent, mine.monthly, mine.percent) == (
        "your monthly budget",
        8.0,
        10.0,
        80,
    )
    assert (team.name, team.spent, team.percent) == ("the team's monthly budget", 38.0, 38)
    assert warnings_for(milo) == [mine]
    assert [limit.is_team for limit in limits_for(maya)] == [True]


def test_a_cost_over_any_budget_is_refused_naming_it_and_who_can_raise_it() -> None:
    milo = user_with_role("milo", "member")
    user_with_role("lena", "lead")
    Budget.objects.create(user=milo, monthly_cu=Decimal(10))
    generation(milo, 8)

    assert over_budget(milo, 2) is None  # exactly the budget still fits
    refusal = over_budget(milo, 2.5)
    assert refusal is not None
    assert refusal.title == "Over budget"
    assert refusal.message == (
        "This costs 2.5 CU, and your monthly budget is 10 CU with 8 CU spent this month: "
        "it would go over. Nothing was sent. A lead can raise the budget (lena), on the "
        "Team budgets page."
    )


def test_who_can_raise_a_budget_is_every_active_lead_and_superuser() -> None:
    user_with_role("lena", "lead")
    user_with_role("leo", "lead").groups.clear()
    user_with_role("milo", "member")
    root = user_with_role("root", None)
    root.is_superuser = True
    root.save()
    gone = user_with_role("old-lead", "lead")
    gone.is_active = False
    gone.save()
    assert who_can_raise() == ["lena", "root"]


def test_a_zero_budget_is_spent_from_the_start() -> None:
    assert share_percent(0, 0) == 100
    assert share_percent(5, 10) == 50


def test_the_budget_rows_are_the_team_then_each_active_user(
    django_assert_num_queries: Any,
) -> None:
    milo, vera = user_with_role("milo", "member"), user_with_role("vera", "viewer")
    Budget.objects.create(user=milo, monthly_cu=Decimal(20))
    generation(milo, 5)
    with django_assert_num_queries(5):
        team, first, second = budget_rows()
    assert (team.key, team.user, team.spent, team.monthly) == ("team", None, 5.0, None)
    assert (first.user, first.role, first.spent, first.percent) == (milo, Role.MEMBER, 5.0, 25)
    assert first.key == f"user-{milo.pk}"
    assert (second.user, second.role, second.monthly, second.percent) == (
        vera,
        Role.VIEWER,
        None,
        None,
    )


def test_the_budgets_are_read_once_then_from_the_cache_until_one_changes(
    django_assert_num_queries: Any,
) -> None:
    milo = user_with_role("milo", "member")
    assert limits_for(milo) == []
    with django_assert_num_queries(0):
        assert limits_for(milo) == []
    set_budget(actor=None, user=milo, monthly_cu=Decimal(5))
    assert [limit.monthly for limit in limits_for(milo)] == [5.0]
    Budget.objects.filter(user=milo).delete()
    assert limits_for(milo) == []
