"""`projects/{id}/webhook-endpoints` and `teams/{id}/webhook-endpoints`: create, list and
delete endpoints, list a project endpoint's events; and `_stats`, the sandbox's own count of
the calls it served."""

from __future__ import annotations

from django.http import HttpRequest, JsonResponse

from scenario_ui.sandbox.api.bodies import parse_json_object
from scenario_ui.sandbox.api.endpoint import sandbox_endpoint
from scenario_ui.sandbox.call_counts import call_counts
from scenario_ui.sandbox.models import SandboxWebhookEndpoint
from scenario_ui.sandbox.webhooks import (
    PROJECT,
    TEAM,
    create_endpoint,
    endpoint_json,
    event_json,
    find_endpoint,
)


@sandbox_endpoint("GET", "POST")
def webhook_endpoints(request: HttpRequest, project_id: str) -> JsonResponse:
    if request.method == "POST":
        body = parse_json_object(request.body, "the webhook endpoint")
        return JsonResponse({"webhookEndpoint": create_endpoint(project_id, body)})
    return _listed(project_id, PROJECT)


@sandbox_endpoint("GET", "POST")
def team_webhook_endpoints(request: HttpRequest, team_id: str) -> JsonResponse:
    if request.method == "POST":
        body = parse_json_object(request.body, "the webhook endpoint")
        created = create_endpoint(team_id, body, owner_type=TEAM)
        return JsonResponse({"webhookEndpoint": created})
    return _listed(team_id, TEAM)


@sandbox_endpoint("GET", "DELETE")
def team_webhook_endpoint(request: HttpRequest, team_id: str, endpoint_id: str) -> JsonResponse:
    endpoint = find_endpoint(team_id, endpoint_id, owner_type=TEAM)
    if request.method == "DELETE":
        endpoint.delete()
        return JsonResponse({})
    return JsonResponse({"webhookEndpoint": endpoint_json(endpoint)})


def _listed(owner_id: str, owner_type: str) -> JsonResponse:
    endpoints = SandboxWebhookEndpoint.objects.filter(
        project_id=owner_id, owner_type=owner_type
    ).order_by("created_at")
    return JsonResponse({"webhookEndpoints": [endpoint_json(e) for e in endpoints]})


@sandbox_endpoint("GET", "DELETE")
def webhook_endpoint(request: HttpRequest, project_id: str, endpoint_id: str) -> JsonResponse:
    endpoint = find_endpoint(project_id, endpoint_id)
    if request.method == "DELETE":
        endpoint.delete()
        return JsonResponse({})
    return JsonResponse({"webhookEndpoint": endpoint_json(endpoint)})


@sandbox_endpoint("GET")
def webhook_events(request: HttpRequest, project_id: str, endpoint_id: str) -> JsonResponse:
    endpoint = find_endpoint(project_id, endpoint_id)
    events = endpoint.events.order_by("-created_at")
    return JsonResponse({"webhookEvents": [event_json(event) for event in events]})


@sandbox_endpoint("GET", counted=False)
def call_stats(request: HttpRequest) -> JsonResponse:
    """How many calls the sandbox served, per route (not counting this one)."""
    return JsonResponse(call_counts().as_json())
