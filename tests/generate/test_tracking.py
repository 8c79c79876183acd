"""Following a job through the SDK and the sandbox: refresh, cancel, look up, results."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import httpx
import pytest
from django.contrib.auth.models import User

from scenario_ui.generate import tracking
from scenario_ui.generate.models import Generation
from scenario_ui.generate.tracking import (
    ResultAsset,
    cancel,
    look_up,
    refresh,
    results,
    store_results,
)
from scenario_ui.sandbox.lifecycle import FAILURE_ERROR, FAILURE_HINT
from scenario_ui.sandbox.models import SandboxJob
from scenario_ui.scenario.errors import ScenarioServerError
from tests.generate.support import (
    LUMEN,
    QUILL,
    MovableClock,
    api_calls,
    submitted,
)

pytestmark = pytest.mark.usefixtures("seeded_sandbox")


def unavailable(request: httpx.Request) -> httpx.Response:
    return httpx.Response(503, json={"reason": "maintenance"})


# --- refresh --------------------------------------------------------------------------------


def test_refresh_follows_a_running_job(user: User, sandbox_clock: MovableClock) -> None:
    generation = submitted(user, LUMEN, {"prompt": ["a lighthouse"]})
    assert (generation.status, generation.progress) == ("queued", 0.0)
    sandbox_clock.advance(2)
    assert refresh(generation) == tracking.Refresh(generation)
    assert (generation.status, generation.progress) == ("warming-up", 0.0)
    sandbox_clock.advance(3)
    refresh(generation)
    generation.refresh_from_db()
    assert (generation.status, generation.progress) == ("in-progress", 0.3846)
    assert generation.is_running is True
    assert generation.asset_ids == []


def test_refresh_to_success_with_assets(user: User, sandbox_clock: MovableClock) -> None:
    generation = submitted(user, LUMEN, {"prompt": ["a lighthouse"], "numOutputs": ["2"]})
    sandbox_clock.advance(10)
    refreshed = refresh(generation)
    assert refreshed.error is None
    generation.refresh_from_db()
    assert (generation.status, generation.progress) == ("success", 1.0)
    assert generation.is_finished is True
    assert generation.is_running is False
    # Billed: the generation (2 x 6.25) and its quality gate (2 x 1.75).
    assert generation.creative_units == 16.0
    assert (generation.error, generation.hint) == ("", "")
    assert len(generation.asset_ids) == 2
    assert generation.checked_at is not None
    store_results(generation)
    generation.refresh_from_db()
    found = results(generation)
    assert found == [
        ResultAsset(
            id=asset_id,
            url=f"/sandbox/v1/assets/{asset_id}/content",
            kind="image",
            mime_type="image/png",
            name=f"{generation.job_id}-output-{index}.png",
        )
        for index, asset_id in enumerate(generation.asset_ids, start=1)
    ]
    assert [asset.shows_as for asset in found] == ["image", "image"]


def test_a_finished_generation_is_not_read_again(
    user: User, sandbox_clock: MovableClock, fake_api
) -> None:
    generation = submitted(user, LUMEN, {"prompt": ["a lighthouse"]})
    sandbox_clock.advance(10)
    refresh(generation)
    requests = fake_api(unavailable)
    assert refresh(generation) == tracking.Refresh(generation)
    assert cancel(generation) == tracking.Refresh(generation)
    assert requests == []


def test_refresh_to_failure_with_the_error_and_hint(
    user: User, sandbox_clock: MovableClock
) -> None:
    generation = submitted(user, LUMEN, {"prompt": ["please FAIL now"]})
    sandbox_clock.advance(5)
    refresh(generation)
    assert generation.status == "in-progress"
    sandbox_clock.advance(1)
    refresh(generation)
    generation.refresh_from_db()
    assert (generation.status, generation.progress) == ("failure", 0.5385)
    assert generation.error == FAILURE_ERROR
    assert generation.hint == FAILURE_HINT
    assert generation.asset_ids == []
    # The quality gate is refunded when a job does not succeed.
    assert generation.creative_units == 6.25
    assert results(generation) == []


def test_a_failed_read_keeps_the_generation_and_reports_the_error(
    user: User, sandbox_clock: MovableClock, fake_api
) -> None:
    generation = submitted(user, LUMEN, {"prompt": ["a lighthouse"]})
    sandbox_clock.advance(10)
    requests = fake_api(unavailable)
    refreshed = refresh(generation)
    assert isinstance(refreshed.error, ScenarioServerError)
    assert refreshed.error.message == "Scenario failed with HTTP 503: maintenance."
    assert api_calls(requests) == [("GET", f"/v1/jobs/{generation.job_id}")]
    generation.refresh_from_db()
    assert (generation.status, generation.progress) == ("queued", 0.0)


def test_a_generation_without_a_job_is_not_read(user: User, fake_api) -> None:
    generation = Generation.objects.create(user=user, model_id=LUMEN)
    requests = fake_api(unavailable)
    assert refresh(generation) == tracking.Refresh(generation)
    assert cancel(generation) == tracking.Refresh(generation)
    assert requests == []


# --- cancel ---------------------------------------------------------------------------------


def test_cancel_stops_a_running_job(user: User, sandbox_clock: MovableClock) -> None:
    generation = submitted(user, LUMEN, {"prompt": ["a lighthouse"]})
    sandbox_clock.advance(5)
    refreshed = cancel(generation)
    assert refreshed.error is None
    generation.refresh_from_db()
    assert (generation.status, generation.progress) == ("canceled", 0.3846)
    assert generation.is_finished is True
    assert SandboxJob.objects.get().canceled_at == sandbox_clock.moment
    sandbox_clock.advance(30)
    refresh(generation)
    assert generation.status == "canceled"
    assert generation.asset_ids == []


def test_cancel_reads_the_job_again_after_asking(
    user: User, fake_api, sandbox_clock: MovableClock
) -> None:
    generation = submitted(user, LUMEN, {"prompt": ["a lighthouse"]})

    def answer(request: httpx.Request) -> httpx.Response:
        if request.method == "POST":
            return httpx.Response(200, json={"job": {"jobId": generation.job_id}})
        job = {"jobId": generation.job_id, "status": "canceled", "progress": 0.5}
        return httpx.Response(200, json={"job": job})

    requests = fake_api(answer)
    cancel(generation)
    assert api_calls(requests) == [
        ("POST", f"/v1/jobs/{generation.job_id}/action"),
        ("GET", f"/v1/jobs/{generation.job_id}"),
    ]
    assert (generation.status, generation.progress) == ("canceled", 0.5)


def test_a_refused_cancel_is_reported(user: User, sandbox_clock: MovableClock, fake_api) -> None:
    generation = submitted(user, LUMEN, {"prompt": ["a lighthouse"]})
    fake_api(unavailable)
    refreshed = cancel(generation)
    assert isinstance(refreshed.error, ScenarioServerError)
    generation.refresh_from_db()
    assert generation.status == "queued"


# --- look up a lost submission --------------------------------------------------------------


def lose_the_answer(generation: Generation) -> str:
    """What a lost answer leaves: the attempt, without its job. Returns the real job id."""
    job_id = generation.job_id
    generation.job_id = ""
    generation.status = Generation.Status.UNKNOWN
    generation.error = "The answer never arrived."
    generation.save()
    return job_id


def test_look_up_finds_the_job_of_a_lost_answer_by_its_exact_input(
    user: User, sandbox_clock: MovableClock
) -> None:
    other = submitted(user, LUMEN, {"prompt": ["another picture"]})
    generation = submitted(user, LUMEN, {"prompt": ["a lighthouse"], "numOutputs": ["2"]})
    job_id = lose_the_answer(generation)
    assert job_id != other.job_id
    sandbox_clock.advance(5)
    refreshed = look_up(generation)
    assert refreshed.error is None
    generation.refresh_from_db()
    assert generation.job_id == job_id
    assert (generation.status, generation.progress) == ("in-progress", 0.3846)
    assert generation.error == ""
    assert generation.is_running is True


def test_look_up_without_a_match_stays_unknown(user: User, sandbox_clock: MovableClock) -> None:
    submitted(user, LUMEN, {"prompt": ["another picture"]})
    generation = Generation.objects.create(
        user=user,
        model_id=LUMEN,
        request_body={"prompt": "never sent"},
        status=Generation.Status.UNKNOWN,
        error="The answer never arrived.",
    )
    assert look_up(generation) == tracking.Refresh(generation)
    generation.refresh_from_db()
    assert (generation.status, generation.job_id) == ("unknown", "")
    assert generation.error == "The answer never arrived."


def test_look_up_asks_for_jobs_created_shortly_before_the_attempt(user: User, fake_api) -> None:
    generation = Generation.objects.create(
        user=user, model_id=LUMEN, request_body={"prompt": "p"}, status="unknown"
    )
    requests = fake_api(lambda request: httpx.Response(200, json={"jobs": []}))
    look_up(generation)
    assert api_calls(requests) == [("GET", "/v1/jobs")]
    since = generation.created_at - timedelta(minutes=2)
    assert requests[0].url.params["createdAfter"] == since.isoformat().replace("+00:00", "Z")


def test_only_an_unknown_submission_is_looked_up(user: User, fake_api) -> None:
    generation = Generation.objects.create(user=user, model_id=LUMEN, job_id="job_1")
    requests = fake_api(unavailable)
    assert look_up(generation) == tracking.Refresh(generation)
    assert requests == []


def test_a_failed_look_up_is_reported(user: User, fake_api) -> None:
    generation = Generation.objects.create(user=user, model_id=LUMEN, status="unknown")
    fake_api(unavailable)
    refreshed = look_up(generation)
    assert isinstance(refreshed.error, ScenarioServerError)
    assert generation.status == "unknown"


# --- polling back-off -----------------------------------------------------------------------


# --- results --------------------------------------------------------------------------------


def test_a_text_model_answers_in_its_output(user: User, sandbox_clock: MovableClock) -> None:
    generation = submitted(user, QUILL, {"instruction": ["three dagger names"]})
    sandbox_clock.advance(10)
    refresh(generation)
    generation.refresh_from_db()
    assert generation.status == "success"
    assert generation.output == {
        "text": "Quill Assistant (sandbox) received: “three dagger names”. "
        "This placeholder reply comes from the Scenario sandbox; no language model ran."
    }
    assert generation.asset_ids == []
    assert results(generation) == []


def test_results_are_read_once_then_stored(user: User, fake_api) -> None:
    generation = Generation.objects.create(
        user=user, model_id=LUMEN, status="success", asset_ids=["asset_b", "asset_a"]
    )
    assets = [
        {"id": "asset_a", "url": "https://cdn.test/a.mp4", "mimeType": "video/mp4"},
        {
            "id": "asset_b",
            "url": "https://cdn.test/b.glb",
            "mimeType": "model/gltf-binary",
            "metadata": {"kind": "3d", "name": "chair.glb"},
        },
    ]
    requests = fake_api(lambda request: httpx.Response(200, json={"assets": assets}))
    expected = [
        ResultAsset("asset_b", "https://cdn.test/b.glb", "3d", "model/gltf-binary", "chair.glb"),
        ResultAsset("asset_a", "https://cdn.test/a.mp4", "", "video/mp4", "asset_a"),
    ]
    assert results(generation) == []
    store_results(generation)
    generation.refresh_from_db()
    assert results(generation) == expected
    assert results(generation) == expected
    assert api_calls(requests) == [("POST", "/v1/assets/get-bulk")]


@pytest.mark.parametrize(
    ("kind", "mime_type", "shows_as"),
    [
        ("image", "image/png", "image"),
        ("image-hdr", "image/vnd.radiance", "image"),
        ("", "image/webp", "image"),
        ("video", "video/mp4", "video"),
        ("", "video/webm", "video"),
        ("audio", "audio/mpeg", "audio"),
        ("", "audio/wav", "audio"),
        ("3d", "model/gltf-binary", "download"),
        ("", "application/octet-stream", "download"),
    ],
)
def test_how_a_result_shows(kind: str, mime_type: str, shows_as: str) -> None:
    assert ResultAsset("asset_1", "/a", kind, mime_type, "a").shows_as == shows_as


def test_apply_job_reads_the_billed_cost_with_its_add_ons(user: User) -> None:
    generation = Generation.objects.create(user=user, model_id=LUMEN, job_id="job_1")
    job: dict[str, Any] = {
        "jobId": "job_1",
        "status": "finalizing",
        "progress": 1.5,
        "billing": {"cuCost": 12, "cuCostDetails": {"quality-gate": 3.5, "note": "x"}},
    }
    tracking.apply_job(generation, job)
    generation.refresh_from_db()
    assert (generation.status, generation.progress, generation.creative_units) == (
        "finalizing",
        1.0,
        15.5,
    )


def test_apply_job_ignores_what_it_cannot_read(user: User) -> None:
    generation = Generation.objects.create(
        user=user, model_id=LUMEN, job_id="job_1", status="queued", creative_units=8
    )
    tracking.apply_job(
        generation,
        {"status": "exploded", "progress": "half", "metadata": "none", "billing": {}},
    )
    assert (generation.status, generation.progress, generation.creative_units) == (
        "queued",
        0.0,
        8.0,
    )


def test_apply_job_ignores_numbers_that_are_not_finite(user: User) -> None:
    generation = Generation.objects.create(
        user=user, model_id=LUMEN, job_id="job_1", creative_units=8, progress=0.25
    )
    nan = float("nan")
    job = {"progress": nan, "billing": {"cuCost": 4, "cuCostDetails": {"quality-gate": nan}}}
    tracking.apply_job(generation, job)
    generation.refresh_from_db()
    assert (generation.progress, generation.creative_units) == (0.25, 4.0)
    tracking.apply_job(generation, {"billing": {"cuCost": float("inf")}})
    generation.refresh_from_db()
    assert generation.creative_units == 4.0
