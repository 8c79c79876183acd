"""The follow task: reads a job, stores it, and runs again with back-off while it runs."""

from __future__ import annotations

from datetime import timedelta

import httpx
import pytest
from django.contrib.auth.models import User
from django.utils import timezone

from scenario_ui.generate.following import follow_generation
from scenario_ui.generate.models import Generation
from scenario_ui.worker.heartbeat import last_beat
from tests.generate.support import LUMEN, MovableClock, api_calls, submitted
from tests.worker.support import enqueued, forget_enqueued

pytestmark = pytest.mark.usefixtures("seeded_sandbox")


def running_generation(user: User) -> Generation:
    generation = submitted(user, LUMEN, {"prompt": ["a lighthouse"], "numOutputs": ["2"]})
    # The submission's own first follow: these tests run the task by hand.
    assert [task.args for task in enqueued("follow_generation")] == [[generation.pk, 1.0]]
    forget_enqueued()
    return generation


def waits() -> list[float]:
    return [task.args[1] for task in enqueued("follow_generation")]


def test_a_running_job_is_read_stored_and_followed_again_later(
    user: User, sandbox_clock: MovableClock
) -> None:
    generation = running_generation(user)
    sandbox_clock.advance(5)
    before = timezone.now()
    follow_generation.call(generation.pk, 1.0)
    generation.refresh_from_db()
    assert (generation.status, round(generation.progress, 2)) == ("in-progress", 0.38)
    assert generation.checked_at is not None
    assert generation.checked_at >= before
    # The worker said it is alive, and comes back 1.5 s later (1 s, growing by half).
    assert last_beat() is not None
    [again] = enqueued("follow_generation")
    assert again.args == [generation.pk, 1.5]
    assert again.task.run_after is not None
    assert again.task.run_after - before >= timedelta(seconds=1.5)


def test_a_success_stores_its_results_and_stops(user: User, sandbox_clock: MovableClock) -> None:
    generation = running_generation(user)
    sandbox_clock.advance(20)
    follow_generation.call(generation.pk, 1.0)
    generation.refresh_from_db()
    assert generation.status == "success"
    assert [result["kind"] for result in generation.results] == ["image", "image"]
    assert enqueued("follow_generation") == []


def test_the_back_off_grows_to_30_s_and_respects_retry_after(user: User, fake_api) -> None:
    generation = Generation.objects.create(
        user=user, model_id=LUMEN, job_id="job_1", status="queued"
    )
    fake_api(lambda request: httpx.Response(503, json={"reason": "maintenance"}))
    follow_generation.call(generation.pk, 24.0)
    assert waits() == [30.0]
    requests = fake_api(lambda request: httpx.Response(429, headers={"Retry-After": "45"}, json={}))
    follow_generation.call(generation.pk, 1.0)
    assert waits()[-1] == 45.0
    assert api_calls(requests) == [("GET", "/v1/jobs/job_1")]


def test_a_finished_or_unsent_generation_is_not_read(user: User, fake_api) -> None:
    requests = fake_api(lambda request: httpx.Response(503))
    done = Generation.objects.create(user=user, model_id=LUMEN, job_id="job_1", status="failure")
    unsent = Generation.objects.create(user=user, model_id=LUMEN, status="unknown")
    for generation in (done, unsent):
        follow_generation.call(generation.pk)
    follow_generation.call(10_000)  # deleted meanwhile
    assert requests == []
    assert enqueued("follow_generation") == []
