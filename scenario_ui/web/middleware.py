"""Turns any Scenario API failure that reaches a view into a readable page, not a 500."""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from scenario_ui.scenario.errors import ScenarioError, ScenarioRateLimited

logger = logging.getLogger(__name__)


class ScenarioErrorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, ScenarioError):
            return None
        logger.warning("Scenario API failure on %s: %s", request.path, exception.message)
        template = "scenario_error.html"
        fragment = bool(getattr(request, "htmx", False))
        if fragment:
            template += "#error"
        # A whole page read again after Retry-After; nothing re-asks for a fragment or a POST.
        retried = not fragment and request.method == "GET"
        if isinstance(exception, ScenarioRateLimited) and not retried:
            exception = exception.not_retried()
        context = {"error": exception, "reload_after": retried and _retry_after(exception)}
        return render(request, template, context, status=exception.http_status)


def _retry_after(error: ScenarioError) -> int | None:
    return error.retry_after if isinstance(error, ScenarioRateLimited) else None
