"""`projects/{id}/webhook-endpoints`: create, list and delete endpoints, list their events;
and `_stats`, the sandbox's own count of the calls it served."""

from __future__ import annotations

from django.http import HttpRequest, JsonResponse

from scenario_ui.sandbox.api.bodies import parse_json_object
from scenario_ui.sandbox.api.endpoint import sandbox_endpoint
from scenario_ui.sandbox.call_counts import call_counts
from scenario_ui.sandbox.models import SandboxWebhookEndpoint
from scenario_ui.sandbox.webhooks import (
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
    endpoints = SandboxWebhookEndpoint.objects.filter(project_id=project_id).order_by("created_at")
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
