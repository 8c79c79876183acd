"""Webhooks end to end in-process: the command registers the endpoint through the SDK, the
sandbox delivers when a job ends, the receiver records it once and reads the job at once."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.test import Client

from scenario_ui.sandbox import webhooks as sandbox_webhooks
from scenario_ui.sandbox.models import SandboxWebhookEndpoint, SandboxWebhookEvent
from scenario_ui.worker.models import WebhookDelivery, WebhookEndpoint
from tests.generate.support import LUMEN, MovableClock, submitted
from tests.worker.support import enqueued, forget_enqueued, run_enqueued

pytestmark = pytest.mark.usefixtures("seeded_sandbox")


def command(*args: str) -> str:
    out = io.StringIO()
    call_command("scenario_webhook", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def endpoint(db: None) -> WebhookEndpoint:
    command("register", "--base-url", "http://testserver")
    return WebhookEndpoint.objects.get(owner_type=WebhookEndpoint.Owner.PROJECT)


def hook_url(endpoint: WebhookEndpoint) -> str:
    return f"/hooks/scenario/{endpoint.token}/"


def event(job_id: str, event_id: str = "evt_1", **fields: Any) -> str:
    body = {"id": event_id, "type": "generation.completed", "payload": {"jobId": job_id}}
    return json.dumps({**body, **fields})


def test_register_list_and_remove_through_the_sdk(endpoint: WebhookEndpoint) -> None:
    remote = SandboxWebhookEndpoint.objects.get(owner_type="project")
    assert endpoint.endpoint_id == remote.id
    assert endpoint.url == f"http://testserver/hooks/scenario/{endpoint.token}/" == remote.url
    assert endpoint.secret == remote.secret
    assert len(endpoint.token) >= 40
    assert "generation.completed" in remote.enabled_events
    assert "Webhook endpoint already registered" in command(
        "register", "--if-missing", "--base-url", "http://testserver"
    )
    assert command("list").split()[:3] == [remote.id, "ours", remote.url]
    command("remove", remote.id)
    assert not SandboxWebhookEndpoint.objects.filter(owner_type="project").exists()
    assert not WebhookEndpoint.objects.filter(owner_type=WebhookEndpoint.Owner.PROJECT).exists()


def test_a_wrong_token_is_404_and_records_nothing(
    client: Client, endpoint: WebhookEndpoint
) -> None:
    for token in ("nope", endpoint.token[:-1] + "x", endpoint.token + "x"):
        answer = client.post(
            f"/hooks/scenario/{token}/", event("job_1"), content_type="application/json"
        )
        assert answer.status_code == 404
    assert WebhookDelivery.objects.count() == 0


@pytest.mark.parametrize(
    "body",
    ["not json", "[1, 2]", json.dumps({"type": "generation.completed"}), json.dumps({"id": 7})],
)
def test_a_body_it_cannot_store_is_400(
    client: Client, endpoint: WebhookEndpoint, body: str
) -> None:
    answer = client.post(hook_url(endpoint), body, content_type="application/json")
    assert answer.status_code == 400
    assert set(answer.json()) == {"reason"}
    assert WebhookDelivery.objects.count() == 0


def test_a_delivery_is_recorded_once_and_reads_the_job_at_once(
    client: Client, endpoint: WebhookEndpoint, user: User
) -> None:
    generation = submitted(user, LUMEN, {"prompt": ["a lighthouse"]})
    forget_enqueued()
    body = event(generation.job_id, status="success")
    first = client.post(hook_url(endpoint), body, content_type="application/json")
    assert first.json() == {"duplicate": False, "followed": True}
    again = client.post(hook_url(endpoint), body, content_type="application/json")
    assert again.json() == {"duplicate": True, "followed": False}
    [read] = enqueued("follow_generation")
    assert (read.args, read.task.run_after) == ([generation.pk, 30.0], None)
    # The payload's status is never trusted: the record changes only by reading the job.
    generation.refresh_from_db()
    assert generation.status == "queued"
    unknown = client.post(
        hook_url(endpoint), event("job_x", "evt_2"), content_type="application/json"
    )
    assert unknown.json() == {"duplicate": False, "followed": False}


def test_the_sandbox_delivers_and_the_page_shows_success_without_waiting(
    client: Client,
    endpoint: WebhookEndpoint,
    user: User,
    sandbox_clock: MovableClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def post_event(url: str, body: Any) -> int:
        return client.post(url, body, content_type="application/json").status_code

    monkeypatch.setattr(sandbox_webhooks, "post_event", post_event)
    generation = submitted(user, LUMEN, {"prompt": ["a lighthouse"]})
    # With webhooks, the first read is only a safety net, 30 s away.
    [first_read] = enqueued("follow_generation")
    assert first_read.args == [generation.pk, 30.0]
    [delivery] = enqueued("deliver_job_events")
    assert delivery.task.run_after is not None
    forget_enqueued()
    sandbox_clock.advance(20)
    delivery.task.call(*delivery.args)
    assert SandboxWebhookEvent.objects.get().status == "success"
    assert run_enqueued("follow_generation") == 1
    generation.refresh_from_db()
    assert generation.status == "success"
    assert generation.results


def test_the_teams_credit_alert_is_registered_delivered_and_kept_for_the_leads(
    client: Client,
    endpoint: WebhookEndpoint,
    user: User,
    monkeypatch: pytest.MonkeyPatch,
    settings: Any,
) -> None:
    from scenario_ui.team.models import CreditAlert

    team = WebhookEndpoint.objects.get(owner_type=WebhookEndpoint.Owner.TEAM)
    remote = SandboxWebhookEndpoint.objects.get(owner_type="team")
    assert (team.endpoint_id, remote.project_id) == (remote.id, "team_sandbox")
    assert remote.enabled_events == ["team.credit.threshold.crossed"]
    assert "already registered for http://testserver (team)" in command(
        "register", "--if-missing", "--base-url", "http://testserver"
    )

    def post_event(url: str, body: Any) -> int:
        return client.post(url, body, content_type="application/json").status_code

    monkeypatch.setattr(sandbox_webhooks, "post_event", post_event)
    settings.SANDBOX_TEAM_CREDIT_LIMIT = 0.01
    submitted(user, LUMEN, {"prompt": ["a lighthouse"]})
    [check] = enqueued("deliver_credit_alerts")
    check.task.call()
    assert [alert.threshold_percent for alert in CreditAlert.objects.order_by("id")] == [80, 100]
    assert WebhookDelivery.objects.filter(event_type="team.credit.threshold.crossed").count() == 2
    command("remove", remote.id)
    assert not SandboxWebhookEndpoint.objects.filter(owner_type="team").exists()
