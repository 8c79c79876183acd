"""`POST /generate/custom/{modelId}` over HTTP, dry run and submission."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from tests.sandbox.conftest import FrozenClock
from tests.sandbox.factories import data_url, png_bytes, store_generator_and_loras
from tests.sandbox.http import answer, post

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.sandbox.urls")]

PROMPT = "a small wooden cabin in a snowy forest"


@pytest.fixture(autouse=True)
def _models(frozen_clock: FrozenClock, ten_second_jobs: float) -> None:
    store_generator_and_loras()


def dry_run(client: Client, body: dict[str, Any], model_id: str = "model_generator") -> Any:
    return post(client, f"/generate/custom/{model_id}?dryRun=true", body)


def test_a_dry_run_answers_269_with_the_cost(client: Client) -> None:
    assert answer(dry_run(client, {"prompt": PROMPT})) == (
        269,
        {
            "creativeUnitsCost": 7.75,
            "creativeUnitsDiscount": 0,
            "costDetails": {"custom-generation": 6.0, "quality-gate": 1.75},
        },
    )


def test_the_cost_grows_with_num_outputs(client: Client) -> None:
    costs = [
        dry_run(client, {"prompt": PROMPT, "numOutputs": count}).json()["creativeUnitsCost"]
        for count in (1, 2, 4)
    ]
    assert costs == [7.75, 15.5, 31.0]


@pytest.mark.parametrize(
    ("model_id", "body", "status", "reason"),
    [
        ("model_missing", {}, 404, "Model model_missing not found"),
        ("model_lora_a", {}, 400, "Custom models only are supported for this endpoint"),
        (
            "model_generator",
            {"prompt": PROMPT, "loras": ["model_lora_a"], "lorasScale": [3]},
            400,
            "Input lorasScale must be at most 2",
        ),
        (
            "model_generator",
            {"prompt": PROMPT, "loras": ["model_lora_a"] * 3},
            400,
            "Input loras must be at most 2 items long",
        ),
        (
            "model_generator",
            {"loras": ["model_flux2_lora"]},
            400,
            "Invalid model(s): model_flux2_lora.\n"
            "Allowed model types: flux.1-lora, flux.1-composition",
        ),
        ("model_generator", {"loras": ["model_gone"]}, 404, "Model model_gone not found"),
        ("model_generator", {"image": "asset_gone"}, 404, "Asset asset_gone not found"),
    ],
)
def test_dry_run_refusals(
    client: Client, model_id: str, body: dict[str, Any], status: int, reason: str
) -> None:
    assert answer(dry_run(client, body, model_id)) == (status, {"reason": reason})


def test_a_dry_run_prices_a_scale_below_its_minimum(client: Client) -> None:
    body = {"prompt": PROMPT, "loras": ["model_lora_a"], "lorasScale": [-0.5]}
    assert dry_run(client, body).status_code == 269


def test_a_submission_answers_the_queued_job_and_its_cost(client: Client) -> None:
    status, document = answer(post(client, "/generate/custom/model_generator", {"prompt": PROMPT}))
    assert status == 200
    assert set(document) == {"job", "creativeUnitsCost", "creativeUnitsDiscount", "costDetails"}
    assert document["creativeUnitsCost"] == 7.75
    job = document["job"]
    assert (job["status"], job["progress"], job["jobType"]) == ("queued", 0, "custom")
    assert job["metadata"]["input"] == {"prompt": PROMPT}


@pytest.mark.parametrize(
    ("body", "status", "reason"),
    [
        ({"prompt": PROMPT, "style": "x", "seed": 1}, 400, "Unknown input(s): style, seed"),
        ({"numOutputs": 2}, 400, "Input prompt is required"),
        ({"prompt": PROMPT, "numOutputs": 5}, 400, "Input numOutputs must be at most 4"),
        ({"prompt": PROMPT, "image": "asset_gone"}, 404, "Asset asset_gone not found"),
    ],
)
def test_submission_refusals(
    client: Client, body: dict[str, Any], status: int, reason: str
) -> None:
    response = post(client, "/generate/custom/model_generator", body)
    assert answer(response) == (status, {"reason": reason})


def test_a_data_url_input_is_stored_as_an_asset(client: Client) -> None:
    body = {"prompt": PROMPT, "image": data_url(png_bytes())}
    job = post(client, "/generate/custom/model_generator", body).json()["job"]
    assert job["metadata"]["input"]["image"].startswith("asset_")


def test_a_body_that_is_not_an_object_is_400(client: Client) -> None:
    response = post(client, "/generate/custom/model_generator", ["prompt"])
    assert answer(response) == (
        400,
        {"reason": "Invalid body; expected a JSON object with the model's inputs"},
    )
