"""Webhook endpoints: the project's (`projects.webhook_endpoints`, job and training outcomes)
and the team's (`teams.webhook_endpoints`, credit alerts): create, list, delete."""

from __future__ import annotations

from typing import Any

from scenario_ui.scenario.calls import JsonObject, call_action, expect_key

# Job and training outcomes: what makes a record change.
FOLLOWED_EVENTS = [
    "generation.completed",
    "generation.failed",
    "inference.completed",
    "inference.failed",
    "inference.cancelled",
    "model.training.completed",
    "model.training.failed",
    "model.training.cancelled",
]
# The team's alert: its spend crossed a credit threshold (leads see a banner).
CREDIT_THRESHOLD_CROSSED = "team.credit.threshold.crossed"
TEAM_EVENTS = [CREDIT_THRESHOLD_CROSSED]


def create_endpoint(project_id: str, *, url: str) -> JsonObject:
    """The new endpoint, with its `secret` (the only answer that carries it)."""
    answer = call_action(
        lambda client: client.projects.webhook_endpoints.with_raw_response.create(
            project_id,
            url=url,
            enabled_events=FOLLOWED_EVENTS,  # type: ignore[arg-type]
            description="scenario-ui: job and training outcomes",
        )
    )
    endpoint: JsonObject = expect_key(answer, "webhookEndpoint", dict)
    return endpoint


def list_endpoints(project_id: str) -> list[JsonObject]:
    answer = call_action(
        lambda client: client.projects.webhook_endpoints.with_raw_response.list(project_id)
    )
    endpoints: list[Any] = expect_key(answer, "webhookEndpoints", list)
    return [endpoint for endpoint in endpoints if isinstance(endpoint, dict)]


def delete_endpoint(project_id: str, endpoint_id: str) -> None:
    call_action(
        lambda client: client.projects.webhook_endpoints.with_raw_response.delete(
            endpoint_id, project_id=project_id
        )
    )


def create_team_endpoint(team_id: str, *, url: str) -> JsonObject:
    """The new team endpoint, with its `secret` (the only answer that carries it)."""
    answer = call_action(
        lambda client: client.teams.webhook_endpoints.with_raw_response.create(
            team_id,
            url=url,
            enabled_events=TEAM_EVENTS,  # type: ignore[arg-type]
            description="scenario-ui: team credit alerts",
        )
    )
    endpoint: JsonObject = expect_key(answer, "webhookEndpoint", dict)
    return endpoint


def list_team_endpoints(team_id: str) -> list[JsonObject]:
    answer = call_action(
        lambda client: client.teams.webhook_endpoints.with_raw_response.list(team_id)
    )
    endpoints: list[Any] = expect_key(answer, "webhookEndpoints", list)
    return [endpoint for endpoint in endpoints if isinstance(endpoint, dict)]


def delete_team_endpoint(team_id: str, endpoint_id: str) -> None:
    call_action(
        lambda client: client.teams.webhook_endpoints.with_raw_response.delete(
            endpoint_id, team_id=team_id
        )
    )
