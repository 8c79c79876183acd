"""The leads' trainings board and its CSV."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, StreamingHttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.http import require_GET

from scenario_ui.team.access import Need, requires
from scenario_ui.team.csv_export import csv_response
from scenario_ui.team.ranges import PRESET_LABELS, RangeRefused, read_range, shown_range
from scenario_ui.team.trainings_board import CSV_HEADER, csv_rows, trainings_board
from scenario_ui.web.conditional import unchanged, versioned
from scenario_ui.web.htmx import STOP_POLLING, HtmxHttpRequest

PAGE = "team/trainings.html"


@requires(Need.OVERSEE)
@require_GET
def trainings(request: HtmxHttpRequest) -> HttpResponse:
    """The page, or (to htmx) the board alone: a poll while trainings run, 304 if unchanged."""
    read = read_range(request.GET)
    board = trainings_board(chosen=shown_range(read))
    if not request.htmx:
        refusal = read.message if isinstance(read, RangeRefused) else ""
        context = {
            "board": board,
            "range_refusal": refusal,
            "presets": PRESET_LABELS,
            "csv_url": f"{reverse('team:trainings_csv')}?{urlencode(board.range.query())}",
        }
        return render(request, PAGE, context, status=400 if refusal else 200)
    if (same := unchanged(request, board.version)) is not None:
        return same
    status = 200 if board.running else STOP_POLLING
    response = render(request, f"{PAGE}#board", {"board": board}, status=status)
    return versioned(response, board.version)


@requires(Need.OVERSEE)
@require_GET
def trainings_csv(request: HttpRequest) -> HttpResponse | StreamingHttpResponse:
    read = read_range(request.GET)
    if isinstance(read, RangeRefused):
        return HttpResponseBadRequest(read.message, content_type="text/plain; charset=utf-8")
    return csv_response(
        filename=f"trainings-{read.first}-{read.last}.csv", header=CSV_HEADER, rows=csv_rows(read)
    )
