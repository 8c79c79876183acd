"""The activity feed (`/team/`), its live rows and its CSV export: leads only."""

from __future__ import annotations

from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET
from django_htmx.http import push_url

from scenario_ui.team.access import Need, requires
from scenario_ui.team.csv_export import csv_response
from scenario_ui.team.feed import every_row, feed_row
from scenario_ui.team.feed_export import HEADER, csv_cells
from scenario_ui.team.feed_filters import feed_choices, read_feed_filters
from scenario_ui.team.feed_screen import POLL_SECONDS, feed_screen
from scenario_ui.web.conditional import unchanged, versioned
from scenario_ui.web.htmx import STOP_POLLING, HtmxHttpRequest


@requires(Need.OVERSEE)
@require_GET
def feed(request: HtmxHttpRequest) -> HttpResponse:
    screen = feed_screen(request.GET)
    # htmx restoring a page it no longer holds (the Back button) wants all of it.
    if not request.htmx or request.htmx.boosted or request.htmx.history_restore_request:
        return render(request, "team/feed.html", {"screen": screen, "poll_seconds": POLL_SECONDS})
    # The form's own URL carries every field, empty ones too: the address bar gets the
    # short permalink instead.
    context = {"screen": screen, "poll_seconds": POLL_SECONDS}
    response = render(request, "team/feed.html#results", context)
    return push_url(response, screen.permalink)


@requires(Need.OVERSEE)
@require_GET
def feed_row_poll(request: HtmxHttpRequest, kind: str, pk: int) -> HttpResponse:
    """A running row, from our record (a worker keeps it fresh); 304 when unchanged."""
    row = feed_row(kind=kind, pk=pk)
    if row is None:
        raise Http404("No such job in the feed.")
    if (same := unchanged(request, row.version)) is not None:
        return same
    status = 200 if row.is_running else STOP_POLLING
    context = {"row": row, "poll_seconds": POLL_SECONDS}
    response = render(request, "team/feed.html#row", context, status=status)
    return versioned(response, row.version)


@requires(Need.OVERSEE)
@require_GET
def feed_csv(request: HtmxHttpRequest) -> StreamingHttpResponse:
    """Every row the feed's filters match (refused filters are left out, as on the page)."""
    filters = read_feed_filters(request.GET, choices=feed_choices()).filters
    rows = (csv_cells(row) for row in every_row(filters))
    return csv_response(filename="team-activity.csv", header=HEADER, rows=rows)
