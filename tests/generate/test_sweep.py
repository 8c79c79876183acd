"""The reconciliation sweep: one listing of the project's changed jobs updates our records."""

from __future__ import annotations

from datetime import datetime, timedelta

import httpx
import pytest
from django.contrib.auth.models import User
from django.utils import timezone

from scenario_ui.authoring.models import Draft, DraftTestRun
from scenario_ui.generate.models import Generation
from scenario_ui.generate.sweep import Swept, sweep
from scenario_ui.scenario.jobs import jobs_updated_after
from scenario_ui.worker.models import Schedule
from scenario_ui.worker.periodic import WATCH, keep_watch
from tests.generate.support import LUMEN, MovableClock, submitted
from tests.worker.support import enqueued, forget_enqueued

pytestmark = pytest.mark.usefixtures("seeded_sandbox")


def iso(moment: datetime) -> str:
    return moment.isoformat().replace("+00:00", "Z")


def two_sent(user: User) -> list[Generation]:
    sent = [submitted(user, LUMEN, {"prompt": [prompt]}) for prompt in ("one", "make it fail")]
    forget_enqueued()
    return sent


def test_one_sweep_updates_every_changed_record(user: User, sandbox_clock: MovableClock) -> None:
    ok, failing = two_sent(user)
    sandbox_clock.advance(20)
    assert sweep(since=None) == Swept(read=2, updated=2, imported=0)
    ok.refresh_from_db()
    failing.refresh_from_db()
    assert (ok.status, failing.status) == ("success", "failure")
    assert ok.checked_at is not None
    # The success's results are read by its follow task, at once.
    [results_read] = enqueued("follow_generation")
    assert (results_read.args, results_read.task.run_after) == ([ok.pk, 30.0], None)
    # Nothing changed since: nothing to update.
    assert sweep(since=timezone.now()).updated == 0


def test_jobs_submitted_elsewhere_are_imported_as_external(
    user: User, sandbox_clock: MovableClock
) -> None:
    [theirs, _] = two_sent(user)
    Generation.objects.filter(pk=theirs.pk).delete()
    sandbox_clock.advance(20)
    assert sweep(since=None).imported == 1
    imported = Generation.objects.get(job_id=theirs.job_id)
    assert (imported.user, imported.external, imported.status) == (None, True, "success")
    assert (imported.model_id, imported.request_body) == (LUMEN, {"prompt": "one"})
    # Nobody's page lists it.
    assert Generation.objects.filter(user=user).count() == 1


def test_studio_test_runs_and_submissions_in_flight_are_left_alone(
    user: User, sandbox_clock: MovableClock
) -> None:
    run, in_flight = two_sent(user)
    draft = Draft.objects.create(owner=user, title="Draft", text="{}")
    DraftTestRun.objects.create(draft=draft, user=user, job_id=run.job_id)
    Generation.objects.filter(pk=in_flight.pk).update(job_id="", status="unknown")
    Generation.objects.filter(pk=run.pk).delete()
    sandbox_clock.advance(20)
    assert sweep(since=None) == Swept(read=2, updated=0, imported=0)
    assert DraftTestRun.objects.get().status == "submitting"


def test_a_failed_sweep_is_read_again_from_the_same_moment(user: User, fake_api) -> None:
    Schedule.objects.create(name=WATCH, due_at=timezone.now(), ran_at=None)
    requests = fake_api(lambda request: httpx.Response(503, json={"reason": "maintenance"}))
    keep_watch.call()
    assert Schedule.objects.get(name=WATCH).ran_at is None
    assert [r.url.params.get("updatedAfter") is not None for r in requests] == [True]
    # The chain goes on regardless.
    assert len(enqueued("keep_watch")) == 1


def test_the_sandbox_lists_only_jobs_changed_after_the_moment(
    user: User, sandbox_clock: MovableClock
) -> None:
    two_sent(user)
    sandbox_clock.advance(20)
    ended = sandbox_clock.now()
    assert len(jobs_updated_after(iso(ended - timedelta(seconds=30)), max_pages=1)) == 2
    assert jobs_updated_after(iso(ended), max_pages=1) == []
