"""Turns any Scenario API failure that reaches a view into a readable page, not a 500."""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from scenario_ui.scenario.errors import ScenarioError

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
        if getattr(request, "htmx", False):
            template += "#error"
        return render(request, template, {"error": exception}, status=exception.http_status)
