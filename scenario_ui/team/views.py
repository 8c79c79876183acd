from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.models import User
from django.core.exceptions import BadRequest
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from scenario_ui.team.access import Need, requires
from scenario_ui.team.budgets import TEAM_ROW, budget_rows
from scenario_ui.team.forms import BudgetForm
from scenario_ui.team.selectors import audit_page
from scenario_ui.team.services import set_budget
from scenario_ui.web.users import signed_in_user


@requires(Need.BUDGETS)
@require_http_methods(["GET", "POST"])
def budgets(request: HttpRequest) -> HttpResponse:
    """Every row has its own form; a POST names its row (`row`) and saves that budget."""
    posted: BudgetForm | None = None
    row = request.POST.get("row", "")
    if request.method == "POST":
        owner = _row_owner(row)
        posted = BudgetForm(request.POST, prefix=row)
        if posted.is_valid():
            changed = set_budget(
                actor=signed_in_user(request),
                user=owner,
                monthly_cu=posted.cleaned_data["monthly_cu"],
            )
            whose = "the team" if owner is None else owner.get_username()
            messages.success(
                request, f"Budget of {whose} saved." if changed else f"Budget of {whose} unchanged."
            )
            return redirect(f"{reverse('team:budgets')}#{row}")
    entries = [
        (
            line,
            posted
            if posted is not None and line.key == row
            else BudgetForm(prefix=line.key, initial={"monthly_cu": line.monthly}),
        )
        for line in budget_rows()
    ]
    status = 422 if posted is not None else 200
    return render(request, "team/budgets.html", {"entries": entries}, status=status)


def _row_owner(row: str) -> User | None:
    """The user whose budget a row holds (None for the team's); a 400 for no such row."""
    if row == TEAM_ROW:
        return None
    pk = row.removeprefix("user-")
    valid = row.startswith("user-") and pk.isascii() and pk.isdigit()
    owner = User.objects.filter(pk=int(pk), is_active=True).first() if valid else None
    if owner is None:
        raise BadRequest("No such row on the Budgets page (an inactive or deleted user?).")
    return owner


@requires(Need.AUDIT)
@require_GET
def audit(request: HttpRequest) -> HttpResponse:
    page = audit_page(cursor=request.GET.get("cursor", ""))
    return render(request, "team/audit.html", {"page": page})
