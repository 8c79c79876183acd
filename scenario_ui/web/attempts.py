"""Submitting once: one token per rendered form, one recorded attempt per token.

Generations and trainings are charged, so each is written to the database
before it is sent. A double click or a re-posted form carries the same token
and finds that attempt instead of sending a second request.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from django.contrib.auth.models import User
from django.db import IntegrityError, models, transaction

from scenario_ui.scenario.errors import ScenarioError, SubmissionUnknown

# The form field that carries the token; templates get it as `token_name`.
TOKEN = "__token"


def new_token() -> str:
    return str(uuid.uuid4())


def posted_token(data: Mapping[str, list[str]]) -> str:
    """The form's token; a missing or forged one gets a fresh token, so nothing matches it."""
    try:
        return str(uuid.UUID((data.get(TOKEN) or [""])[-1]))
    except ValueError:
        return new_token()


def token_context(token: str) -> dict[str, str]:
    """What a form template needs to carry its token."""
    return {"token": token, "token_name": TOKEN}


def existing_attempt[M: models.Model](records: type[M], user: User, token: str) -> M | None:
    """The user's attempt made with this token, if the form was already sent."""
    return records._default_manager.filter(token=token, user=user).first()


@dataclass(frozen=True)
class Created[M: models.Model]:
    """This post recorded the attempt: it is the one to send."""

    attempt: M


@dataclass(frozen=True)
class AlreadyRecorded[M: models.Model]:
    """A concurrent post of the same form recorded it first: follow that one."""

    attempt: M


@dataclass(frozen=True)
class TokenTaken:
    """The token is someone else's: nothing was recorded, the form needs a new token."""


type Recorded[M: models.Model] = Created[M] | AlreadyRecorded[M] | TokenTaken


def record_attempt[M: models.Model](
    records: type[M], user: User, token: str, **fields: object
) -> Recorded[M]:
    try:
        with transaction.atomic():
            return Created(records._default_manager.create(user=user, token=token, **fields))
    except IntegrityError:
        theirs = existing_attempt(records, user, token)
        return TokenTaken() if theirs is None else AlreadyRecorded(theirs)


@dataclass(frozen=True)
class Answered[T]:
    answer: T


@dataclass(frozen=True)
class Refused:
    """Scenario turned it down, or it never left: nothing was created or charged."""

    error: ScenarioError


@dataclass(frozen=True)
class Lost:
    """The request may have created a job: it must be looked up, never resent."""

    error: SubmissionUnknown


type Sent[T] = Answered[T] | Refused | Lost


def send_once[T](attempt: models.Model, send: Callable[[], T]) -> Sent[T]:
    """Send a recorded attempt, never twice.

    A refusal means nothing started: the attempt is deleted so the corrected form
    can be sent. A lost answer keeps the attempt: the job may exist, and the caller
    marks it unknown rather than sending again.
    """
    try:
        return Answered(send())
    except SubmissionUnknown as lost:
        return Lost(lost)
    except ScenarioError as refused:
        attempt.delete()
        return Refused(refused)
