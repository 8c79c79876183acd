"""The leads' spend page and its tables as CSV."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from scenario_ui.team.access import Need, requires
from scenario_ui.team.csv_export import csv_response
from scenario_ui.team.spend_csv import TABLES, spend_table
from scenario_ui.team.spend_page import read_choice, spend_page
from scenario_ui.web.htmx import HtmxHttpRequest


@requires(Need.OVERSEE)
@require_GET
def spend(request: HtmxHttpRequest) -> HttpResponse:
    """The whole page, or its results alone for the filter form's htmx requests."""
    page = spend_page(choice=read_choice(request.GET))
    template = "team/spend.html#results" if request.htmx else "team/spend.html"
    return render(request, template, {"page": page})


@requires(Need.OVERSEE)
@require_GET
def spend_csv(request: HttpRequest, table: str) -> StreamingHttpResponse:
    if table not in TABLES:
        raise Http404(f"No spend table {table!r}: choose one of {', '.join(TABLES)}.")
    choice = read_choice(request.GET)
    found = spend_table(table=table, period=choice.period, by=choice.by)
    period = choice.period
    return csv_response(
        filename=f"spend-{table}-{period.first.isoformat()}-{period.last.isoformat()}.csv",
        header=found.header,
        rows=found.rows,
    )
