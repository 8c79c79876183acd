"""Project and team webhook endpoints, and the deliveries the sandbox makes to them.

When a job or a training ends, every project endpoint subscribed to its event (or to `*`) gets
a POST whose body is the event: `{"id", "type", "createdAt", "payload": {"jobId", ...}}`.
Scenario documents no signature scheme, so none is sent; receivers treat a delivery
as a hint and read the job. The deliveries are tasks (`django.tasks`) due when the job
ends, so `make run`'s worker sends them. Team endpoints take the team's alert: when a
submission takes the month's spend past a threshold of the team's credits (`team_credits`),
`team.credit.threshold.crossed` is delivered, once per threshold and month.
"""

from __future__ import annotations

import logging
import secrets
from datetime import timedelta
from typing import Any

import httpx
from django.tasks import task
from django.utils import timezone

from scenario_ui.sandbox import clock
from scenario_ui.sandbox.api.errors import SandboxApiError
from scenario_ui.sandbox.jobs import state_now as job_state_now
from scenario_ui.sandbox.json_types import JsonObject
from scenario_ui.sandbox.lifecycle import FINISHED_STATUSES
from scenario_ui.sandbox.models import (
    SandboxJob,
    SandboxTraining,
    SandboxWebhookEndpoint,
    SandboxWebhookEvent,
)
from scenario_ui.sandbox.team_credits import CREDIT_THRESHOLD_CROSSED, unannounced_thresholds
from scenario_ui.sandbox.trainings import state_now as training_state_now

log = logging.getLogger("scenario_ui.sandbox")

EVENT_TYPES = (
    "*",
    "generation.created",
    "generation.completed",
    "generation.failed",
    "inference.created",
    "inference.completed",
    "inference.failed",
    "inference.cancelled",
    "model.training.started",
    "model.training.completed",
    "model.training.failed",
    "model.training.cancelled",
)
# A team endpoint takes the team's alerts, a project endpoint its jobs' events.
TEAM_EVENT_TYPES = ("*", CREDIT_THRESHOLD_CROSSED)
PROJECT, TEAM = "project", "team"
JOB_EVENTS = {"success": "generation.completed", "failure": "generation.failed"}
TRAINING_EVENTS = {"trained": "model.training.completed", "failed": "model.training.failed"}
DELIVERY_TIMEOUT_SECONDS = 5.0


def create_endpoint(owner_id: str, body: JsonObject, *, owner_type: str = PROJECT) -> JsonObject:
    url, events = body.get("url"), body.get("enabledEvents")
    if not isinstance(url, str) or not url.startswith(("http://", "https://")):
        raise SandboxApiError(400, "url must be an absolute http(s) URL")
    allowed = TEAM_EVENT_TYPES if owner_type == TEAM else EVENT_TYPES
    if not isinstance(events, list) or not events or not set(events) <= set(allowed):
        raise SandboxApiError(
            400, f"enabledEvents must list some of: {', '.join(allowed)} ({owner_type} endpoint)"
        )
    endpoint = SandboxWebhookEndpoint.objects.create(
        project_id=owner_id,
        owner_type=owner_type,
        url=url,
        description=str(body.get("description") or ""),
        enabled_events=events,
        secret=secrets.token_urlsafe(24),
        created_at=clock.now(),
    )
    # The only answer that carries the secret.
    return {**endpoint_json(endpoint), "secret": endpoint.secret}


def endpoint_json(endpoint: SandboxWebhookEndpoint) -> JsonObject:
    calls = list(endpoint.events.values_list("status", flat=True))
    created = clock.iso_timestamp(endpoint.created_at)
    return {
        "id": endpoint.id,
        "url": endpoint.url,
        "description": endpoint.description,
        "enabled": True,
        "enabledEvents": endpoint.enabled_events,
        "nbTotalCalls": len(calls),
        "nbFailedCalls": calls.count("failed"),
        "ownerId": endpoint.project_id,
        "ownerType": endpoint.owner_type,
        "createdAt": created,
        "updatedAt": created,
    }


def find_endpoint(
    owner_id: str, endpoint_id: str, *, owner_type: str = PROJECT
) -> SandboxWebhookEndpoint:
    endpoint = SandboxWebhookEndpoint.objects.filter(
        pk=endpoint_id, project_id=owner_id, owner_type=owner_type
    ).first()
    if endpoint is None:
        raise SandboxApiError(404, f"Webhook endpoint {endpoint_id} not found")
    return endpoint


def event_json(event: SandboxWebhookEvent) -> JsonObject:
    created = clock.iso_timestamp(event.created_at)
    attempts: list[Any] = event.attempts
    return {
        "id": event.id,
        "endpointId": event.endpoint_id,
        "type": event.type,
        "payload": event.payload,
        "status": event.status,
        "attempts": attempts,
        "createdAt": created,
        "sentAt": attempts[-1]["sentAt"] if attempts else created,
        "updatedAt": created,
    }


def deliver_when_done(job: SandboxJob) -> None:
    """Schedule the delivery of the job's outcome, when anyone listens; the job's cost
    may have crossed a threshold of the team's credits."""
    if SandboxWebhookEndpoint.objects.filter(owner_type=PROJECT).exists():
        _at_the_end(deliver_job_events, job.duration_seconds, job.id)
    announce_credit_use()


def deliver_training_when_done(training: SandboxTraining) -> None:
    if SandboxWebhookEndpoint.objects.filter(owner_type=PROJECT).exists():
        _at_the_end(deliver_training_events, training.duration_seconds, training.id)
    announce_credit_use()


def announce_credit_use() -> None:
    """After a charge: the worker tells the team's endpoints of any threshold now crossed."""
    if SandboxWebhookEndpoint.objects.filter(owner_type=TEAM).exists():
        deliver_credit_alerts.enqueue()


@task()
def deliver_credit_alerts() -> None:
    """Each threshold the month's spend has reached and no team endpoint was told of yet."""
    for payload in unannounced_thresholds():
        deliver(CREDIT_THRESHOLD_CROSSED, payload)


@task()
def deliver_job_events(job_id: str) -> None:
    job = SandboxJob.objects.filter(pk=job_id).first()
    if job is None:
        return
    state = job_state_now(job)
    if state.status not in FINISHED_STATUSES:
        _at_the_end(deliver_job_events, job.duration_seconds / 10, job.id)
        return
    if state.status in JOB_EVENTS:
        payload: JsonObject = {"jobId": job.id, "modelId": job.model_id, "status": state.status}
        deliver(JOB_EVENTS[state.status], payload)


@task()
def deliver_training_events(training_id: str) -> None:
    training = SandboxTraining.objects.filter(pk=training_id).first()
    if training is None:
        return
    status = training_state_now(training).model_status
    if status == "training":
        _at_the_end(deliver_training_events, training.duration_seconds / 10, training.id)
        return
    if status in TRAINING_EVENTS:
        payload: JsonObject = {"jobId": training.id, "modelId": training.model_id, "status": status}
        deliver(TRAINING_EVENTS[status], payload)


def deliver(event_type: str, payload: JsonObject) -> None:
    """POST the event to each endpoint subscribed to it, once; record how it went."""
    owner_type = TEAM if event_type in TEAM_EVENT_TYPES else PROJECT
    for endpoint in SandboxWebhookEndpoint.objects.filter(owner_type=owner_type):
        if not {"*", event_type} & set(endpoint.enabled_events):
            continue
        event = SandboxWebhookEvent.objects.create(
            endpoint=endpoint, type=event_type, payload=payload, created_at=clock.now()
        )
        status = post_event(endpoint.url, event_json(event))
        event.attempts = [
            {"responseStatusCode": status, "sentAt": clock.iso_timestamp(clock.now())}
        ]
        event.status = "success" if 200 <= status < 300 else "failed"
        event.save(update_fields=["attempts", "status"])
        log.info(
            "webhook event=%s type=%s job=%s answer=%s",
            event.id,
            event_type,
            payload.get("jobId"),
            status,
        )


def post_event(url: str, body: JsonObject) -> int:
    """The receiver's HTTP status; 0 when it could not be reached."""
    try:
        return httpx.post(url, json=body, timeout=DELIVERY_TIMEOUT_SECONDS).status_code
    except httpx.HTTPError:
        return 0


def _at_the_end(deliverer: Any, seconds: float, object_id: str) -> None:
    # A little after the end, by the real clock the worker keeps.
    due = timezone.now() + timedelta(seconds=seconds + 0.2)
    deliverer.using(run_after=due).enqueue(object_id)
