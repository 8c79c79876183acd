"""Counting the API calls the sandbox serves, per route: what a scenario costs upstream.

Counted in the database, so the web server's and the workers' calls add up; an UPDATE
per call, which the sandbox (a development stand-in) can afford.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import F
from django.http import HttpRequest

from scenario_ui.sandbox.json_types import JsonObject
from scenario_ui.sandbox.models import SandboxCallCount

API_PREFIX = "sandbox/v1/"


def count_call(request: HttpRequest) -> None:
    """Count a call the URLs routed here (a view called directly is no API call)."""
    match = request.resolver_match
    if match is None:
        return
    # The same route served from outside (under sandbox/v1/) or in-process counts once.
    route = match.route.removeprefix(API_PREFIX)
    method = request.method or "GET"
    counted = SandboxCallCount.objects.filter(route=route, method=method)
    if counted.update(count=F("count") + 1):
        return
    try:
        with transaction.atomic():
            SandboxCallCount.objects.create(route=route, method=method, count=1)
    except IntegrityError:
        # Another process created the row meanwhile: add to it.
        counted.update(count=F("count") + 1)


@dataclass(frozen=True)
class CallCounts:
    total: int
    # "GET jobs/<str:job_id>" -> how many.
    routes: dict[str, int]

    def as_json(self) -> JsonObject:
        return {"total": self.total, "routes": dict(self.routes)}


def call_counts() -> CallCounts:
    rows = SandboxCallCount.objects.order_by("route", "method")
    routes = {f"{row.method} {row.route}": row.count for row in rows}
    return CallCounts(total=sum(routes.values()), routes=routes)


def reset_counts() -> None:
    SandboxCallCount.objects.all().delete()
