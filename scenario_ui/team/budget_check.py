"""The budget check a submission passes before it is sent (generation or training)."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import User

from scenario_ui.scenario.calls import JsonObject
from scenario_ui.scenario.errors import ScenarioError
from scenario_ui.scenario.generation import estimate_cost
from scenario_ui.team.budgets import OverBudget, limits_for, over_budget


@dataclass(frozen=True)
class CostUnchecked:
    """A budget applies but the dry run failed: without the cost, nothing is sent."""

    error: ScenarioError
    title = "Budget not checked"

    @property
    def message(self) -> str:
        return (
            "A monthly budget applies to you, and Scenario could not tell the cost of this "
            f"request, so nothing was sent. {self.error.message}"
        )


type BudgetRefusal = OverBudget | CostUnchecked


def generation_refusal(user: User, model_id: str, body: JsonObject) -> BudgetRefusal | None:
    """Why this generation may not be sent, or None. Only a user under a budget (their own
    or the team's) costs a dry run here."""
    limits = limits_for(user)
    if not limits:
        return None
    try:
        cost = estimate_cost(model_id, body).creative_units
    except ScenarioError as error:
        return CostUnchecked(error)
    return over_budget(user, cost, limits)


def training_refusal(user: User, cost: float) -> OverBudget | None:
    """A training's cost is its reviewed dry run: no second one."""
    return over_budget(user, cost)
