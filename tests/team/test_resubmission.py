"""A lead resubmits a failed or canceled generation: same body, a new token, sent once."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.utils import timezone

from scenario_ui.generate.models import Generation
from scenario_ui.sandbox import clock
from scenario_ui.sandbox.models import SandboxJob
from scenario_ui.scenario.errors import ScenarioUnavailable
from scenario_ui.team import resubmission
from scenario_ui.team.models import AuditEntry, Budget
from scenario_ui.team.resubmission import NotSent, Resubmitted, resubmit, resubmit_preview
from scenario_ui.web.attempts import new_token
from tests.conftest import user_with_role
from tests.generate.support import JOB_SECONDS, LUMEN, MovableClock, submitted
from tests.worker.support import enqueued

pytestmark = pytest.mark.usefixtures("seeded_sandbox")


@pytest.fixture(autouse=True)
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


def ended(owner: User, status: str = Generation.Status.FAILURE) -> Generation:
    generation = submitted(owner, LUMEN, {"prompt": ["a lighthouse"]})
    generation.status = status
    generation.save()
    return generation


def test_the_preview_shows_the_body_its_dry_run_cost_and_the_owners_budgets(
    lead: User, owner: User
) -> None:
    failed = ended(owner)
    Budget.objects.create(user=owner, monthly_cu=Decimal(1000))
    preview = resubmit_preview(actor=lead, pk=failed.pk)
    assert preview.refusal == ""
    assert preview.owner == owner
    assert preview.body == failed.request_body
    assert preview.estimate is not None
    assert preview.estimate.creative_units > 0
    [limit] = preview.limits
    assert (limit.is_team, limit.monthly) == (False, 1000.0)
    assert preview.over is None


def test_the_preview_says_when_the_budget_would_be_passed(lead: User, owner: User) -> None:
    failed = ended(owner)
    Budget.objects.create(user=None, monthly_cu=Decimal("0.01"))
    over = resubmit_preview(actor=lead, pk=failed.pk).over
    assert over is not None
    assert over.limit.is_team


def test_a_failed_dry_run_is_shown_not_raised(
    lead: User, owner: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    failed = ended(owner)

    def unavailable(model_id: str, body: Any) -> Any:
        raise ScenarioUnavailable("Connection refused.")

    monkeypatch.setattr(resubmission, "estimate_cost", unavailable)
    preview = resubmit_preview(actor=lead, pk=failed.pk)
    assert preview.estimate is None
    assert preview.estimate_error is not None
    assert preview.estimate_error.message == "Connection refused."


@pytest.mark.parametrize("status", [Generation.Status.SUCCESS, Generation.Status.QUEUED])
def test_only_failed_or_canceled_generations_are_resubmitted(
    lead: User, owner: User, status: str
) -> None:
    other = ended(owner, status)
    assert (
        "only failed or canceled generations" in resubmit_preview(actor=lead, pk=other.pk).refusal
    )
    result = resubmit(actor=lead, pk=other.pk, token=new_token())
    assert isinstance(result, NotSent)
    assert "only failed or canceled generations can be resubmitted" in result.message
    assert Generation.objects.count() == 1


def test_a_resubmission_is_the_owners_new_job_followed_and_audited(lead: User, owner: User) -> None:
    canceled = ended(owner, Generation.Status.CANCELED)
    jobs_before = SandboxJob.objects.count()
    result = resubmit(actor=lead, pk=canceled.pk, token=new_token())
    assert isinstance(result, Resubmitted)
    again = result.generation
    assert again.pk != canceled.pk
    assert (again.user, again.model_id, again.request_body) == (
        owner,
        canceled.model_id,
        canceled.request_body,
    )
    assert again.job_id
    assert again.token != canceled.token
    assert SandboxJob.objects.count() == jobs_before + 1
    assert [task.args[0] for task in enqueued("follow_generation")][-1] == again.pk
    entry = AuditEntry.objects.get(action=AuditEntry.Action.GENERATION_RESUBMITTED)
    assert entry.actor == lead
    assert entry.details == {
        "kind": "generation",
        "pk": again.pk,
        "job_url": f"/jobs/{again.pk}/",
        "owner": "milo",
        "original_pk": canceled.pk,
        "original_url": f"/jobs/{canceled.pk}/",
    }


def test_a_second_post_of_the_same_confirmation_finds_the_same_attempt(
    lead: User, owner: User
) -> None:
    failed = ended(owner)
    token = new_token()
    first = resubmit(actor=lead, pk=failed.pk, token=token)
    jobs_after_first = SandboxJob.objects.count()
    second = resubmit(actor=lead, pk=failed.pk, token=token)
    assert isinstance(first, Resubmitted)
    assert isinstance(second, Resubmitted)
    assert first.generation.pk == second.generation.pk
    assert SandboxJob.objects.count() == jobs_after_first
    assert AuditEntry.objects.filter(action=AuditEntry.Action.GENERATION_RESUBMITTED).count() == 1


def test_over_budget_sends_nothing(lead: User, owner: User) -> None:
    failed = ended(owner)
    Budget.objects.create(user=owner, monthly_cu=Decimal("0.01"))
    jobs_before = SandboxJob.objects.count()
    result = resubmit(actor=lead, pk=failed.pk, token=new_token())
    assert isinstance(result, NotSent)
    assert "it would go over. Nothing was sent." in result.message
    assert SandboxJob.objects.count() == jobs_before
    assert Generation.objects.count() == 1


def test_a_refusal_by_scenario_keeps_nothing(
    lead: User, owner: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    failed = ended(owner)

    def refused(model_id: str, body: Any) -> Any:
        raise ScenarioUnavailable("Connection refused.", request_sent=False)

    monkeypatch.setattr("scenario_ui.generate.submission.submit_generation", refused)
    result = resubmit(actor=lead, pk=failed.pk, token=new_token())
    assert isinstance(result, NotSent)
    assert result.message == "Scenario refused it, nothing was sent. Connection refused."
    assert Generation.objects.count() == 1
    assert not AuditEntry.objects.filter(action=AuditEntry.Action.GENERATION_RESUBMITTED).exists()


def test_an_external_job_is_resubmitted_as_the_leads(lead: User, owner: User) -> None:
    failed = ended(owner)
    Generation.objects.filter(pk=failed.pk).update(user=None, external=True)
    assert resubmit_preview(actor=lead, pk=failed.pk).owner == lead
    result = resubmit(actor=lead, pk=failed.pk, token=new_token())
    assert isinstance(result, Resubmitted)
    assert result.generation.user == lead
    entry = AuditEntry.objects.get(action=AuditEntry.Action.GENERATION_RESUBMITTED)
    assert "of External (API / web app) resubmitted" in entry.summary
