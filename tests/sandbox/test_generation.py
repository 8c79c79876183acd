from __future__ import annotations

from typing import Any

import pytest

from scenario_ui.sandbox.api.errors import SandboxApiError
from scenario_ui.sandbox.assets import store_asset
from scenario_ui.sandbox.files import FileContent
from scenario_ui.sandbox.generation import accept_submission, check_dry_run, custom_model
from scenario_ui.sandbox.models import SandboxAsset
from scenario_ui.schema import ModelDefinition
from tests.sandbox.factories import data_url, png_bytes, store_generator_and_loras

pytestmark = pytest.mark.django_db

PROMPT = "a small wooden cabin in a snowy forest"


@pytest.fixture
def generator() -> ModelDefinition:
    store_generator_and_loras()
    return custom_model("model_generator")


def refusal(check: Any, definition: ModelDefinition, body: dict[str, Any]) -> tuple[int, str]:
    with pytest.raises(SandboxApiError) as raised:
        check(definition, body)
    return raised.value.status, raised.value.reason


def stored_asset_id() -> str:
    file = FileContent(kind="image", mime_type="image/png", name="a.png", content=png_bytes())
    return store_asset(file, source="uploaded").id


def test_only_existing_custom_models_run() -> None:
    store_generator_and_loras()
    assert custom_model("model_generator").id == "model_generator"
    with pytest.raises(SandboxApiError) as missing:
        custom_model("model_missing")
    assert (missing.value.status, missing.value.reason) == (404, "Model model_missing not found")
    with pytest.raises(SandboxApiError) as lora:
        custom_model("model_lora_a")
    assert (lora.value.status, lora.value.reason) == (
        400,
        "Custom models only are supported for this endpoint",
    )


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (
            {"prompt": PROMPT, "loras": ["model_lora_a"], "lorasScale": [3.0]},
            "Input lorasScale must be at most 2",
        ),
        (
            {"prompt": PROMPT, "loras": ["model_lora_a"] * 3, "lorasScale": [0.5] * 3},
            "Input loras must be at most 2 items long",
        ),
        (
            {"prompt": PROMPT, "loras": ["model_flux2_lora"], "lorasScale": [0.8]},
            "Invalid model(s): model_flux2_lora.\n"
            "Allowed model types: flux.1-lora, flux.1-composition",
        ),
    ],
)
def test_the_dry_run_refuses_what_the_real_one_refuses(
    generator: ModelDefinition, body: dict[str, Any], reason: str
) -> None:
    assert refusal(check_dry_run, generator, body) == (400, reason)


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        ({"prompt": PROMPT, "loras": ["model_missing"]}, "Model model_missing not found"),
        ({"prompt": PROMPT, "image": "asset_missing"}, "Asset asset_missing not found"),
        ({"keyframes": [{"frame": "asset_gone"}]}, "Asset asset_gone not found"),
    ],
)
def test_the_dry_run_refuses_unknown_references(
    generator: ModelDefinition, body: dict[str, Any], reason: str
) -> None:
    assert refusal(check_dry_run, generator, body) == (404, reason)


@pytest.mark.parametrize(
    "body",
    [
        {"prompt": PROMPT, "loras": ["model_lora_a"], "lorasScale": [-0.5]},
        {"prompt": PROMPT, "loras": ["model_lora_a", "model_lora_b"], "lorasScale": [0.8]},
        {"numOutputs": "many", "unknown": True},
        {"prompt": PROMPT, "image": data_url(b"not even an image")},
    ],
)
def test_the_dry_run_prices_everything_else(
    generator: ModelDefinition, body: dict[str, Any]
) -> None:
    check_dry_run(generator, body)
    assert not SandboxAsset.objects.exists()


def test_unknown_inputs_are_named(generator: ModelDefinition) -> None:
    body = {"prompt": PROMPT, "seed": 1, "style": "x"}
    assert refusal(accept_submission, generator, body) == (400, "Unknown input(s): seed, style")


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        ({}, "Input prompt is required"),
        (
            {"prompt": PROMPT, "numOutputs": 9, "loras": ["x"] * 3},
            "Input loras must be at most 2 items long",
        ),
        (
            {"prompt": PROMPT, "lorasScale": [-1], "loras": ["model_lora_a"]},
            "Input lorasScale must be at least 0",
        ),
        (
            {"prompt": PROMPT, "quality": "ultra"},
            "Input quality must be one of: draft, standard, high",
        ),
    ],
)
def test_a_submission_is_refused_at_its_first_issue(
    generator: ModelDefinition, body: dict[str, Any], reason: str
) -> None:
    assert refusal(accept_submission, generator, body) == (400, reason)


def test_a_submission_checks_models_then_files(generator: ModelDefinition) -> None:
    body = {"prompt": PROMPT, "loras": ["model_missing"], "image": "asset_missing"}
    assert refusal(accept_submission, generator, body) == (404, "Model model_missing not found")
    del body["loras"]
    assert refusal(accept_submission, generator, body) == (404, "Asset asset_missing not found")


def test_data_urls_become_assets_and_the_input_names_them(generator: ModelDefinition) -> None:
    known = stored_asset_id()
    body: dict[str, Any] = {
        "prompt": PROMPT,
        "image": data_url(png_bytes(4, 4)),
        "keyframes": [{"frame": known}, {"frame": data_url(png_bytes(2, 2))}],
    }
    accepted: Any = accept_submission(generator, body)
    image = SandboxAsset.objects.get(pk=accepted["image"])
    frame = SandboxAsset.objects.get(pk=accepted["keyframes"][1]["frame"])
    assert (image.name, image.source, image.properties) == (
        "image.png",
        "uploaded",
        {"width": 4, "height": 4},
    )
    assert frame.name == "frame.png"
    assert accepted["keyframes"][0] == {"frame": known}
    assert body["image"].startswith("data:image/png;base64,")


def test_nothing_is_stored_when_a_later_check_fails(generator: ModelDefinition) -> None:
    body = {
        "prompt": PROMPT,
        "image": data_url(png_bytes()),
        "keyframes": [{"frame": "asset_missing"}],
    }
    assert refusal(accept_submission, generator, body) == (404, "Asset asset_missing not found")
    assert not SandboxAsset.objects.exists()


def test_an_image_data_url_that_is_no_image_is_refused(generator: ModelDefinition) -> None:
    body = {"prompt": PROMPT, "image": data_url(b"plain text")}
    assert refusal(accept_submission, generator, body) == (
        400,
        "image.png is not an image; expected one of: PNG, JPEG, GIF, WEBP",
    )
