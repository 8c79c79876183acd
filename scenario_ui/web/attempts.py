"""Submitting once: one token per rendered form, one recorded attempt per token.

Generations and trainings are charged, so each is written to the database
before it is sent. A double click or a re-posted form carries the same token
and finds that attempt instead of sending a second request.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import User
from django.db import IntegrityError, models, transaction

from scenario_ui.scenario.errors import ScenarioError
from scenario_ui.scenario.generation import SubmissionUnknown

TOKEN = "__token"


def new_token() -> str:
    return str(uuid.uuid4())


def posted_token(data: Mapping[str, list[str]]) -> str:
    """The form's token; a missing or forged one gets a fresh token, so nothing matches it."""
    try:
        return str(uuid.UUID((data.get(TOKEN) or [""])[-1]))
    except ValueError:
        return new_token()


def existing_attempt[M: models.Model](records: type[M], user: User, token: str) -> M | None:
    """The user's attempt made with this token, if the form was already sent."""
    return records._default_manager.filter(token=token, user=user).first()


def record_attempt[M: models.Model](
    records: type[M], user: User, token: str, **fields: Any
) -> tuple[M | None, bool]:
    """Write the attempt; `(attempt, True)` when this call created it.

    When a concurrent post of the same form won the race, `(theirs, False)`; when
    the token belongs to someone else, `(None, False)`: the form needs a new token.
    """
    try:
        with transaction.atomic():
            return records._default_manager.create(user=user, token=token, **fields), True
    except IntegrityError:
        return existing_attempt(records, user, token), False


@dataclass(frozen=True)
class Sent[T]:
    """How sending a recorded attempt went: an answer, a refusal, or a lost answer."""

    answer: T | None = None
    refused: ScenarioError | None = None
    lost: SubmissionUnknown | None = None


def send_once[T](attempt: models.Model, send: Callable[[], T]) -> Sent[T]:
    """Send a recorded attempt, never twice.

    A refusal means nothing started: the attempt is deleted so the corrected form
    can be sent. A lost answer keeps the attempt: the job may exist, and the caller
    marks it unknown rather than sending again.
    """
    try:
        return Sent(answer=send())
    except SubmissionUnknown as lost:
        return Sent(lost=lost)
    except ScenarioError as refused:
        attempt.delete()
        return Sent(refused=refused)
