"""A lead cancels anyone's running job through the job and Train pages' own paths."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import User
from django.http import Http404
from django.utils import timezone

from scenario_ui.generate.models import Generation
from scenario_ui.sandbox import clock
from scenario_ui.scenario import jobs
from scenario_ui.scenario.errors import ScenarioUnavailable
from scenario_ui.team import cancellation
from scenario_ui.team.cancellation import (
    AlreadyFinished,
    Canceled,
    CancelFailed,
    NotCancelable,
    cancel_job,
)
from scenario_ui.team.models import AuditEntry
from scenario_ui.training.models import Training
from tests.conftest import user_with_role
from tests.generate.support import JOB_SECONDS, LUMEN, MovableClock, submitted
from tests.worker.support import enqueued

pytestmark = pytest.mark.usefixtures("seeded_sandbox")


@pytest.fixture
def sandbox_clock(monkeypatch: pytest.MonkeyPatch, settings: Any) -> MovableClock:
    settings.SANDBOX_JOB_SECONDS = JOB_SECONDS
    movable = MovableClock(timezone.now())
    monkeypatch.setattr(clock, "now", movable.now)
    return movable


@pytest.fixture
def lead(db: None) -> User:
    made: User = user_with_role("lena", "lead")
    return made


@pytest.fixture
def owner(db: None) -> User:
    made: User = user_with_role("milo", "member")
    return made


def running(owner: User) -> Generation:
    return submitted(owner, LUMEN, {"prompt": ["a lighthouse"]})


def test_a_running_generation_is_canceled_and_audited(
    lead: User, owner: User, sandbox_clock: MovableClock
) -> None:
    generation = running(owner)
    result = cancel_job(actor=lead, kind="generation", pk=generation.pk)
    assert isinstance(result, Canceled)
    generation.refresh_from_db()
    assert generation.status == Generation.Status.CANCELED
    [entry] = AuditEntry.objects.filter(action=AuditEntry.Action.JOB_CANCELED)
    assert (entry.actor, entry.actor_name) == (lead, "lena")
    assert entry.summary == f"Generation #{generation.pk} (Lumen XL) of milo canceled"
    assert entry.details == {
        "kind": "generation",
        "pk": generation.pk,
        "job_url": f"/jobs/{generation.pk}/",
        "owner": "milo",
    }


def test_a_finished_generation_says_so_and_records_nothing(
    lead: User, owner: User, sandbox_clock: MovableClock
) -> None:
    generation = running(owner)
    Generation.objects.filter(pk=generation.pk).update(status=Generation.Status.SUCCESS)
    result = cancel_job(actor=lead, kind="generation", pk=generation.pk)
    assert isinstance(result, AlreadyFinished)
    assert result.message == (
        f"Generation #{generation.pk} (Lumen XL) had already ended (Succeeded): nothing to cancel."
    )
    assert not AuditEntry.objects.filter(action=AuditEntry.Action.JOB_CANCELED).exists()


def test_a_generation_without_a_job_cannot_be_canceled(lead: User, owner: User) -> None:
    lost = Generation.objects.create(user=owner, model_id=LUMEN, status=Generation.Status.UNKNOWN)
    result = cancel_job(actor=lead, kind="generation", pk=lost.pk)
    assert isinstance(result, NotCancelable)
    assert "no job on Scenario to cancel yet" in result.message


def test_a_failing_api_is_a_clear_message_and_nothing_is_recorded(
    lead: User, owner: User, sandbox_clock: MovableClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    generation = running(owner)

    def unavailable(job_id: str) -> Any:
        raise ScenarioUnavailable("Connection refused.")

    monkeypatch.setattr(jobs, "cancel_job", unavailable)
    result = cancel_job(actor=lead, kind="generation", pk=generation.pk)
    assert isinstance(result, CancelFailed)
    assert result.message == (
        f"Generation #{generation.pk} (Lumen XL) was not canceled. "
        "Scenario cannot be reached: Connection refused."
    )
    assert not AuditEntry.objects.filter(action=AuditEntry.Action.JOB_CANCELED).exists()


def training_of(owner: User, status: str) -> Training:
    return Training.objects.create(
        user=owner,
        model_id="model_mascot",
        model_name="Mascot",
        outcome=Training.Outcome.STARTED,
        model_record={"status": status},
    )


def test_a_running_training_is_canceled_through_the_gateway_and_read_again(
    lead: User, owner: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []
    monkeypatch.setattr(cancellation, "cancel_training", asked.append)
    training = training_of(owner, "training")
    result = cancel_job(actor=lead, kind="training", pk=training.pk)
    assert isinstance(result, Canceled)
    assert asked == ["model_mascot"]
    [read] = enqueued("follow_training")
    assert read.args[0] == training.pk
    entry = AuditEntry.objects.get(action=AuditEntry.Action.JOB_CANCELED)
    assert entry.details["job_url"] == "/models/model_mascot/train/"


def test_a_training_cancel_refused_by_the_api_says_why(
    lead: User, owner: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refused(model_id: str) -> None:
        raise ScenarioUnavailable("Down for maintenance.")

    monkeypatch.setattr(cancellation, "cancel_training", refused)
    result = cancel_job(actor=lead, kind="training", pk=training_of(owner, "training").pk)
    assert isinstance(result, CancelFailed)
    assert result.message.endswith("Scenario cannot be reached: Down for maintenance.")


def test_a_finished_training_is_not_canceled(lead: User, owner: User) -> None:
    result = cancel_job(actor=lead, kind="training", pk=training_of(owner, "trained").pk)
    assert isinstance(result, AlreadyFinished)
    assert "had already ended (trained)" in result.message


def test_an_unknown_kind_or_job_is_a_404_naming_the_kinds(lead: User) -> None:
    with pytest.raises(Http404, match="the kinds are generation, training"):
        cancel_job(actor=lead, kind="upload", pk=1)
    with pytest.raises(Http404):
        cancel_job(actor=lead, kind="generation", pk=999_999)
