"""Receiving Scenario's webhook deliveries: hints to read a job now, never trusted as state;
and the team's credit alerts, kept for the leads' banner."""

from __future__ import annotations

import json
import logging
import secrets
from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, transaction

from scenario_ui.generate.following import read_soon as read_generation_soon
from scenario_ui.generate.models import Generation
from scenario_ui.scenario.webhooks import CREDIT_THRESHOLD_CROSSED
from scenario_ui.team.credit_alerts import record_credit_alert
from scenario_ui.training.following import read_soon as read_training_soon
from scenario_ui.training.models import Training
from scenario_ui.worker.models import WebhookDelivery, WebhookEndpoint

log = logging.getLogger("scenario_ui.worker")


@dataclass(frozen=True)
class UnknownToken:
    """No endpoint of ours has this token: a 404, telling nothing."""


@dataclass(frozen=True)
class Unreadable:
    reason: str


@dataclass(frozen=True)
class Received:
    # The same event delivered again: recorded once, followed once.
    duplicate: bool
    followed: bool


type Receipt = UnknownToken | Unreadable | Received


def known_token(token: str) -> bool:
    """Compared in constant time with every endpoint's token (there are a handful)."""
    tokens = WebhookEndpoint.objects.values_list("token", flat=True)
    return any(secrets.compare_digest(token.encode(), known.encode()) for known in tokens)


def receive(token: str, body: bytes) -> Receipt:
    if not known_token(token):
        return UnknownToken()
    event = _parsed(body)
    if isinstance(event, Unreadable):
        return event
    payload: dict[str, Any] = event["payload"] if isinstance(event.get("payload"), dict) else {}
    delivery = WebhookDelivery(
        event_id=event["id"],
        event_type=event["type"],
        job_id=_text(payload.get("jobId")),
        model_id=_text(payload.get("modelId")),
    )
    try:
        with transaction.atomic():
            delivery.save()
    except IntegrityError:
        return Received(duplicate=True, followed=False)
    if delivery.event_type == CREDIT_THRESHOLD_CROSSED:
        record_credit_alert(event_id=delivery.event_id, payload=payload)
    followed = follow_now(delivery)
    log.info(
        "webhook event=%s type=%s job=%s followed=%s",
        delivery.event_id,
        delivery.event_type,
        delivery.job_id,
        followed,
    )
    return Received(duplicate=False, followed=followed)


def follow_now(delivery: WebhookDelivery) -> bool:
    """Read the job the delivery names at once; a job still running is then read at the
    longest pace (its next delivery comes first)."""
    generation = (
        Generation.objects.filter(job_id=delivery.job_id).first() if delivery.job_id else None
    )
    if generation is not None:
        read_generation_soon(generation)
        return True
    training = _training_of(delivery)
    if training is not None:
        read_training_soon(training)
        return True
    return False


def _training_of(delivery: WebhookDelivery) -> Training | None:
    if delivery.job_id:
        by_job = Training.objects.filter(job_id=delivery.job_id).first()
        if by_job is not None:
            return by_job
    if delivery.model_id and delivery.event_type.startswith("model.training."):
        return Training.objects.filter(model_id=delivery.model_id).first()
    return None


def _parsed(body: bytes) -> dict[str, Any] | Unreadable:
    try:
        event = json.loads(body)
    except (ValueError, RecursionError):
        return Unreadable("The body is not JSON.")
    if not isinstance(event, dict):
        return Unreadable("The body is not a JSON object.")
    for key in ("id", "type"):
        value = event.get(key)
        if not isinstance(value, str) or not value or len(value) > 100:
            return Unreadable(f'The event has no "{key}" of at most 100 characters.')
    return event


def _text(value: Any) -> str:
    return value[:200] if isinstance(value, str) else ""
