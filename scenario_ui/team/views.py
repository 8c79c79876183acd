from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.models import User
from django.core.exceptions import BadRequest
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from scenario_ui.team.access import Need, requires
from scenario_ui.team.budgets import TEAM_ROW, budget_rows
from scenario_ui.team.cancellation import Canceled, cancel_job
from scenario_ui.team.credit_alerts import dismiss_alert
from scenario_ui.team.csv_export import csv_response
from scenario_ui.team.forms import BudgetForm
from scenario_ui.team.resubmission import NotSent, Resubmitted, resubmit, resubmit_preview
from scenario_ui.team.selectors import AUDIT_CSV_HEADER, audit_csv_rows, audit_page
from scenario_ui.team.services import set_budget
from scenario_ui.web.attempts import posted_token, token_context
from scenario_ui.web.htmx import HtmxHttpRequest
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


@requires(Need.AUDIT)
@require_GET
def audit_csv(request: HttpRequest) -> StreamingHttpResponse:
    """Every entry, newest first, streamed: links are absolute, for a spreadsheet."""
    rows = audit_csv_rows(absolute=request.build_absolute_uri)
    return csv_response(filename="audit.csv", header=AUDIT_CSV_HEADER, rows=rows)


@requires(Need.OVERSEE)
@require_POST
def cancel(request: HtmxHttpRequest, kind: str, pk: int) -> HttpResponse:
    """With htmx the row's actions become the outcome; without, the job's page shows it."""
    result = cancel_job(actor=signed_in_user(request), kind=kind, pk=pk)
    if request.htmx:
        context = {"result": result, "canceled": isinstance(result, Canceled)}
        return render(request, "team/_row_actions.html#result", context)
    notify = messages.info if isinstance(result, Canceled) else messages.error
    notify(request, result.message)
    return redirect(result.job.url)


@requires(Need.OVERSEE)
@require_http_methods(["GET", "POST"])
def resubmit_view(request: HttpRequest, pk: int) -> HttpResponse:
    """GET: the confirmation (request, dry-run cost, budgets); POST: sent once per token."""
    actor = signed_in_user(request)
    problem = ""
    if request.method == "POST":
        match resubmit(actor=actor, pk=pk, token=posted_token(dict(request.POST.lists()))):
            case Resubmitted(generation=generation):
                return redirect("generate:job", pk=generation.pk)
            case NotSent(message=message):
                problem = message
    preview = resubmit_preview(actor=actor, pk=pk)
    context = {"preview": preview, "problem": problem, **token_context(preview.token)}
    return render(request, "team/resubmit.html", context, status=422 if problem else 200)


@requires(Need.OVERSEE)
@require_POST
def dismiss_credit_alert(request: HttpRequest, pk: int) -> HttpResponse:
    """Back to the page the banner was on; the banner is gone from this lead's pages."""
    dismiss_alert(user=signed_in_user(request), pk=pk)
    back = request.POST.get("next", "")
    safe = url_has_allowed_host_and_scheme(
        back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return redirect(back if safe and back else reverse("team:audit"))
