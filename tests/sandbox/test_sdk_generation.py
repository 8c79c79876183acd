"""Generations, jobs and assets through the official SDK, in-process, on the demo catalog."""

from __future__ import annotations

import base64

import pytest
from scenario_sdk import BadRequestError, NotFoundError, Scenario

from scenario_ui.sandbox.json_types import JsonObject
from tests.sandbox.conftest import FrozenClock
from tests.sandbox.factories import png_bytes

pytestmark = pytest.mark.urls("tests.sandbox.urls")

LUMEN = "model_demo-lumen-xl"
PROMPT = "a small wooden cabin in a snowy forest"


@pytest.fixture(autouse=True)
def _clock(frozen_clock: FrozenClock, ten_second_jobs: float) -> None:
    """Every test here runs on the moved-by-hand clock, with ten-second jobs."""


def test_a_dry_run_is_269_and_priced_by_num_outputs(
    sdk_client: Scenario, seeded_demo_catalog: list[JsonObject]
) -> None:
    raw = sdk_client.generate.with_raw_response.run_model(
        LUMEN, body={"prompt": PROMPT}, dry_run="true"
    )
    assert raw.status_code == 269
    one = raw.parse()
    four = sdk_client.generate.run_model(
        LUMEN, body={"prompt": PROMPT, "numOutputs": 4}, dry_run="true"
    )
    assert one.creative_units_cost is not None
    assert four.creative_units_cost is not None
    assert four.creative_units_cost == 4 * one.creative_units_cost
    assert one.cost_details is not None
    assert one.cost_details.quality_gate == 1.75


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (
            {"prompt": PROMPT, "loras": ["model_demo-lora-inkwash"], "lorasScale": [3.0]},
            "Input lorasScale must be at most 2",
        ),
        (
            {"prompt": PROMPT, "loras": ["model_demo-lora-inkwash"] * 5},
            "Input loras must be at most 4 items long",
        ),
        (
            {"prompt": PROMPT, "loras": ["model_demo-composition-clockwork-tales"]},
            "Invalid model(s): model_demo-composition-clockwork-tales.\n"
            "Allowed model types: flux.1-lora",
        ),
    ],
)
def test_refusals_raise_bad_request_with_the_api_wording(
    sdk_client: Scenario, seeded_demo_catalog: list[JsonObject], body: JsonObject, reason: str
) -> None:
    with pytest.raises(BadRequestError) as raised:
        sdk_client.generate.run_model(LUMEN, body=body, dry_run="true")
    assert raised.value.body == {"reason": reason}


@pytest.mark.parametrize(
    ("model_id", "body", "error", "reason"),
    [
        ("model_demo-missing", {}, NotFoundError, "Model model_demo-missing not found"),
        (
            "model_demo-lora-inkwash",
            {"prompt": PROMPT},
            BadRequestError,
            "Custom models only are supported for this endpoint",
        ),
        (
            LUMEN,
            {"prompt": PROMPT, "image": "asset_missing"},
            NotFoundError,
            "Asset asset_missing not found",
        ),
        (LUMEN, {"prompt": PROMPT, "loras": ["model_x"]}, NotFoundError, "Model model_x not found"),
    ],
)
def test_unknown_or_unsupported_references(
    sdk_client: Scenario,
    seeded_demo_catalog: list[JsonObject],
    model_id: str,
    body: JsonObject,
    error: type[Exception],
    reason: str,
) -> None:
    with pytest.raises(error) as raised:
        sdk_client.generate.run_model(model_id, body=body, dry_run="true")
    assert getattr(raised.value, "body", None) == {"reason": reason}


def test_a_generation_from_submission_to_assets(
    sdk_client: Scenario, seeded_demo_catalog: list[JsonObject], frozen_clock: FrozenClock
) -> None:
    submitted = sdk_client.generate.run_model(LUMEN, body={"prompt": PROMPT, "numOutputs": 2})
    assert (submitted.job.status, submitted.job.progress) == ("queued", 0)
    assert submitted.creative_units_cost is not None
    assert submitted.job.billing is not None
    frozen_clock.advance(5)
    running = sdk_client.jobs.retrieve(submitted.job.job_id).job
    assert running.status == "in-progress"
    assert 0 < running.progress < 1
    frozen_clock.advance(5)
    done = sdk_client.jobs.retrieve(submitted.job.job_id).job
    assert done.status == "success"
    assert done.metadata.asset_ids is not None
    assert len(done.metadata.asset_ids) == 2
    assets = sdk_client.assets.get_bulk(asset_ids=done.metadata.asset_ids).assets
    assert [asset.id for asset in assets] == done.metadata.asset_ids
    assert {(asset.kind, asset.mime_type) for asset in assets} == {("image", "image/png")}
    retrieved = sdk_client.assets.retrieve(done.metadata.asset_ids[0]).asset
    assert retrieved.properties.width == 512


def test_a_text_model_answers_in_the_job(
    sdk_client: Scenario, seeded_demo_catalog: list[JsonObject], frozen_clock: FrozenClock
) -> None:
    body = {"instruction": "Name three colours", "jsonSchema": "{}"}
    job_id = sdk_client.generate.run_model("model_demo-quill-llm", body=body).job.job_id
    frozen_clock.advance(10)
    output = sdk_client.jobs.retrieve(job_id).job.metadata.output
    assert output is not None
    assert "“Name three colours”" in str(output["text"])


def test_cancel_then_re_read(
    sdk_client: Scenario, seeded_demo_catalog: list[JsonObject], frozen_clock: FrozenClock
) -> None:
    job_id = sdk_client.generate.run_model(LUMEN, body={"prompt": PROMPT}).job.job_id
    acknowledged = sdk_client.jobs.trigger_action(job_id, action="cancel")
    assert acknowledged.job.status == "canceled"
    frozen_clock.advance(60)
    assert sdk_client.jobs.retrieve(job_id).job.status == "canceled"
    with pytest.raises(BadRequestError) as raised:
        sdk_client.jobs.trigger_action(job_id, action="cancel")
    assert raised.value.body == {"reason": f"Job {job_id} cannot be canceled: it is canceled"}


def test_list_auto_paginates_newest_first(
    sdk_client: Scenario, seeded_demo_catalog: list[JsonObject], frozen_clock: FrozenClock
) -> None:
    created = []
    for _ in range(3):
        created.append(sdk_client.generate.run_model(LUMEN, body={"prompt": PROMPT}).job.job_id)
        frozen_clock.advance(1)
    listed = sdk_client.jobs.list(page_size=2)
    assert [job.job_id for job in listed] == created[::-1]
    assert [job.job_id for job in sdk_client.jobs.list(status="queued")] == [created[2]]


def test_upload_then_use_the_asset(
    sdk_client: Scenario, seeded_demo_catalog: list[JsonObject]
) -> None:
    uploaded = sdk_client.assets.upload(
        name="ref.png", image=base64.b64encode(png_bytes()).decode()
    ).asset
    assert (uploaded.kind, uploaded.status, uploaded.properties.width) == ("image", "success", 8)
    body = {"prompt": PROMPT, "image": uploaded.id}
    assert sdk_client.generate.run_model(LUMEN, body=body, dry_run="true").creative_units_cost
    with pytest.raises(BadRequestError):
        sdk_client.assets.upload(name="bad.png", image="not base64!")
