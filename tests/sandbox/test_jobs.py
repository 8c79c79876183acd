from __future__ import annotations

from typing import Any

import pytest
from scenario_sdk.types.job_retrieve_response import JobRetrieveResponse

from scenario_ui.sandbox import jobs
from scenario_ui.sandbox.api.errors import SandboxApiError
from scenario_ui.sandbox.generation import custom_model
from scenario_ui.sandbox.jobs import (
    cancel_job,
    find_job,
    job_json,
    job_seconds,
    jobs_json,
    state_now,
    submit_job,
)
from scenario_ui.sandbox.models import SandboxAsset, SandboxJob, SandboxModel
from scenario_ui.sandbox.pricing import Cost, price
from tests.sandbox.conftest import FrozenClock
from tests.sandbox.factories import model_record, store, store_generator_and_loras
from tests.sandbox.sdk_shapes import shape_problems

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.sandbox.urls")]


def submit(body: dict[str, Any], model_id: str = "model_generator") -> SandboxJob:
    definition = custom_model(model_id)
    return submit_job(model_id, definition, body, price(definition, body))


def read(job: SandboxJob) -> Any:
    """The job as the API answers it now, untyped for the assertions."""
    return job_json(find_job(job.id))


@pytest.fixture(autouse=True)
def _models(frozen_clock: FrozenClock, ten_second_jobs: float) -> None:
    store_generator_and_loras()


def test_job_seconds_reads_the_setting(settings: Any) -> None:
    assert job_seconds() == 10
    del settings.SANDBOX_JOB_SECONDS
    assert job_seconds() == 4


def test_a_submitted_job_is_queued_with_its_cost(frozen_clock: FrozenClock) -> None:
    job = submit({"prompt": "a cabin", "numOutputs": 2, "quality": "high"})
    document = read(job)
    assert document == {
        "jobId": job.id,
        "jobType": "custom",
        "status": "queued",
        "progress": 0,
        "createdAt": "2026-03-01T12:00:00.000Z",
        "updatedAt": "2026-03-01T12:00:00.000Z",
        "authorId": "user_sandbox-demo",
        "ownerId": "proj_sandbox-demo",
        "metadata": {
            "input": {"prompt": "a cabin", "numOutputs": 2, "quality": "high"},
            "assetIds": [],
            "modelId": "model_generator",
        },
        "statusHistory": [{"status": "queued", "date": "2026-03-01T12:00:00.000Z"}],
        "billing": {"cuCost": 16.0, "cuDiscount": 0, "cuCostDetails": {"quality-gate": 3.5}},
    }
    assert shape_problems(JobRetrieveResponse, {"job": document}) == []


def test_unknown_jobs_are_404() -> None:
    with pytest.raises(SandboxApiError) as raised:
        find_job("job_missing")
    assert (raised.value.status, raised.value.reason) == (404, "Job job_missing not found")


def test_success_produces_the_outputs_once(frozen_clock: FrozenClock) -> None:
    job = submit({"prompt": "a cabin", "numOutputs": 3, "width": 1024, "height": 512})
    frozen_clock.advance(10)
    first = read(job)
    again = read(job)
    assert first["status"] == "success"
    assert len(first["metadata"]["assetIds"]) == 3
    assert again["metadata"]["assetIds"] == first["metadata"]["assetIds"]
    assert SandboxAsset.objects.count() == 3
    outputs = SandboxAsset.objects.filter(job=job).order_by("output_index")
    assert [asset.id for asset in outputs] == first["metadata"]["assetIds"]
    assert {(a.kind, a.mime_type, a.source) for a in outputs} == {("image", "image/png", "txt2img")}
    assert outputs[0].properties == {"width": 512, "height": 256}
    assert outputs[0].name == f"{job.id}-output-1.png"
    assert shape_problems(JobRetrieveResponse, {"job": first}) == []


def test_the_same_request_copies_the_outputs_drawn_before(
    frozen_clock: FrozenClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    body = {"prompt": "a cabin", "numOutputs": 2}
    first, twin, other = submit(body), submit(body), submit({"prompt": "a barn"})
    assert first.input_digest == twin.input_digest != other.input_digest
    frozen_clock.advance(10)
    drawn = read(first)["metadata"]["assetIds"]
    monkeypatch.setattr(jobs, "produce_outputs", lambda *_: pytest.fail("drawn again"))
    copied = read(twin)["metadata"]["assetIds"]
    assert len(copied) == 2
    assert not set(copied) & set(drawn)
    originals = SandboxAsset.objects.filter(job=first).order_by("output_index")
    copies = SandboxAsset.objects.filter(job=twin).order_by("output_index")
    assert [bytes(a.content) for a in copies] == [bytes(a.content) for a in originals]
    assert copies[1].name == f"{twin.id}-output-2.png"
    with pytest.raises(pytest.fail.Exception, match="drawn again"):
        read(other)


def test_a_text_model_answers_in_metadata_output(frozen_clock: FrozenClock) -> None:
    store(model_record("model_llm", name="Quill", capabilities=["txt2txt"]))
    job = submit({"prompt": "Say hi"}, model_id="model_llm")
    frozen_clock.advance(10)
    metadata = read(job)["metadata"]
    assert metadata["assetIds"] == []
    assert metadata["output"]["text"].startswith("Quill (sandbox) received: “Say hi”.")


def test_outputs_are_produced_even_when_the_model_is_gone(frozen_clock: FrozenClock) -> None:
    job = submit({"prompt": "a cabin"})
    SandboxModel.objects.all().delete()
    frozen_clock.advance(10)
    assert len(read(job)["metadata"]["assetIds"]) == 1


def test_a_prompt_with_fail_ends_in_failure_refunding_the_add_on(
    frozen_clock: FrozenClock,
) -> None:
    job = submit({"prompt": "Please FAIL"})
    assert job.fails
    frozen_clock.advance(6)
    document = read(job)
    assert (document["status"], document["progress"]) == ("failure", 0.5385)
    assert document["metadata"]["error"] == (
        "The sandbox was asked to fail: the prompt contains “fail”."
    )
    assert document["metadata"]["hint"] == "Remove “fail” from the prompt and submit again."
    assert document["metadata"]["assetIds"] == []
    assert document["billing"]["cuCostDetails"] == {"quality-gate": 0}


def test_cancel_freezes_a_running_job(frozen_clock: FrozenClock) -> None:
    job = submit({"prompt": "a cabin"})
    frozen_clock.advance(5.75)
    cancel_job(job)
    frozen_clock.advance(60)
    state = state_now(find_job(job.id))
    assert (state.status, state.progress) == ("canceled", 0.5)
    assert not SandboxAsset.objects.exists()


@pytest.mark.parametrize(("prompt", "status"), [("a cabin", "success"), ("fail", "failure")])
def test_a_finished_job_cannot_be_canceled(
    frozen_clock: FrozenClock, prompt: str, status: str
) -> None:
    job = submit({"prompt": prompt})
    frozen_clock.advance(10)
    with pytest.raises(SandboxApiError) as raised:
        cancel_job(job)
    assert (raised.value.status, raised.value.reason) == (
        400,
        f"Job {job.id} cannot be canceled: it is {status}",
    )


def test_a_canceled_job_cannot_be_canceled_again(frozen_clock: FrozenClock) -> None:
    job = submit({"prompt": "a cabin"})
    cancel_job(job)
    with pytest.raises(SandboxApiError) as raised:
        cancel_job(job)
    assert raised.value.reason == f"Job {job.id} cannot be canceled: it is canceled"


def test_jobs_json_reads_many_jobs_in_order(frozen_clock: FrozenClock) -> None:
    older = submit({"prompt": "one"})
    frozen_clock.advance(10)
    newer = submit({"prompt": "two"})
    documents = jobs_json([newer, older])
    assert [(d["jobId"], d["status"]) for d in documents] == [
        (newer.id, "queued"),
        (older.id, "success"),
    ]


def test_cost_is_stored_per_part() -> None:
    job = submit({"prompt": "a cabin", "numOutputs": 2})
    assert Cost(job.generation_cost, job.quality_gate_cost) == Cost(12, 3.5)
