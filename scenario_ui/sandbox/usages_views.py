"""`GET /usages`: the team's usage, computed from the sandbox's own jobs (`usages`)."""

from __future__ import annotations

from django.http import HttpRequest, JsonResponse

from scenario_ui.sandbox.api.endpoint import sandbox_endpoint
from scenario_ui.sandbox.usages import UsageQuery, usages_json


@sandbox_endpoint("GET")
def list_usages(request: HttpRequest) -> JsonResponse:
    return JsonResponse(usages_json(UsageQuery.from_params(request.GET)))
