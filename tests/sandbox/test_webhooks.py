"""The sandbox's project webhook endpoints and its deliveries."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from scenario_ui.sandbox import webhooks
from scenario_ui.sandbox.models import SandboxWebhookEvent
from tests.sandbox.factories import AUTH_HEADERS

pytestmark = pytest.mark.django_db
ENDPOINTS = "/sandbox/v1/projects/proj_1/webhook-endpoints"


def create(client: Client, **body: Any) -> Any:
    return client.post(ENDPOINTS, body, content_type="application/json", headers=AUTH_HEADERS)


def test_create_list_and_delete(client: Client) -> None:
    created = create(client, url="https://ui.test/hook", enabledEvents=["generation.completed"])
    assert created.status_code == 200
    endpoint = created.json()["webhookEndpoint"]
    assert endpoint["secret"]
    listed = client.get(ENDPOINTS, headers=AUTH_HEADERS).json()["webhookEndpoints"]
    assert [e["id"] for e in listed] == [endpoint["id"]]
    assert "secret" not in listed[0]
    assert client.get(
        "/sandbox/v1/projects/other/webhook-endpoints", headers=AUTH_HEADERS
    ).json() == {"webhookEndpoints": []}
    url = f"{ENDPOINTS}/{endpoint['id']}"
    assert client.delete(url, headers=AUTH_HEADERS).status_code == 200
    assert client.delete(url, headers=AUTH_HEADERS).status_code == 404


@pytest.mark.parametrize(
    "body",
    [
        {"url": "ftp://x", "enabledEvents": ["*"]},
        {"url": "https://ui.test/hook", "enabledEvents": []},
        {"url": "https://ui.test/hook", "enabledEvents": ["job.exploded"]},
    ],
)
def test_a_bad_endpoint_is_a_400(client: Client, body: dict[str, Any]) -> None:
    answer = create(client, **body)
    assert answer.status_code == 400
    assert set(answer.json()) == {"reason"}


def test_deliveries_go_to_subscribed_endpoints_and_are_listed(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    sent: list[tuple[str, Any]] = []

    def refused(url: str, body: Any) -> int:
        sent.append((url, body))
        return 500

    monkeypatch.setattr(webhooks, "post_event", refused)
    everything = create(client, url="https://a.test/", enabledEvents=["*"]).json()
    create(client, url="https://b.test/", enabledEvents=["model.training.completed"])
    webhooks.deliver("generation.completed", {"jobId": "job_1"})
    assert [(url, body["type"], body["payload"]) for url, body in sent] == [
        ("https://a.test/", "generation.completed", {"jobId": "job_1"})
    ]
    events_url = f"{ENDPOINTS}/{everything['webhookEndpoint']['id']}/events"
    [listed] = client.get(events_url, headers=AUTH_HEADERS).json()["webhookEvents"]
    assert (listed["status"], listed["attempts"][0]["responseStatusCode"]) == ("failed", 500)
    assert SandboxWebhookEvent.objects.count() == 1


def test_endpoints_need_the_sandbox_key(client: Client) -> None:
    assert client.get(ENDPOINTS).status_code == 401


TEAM_ENDPOINTS = "/sandbox/v1/teams/team_1/webhook-endpoints"


def test_team_endpoints_take_the_team_alert_alone(client: Client) -> None:
    alert = {"url": "https://ui.test/hook", "enabledEvents": ["team.credit.threshold.crossed"]}
    created = client.post(
        TEAM_ENDPOINTS, alert, content_type="application/json", headers=AUTH_HEADERS
    )
    endpoint = created.json()["webhookEndpoint"]
    assert (endpoint["ownerType"], endpoint["ownerId"]) == ("team", "team_1")
    listed = client.get(TEAM_ENDPOINTS, headers=AUTH_HEADERS).json()["webhookEndpoints"]
    assert [e["id"] for e in listed] == [endpoint["id"]]
    assert client.get(ENDPOINTS, headers=AUTH_HEADERS).json() == {"webhookEndpoints": []}
    jobs = {"url": "https://ui.test/hook", "enabledEvents": ["generation.completed"]}
    refused = client.post(
        TEAM_ENDPOINTS, jobs, content_type="application/json", headers=AUTH_HEADERS
    )
    assert refused.status_code == 400
    assert "team.credit.threshold.crossed (team endpoint)" in refused.json()["reason"]
    assert create(client, **alert).status_code == 400
    url = f"{TEAM_ENDPOINTS}/{endpoint['id']}"
    assert client.get(url, headers=AUTH_HEADERS).json()["webhookEndpoint"]["id"] == endpoint["id"]
    assert client.get(f"{ENDPOINTS}/{endpoint['id']}", headers=AUTH_HEADERS).status_code == 404
    assert client.delete(url, headers=AUTH_HEADERS).status_code == 200
