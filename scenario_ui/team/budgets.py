"""Monthly budgets in creative units: what is spent this month, from our own records, against
each budget in force, and the check every submission passes before it is sent.

A month is the calendar month in UTC. Spend counts every generation and training recorded
this month with a cost (Scenario's quote when the job was sent): a failed or canceled job
still counts, since our records cannot tell what Scenario refunded.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from django.contrib.auth.models import User
from django.core.cache import cache
from django.db import transaction
from django.db.models import Q, QuerySet, Sum
from django.utils import timezone

from scenario_ui.forms.numbers import format_number
from scenario_ui.generate.models import Generation
from scenario_ui.team.models import Budget
from scenario_ui.team.roles import Role, role_among
from scenario_ui.training.models import Training

# From this share of a budget on, forms say how much of it is spent.
WARNING_SHARE = 0.8
# Budgets are read from the cache; a change clears it (on a per-process cache, other
# processes see the change within this time).
BUDGETS_TTL_SECONDS = 60
_BUDGETS_KEY = "team:budgets"
TEAM_ROW = "team"


def month_start(now: datetime | None = None) -> datetime:
    moment = now or timezone.now()
    return moment.astimezone(UTC).replace(day=1, hour=0, minute=0, second=0, microsecond=0)


def _charged_this_month() -> list[QuerySet[Generation] | QuerySet[Training]]:
    """Generations and trainings recorded this month with a cost."""
    this_month = Q(created_at__gte=month_start(), creative_units__isnull=False)
    return [Generation.objects.filter(this_month), Training.objects.filter(this_month)]


def spent_this_month(user: User | None) -> float:
    """CU spent this month by the user, or (None) by the whole team."""
    whose = Q() if user is None else Q(user=user)
    return sum(
        records.filter(whose).aggregate(total=Sum("creative_units"))["total"] or 0.0
        for records in _charged_this_month()
    )


def spent_by_user_this_month() -> dict[int, float]:
    """CU spent this month per user id (users who spent nothing are left out)."""
    spent: dict[int, float] = {}
    for records in _charged_this_month():
        for row in records.values("user").annotate(total=Sum("creative_units")):
            spent[row["user"]] = spent.get(row["user"], 0.0) + (row["total"] or 0.0)
    return spent


def monthly_budgets() -> dict[int | None, Decimal]:
    """Every budget by user id (None: the team's), kept in the cache: most pages and
    submissions then learn that no budget applies without reading a table."""
    budgets: dict[int | None, Decimal] | None = cache.get(_BUDGETS_KEY)
    if budgets is None:
        budgets = dict(Budget.objects.values_list("user_id", "monthly_cu"))
        cache.set(_BUDGETS_KEY, budgets, BUDGETS_TTL_SECONDS)
    return budgets


def forget_budgets(**_: Any) -> None:
    """On any change to a budget (`apps.TeamConfig.ready`): the next read is fresh. Again
    once the change commits, in case a read in between cached what was there before."""
    cache.delete(_BUDGETS_KEY)
    transaction.on_commit(lambda: cache.delete(_BUDGETS_KEY))


@dataclass(frozen=True)
class Limit:
    """One budget in force, and what has been spent against it this month."""

    monthly: float
    is_team: bool
    spent: float

    @property
    def name(self) -> str:
        return "the team's monthly budget" if self.is_team else "your monthly budget"

    @property
    def percent(self) -> int:
        return share_percent(self.spent, self.monthly)

    @property
    def warns(self) -> bool:
        return self.spent >= WARNING_SHARE * self.monthly

    def passed_by(self, cost: float) -> bool:
        # A hundredth of a CU is the precision budgets are set in.
        return self.spent + cost > self.monthly + 0.005


def limits_for(user: User) -> list[Limit]:
    """The user's own budget and the team's, those that are set."""
    budgets = monthly_budgets()
    return [
        Limit(
            monthly=float(budgets[whose]),
            is_team=whose is None,
            spent=spent_this_month(None if whose is None else user),
        )
        for whose in (user.pk, None)
        if whose in budgets
    ]


def warnings_for(user: User) -> list[Limit]:
    """The budgets of the user's that are 80% spent or more: the forms say so."""
    return [limit for limit in limits_for(user) if limit.warns]


def who_can_raise() -> list[str]:
    """The usernames of the leads (and superusers) who can raise a budget."""
    leads = User.objects.filter(
        Q(groups__name="lead") | Q(is_superuser=True), is_active=True
    ).distinct()
    return sorted(leads.values_list("username", flat=True))


@dataclass(frozen=True)
class OverBudget:
    """A submission refused before it was sent: it would take a budget past its month."""

    limit: Limit
    cost: float
    raisers: list[str]
    title = "Over budget"

    @property
    def message(self) -> str:
        limit = self.limit
        who = ", ".join(self.raisers) if self.raisers else "a lead"
        return (
            f"This costs {cu_text(self.cost)} CU, and {limit.name} is {cu_text(limit.monthly)} "
            f"CU with {cu_text(limit.spent)} CU spent this month: it would go over. Nothing was "
            "sent. "
            f"A lead can raise the budget ({who}), on the Team budgets page."
        )


def over_budget(
    user: User, cost: float, limits: Iterable[Limit] | None = None
) -> OverBudget | None:
    """The first budget this cost would pass, or None when it fits every one."""
    for limit in limits_for(user) if limits is None else limits:
        if limit.passed_by(cost):
            return OverBudget(limit=limit, cost=cost, raisers=who_can_raise())
    return None


def share_percent(spent: float, monthly: float) -> int:
    """How much of a budget is spent, in percent (a zero budget is spent at once)."""
    return round(100 * spent / monthly) if monthly else 100


def cu_text(value: float | Decimal) -> str:
    """1000.0 -> "1000", 2.5 -> "2.5": what a person writes."""
    return format_number(round(float(value), 2))


@dataclass(frozen=True)
class BudgetRow:
    """One line of the Budgets page: the team (no user) or one user, this month."""

    user: User | None
    role: Role | None
    spent: float
    monthly: Decimal | None

    @property
    def key(self) -> str:
        """The row's form prefix and anchor."""
        return TEAM_ROW if self.user is None else f"user-{self.user.pk}"

    @property
    def percent(self) -> int | None:
        return None if self.monthly is None else share_percent(self.spent, float(self.monthly))


def budget_rows() -> list[BudgetRow]:
    """The team's row, then every active user's, by username: four queries (five when the
    budgets are not in the cache)."""
    budgets = monthly_budgets()
    spent = spent_by_user_this_month()
    users = User.objects.filter(is_active=True).prefetch_related("groups").order_by("username")
    team = BudgetRow(user=None, role=None, spent=sum(spent.values()), monthly=budgets.get(None))
    return [team] + [
        BudgetRow(
            user=user,
            role=role_among({group.name for group in user.groups.all()}),
            spent=spent.get(user.pk, 0.0),
            monthly=budgets.get(user.pk),
        )
        for user in users
    ]
