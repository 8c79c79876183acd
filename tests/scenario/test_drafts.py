"""Draft test runs go to the in-process sandbox, even with real credentials configured."""

from __future__ import annotations

import pytest

from scenario_ui.scenario import client, drafts
from scenario_ui.scenario.errors import ScenarioBadRequest, ScenarioError, ScenarioNotFound

pytestmark = pytest.mark.django_db

DRAFT = drafts.DraftModel(
    name="Draft: Lumen XL",
    type="custom",
    capabilities=["txt2img", "teleport"],
    inputs=[{"name": "prompt", "type": "string", "required": {"always": True}}],
    ui_config={},
)


@pytest.fixture(autouse=True)
def live_mode(live_api_forbidden: list[str]) -> list[str]:
    return live_api_forbidden


def test_a_draft_runs_end_to_end_in_the_sandbox_in_live_mode(live_mode: list[str]) -> None:
    model_id = drafts.save_draft_model(DRAFT, model_id=None)
    estimate = drafts.estimate_draft_cost(model_id, {"prompt": "a lighthouse"})
    submitted = drafts.submit_draft_run(model_id, {"prompt": "a lighthouse"})
    job = drafts.get_draft_job(submitted.job_id)
    [asset] = drafts.get_draft_assets(job["metadata"]["assetIds"])
    content = drafts.read_draft_asset(asset["url"])

    assert estimate.creative_units >= 0
    assert job["status"] == "success"
    assert job["metadata"]["modelId"] == model_id
    assert content.mime_type == "image/png"
    assert content.content.startswith(b"\x89PNG")
    assert live_mode == []


def test_outside_a_draft_call_live_mode_still_uses_the_live_client(live_mode: list[str]) -> None:
    with pytest.raises(AssertionError, match="live API"):
        client.build_client()
    assert live_mode == ["live client"]


def test_saving_again_updates_the_same_model() -> None:
    model_id = drafts.save_draft_model(DRAFT, model_id=None)
    renamed = drafts.DraftModel(**{**DRAFT.__dict__, "name": "Draft 2", "inputs": []})

    assert drafts.save_draft_model(renamed, model_id=model_id) == model_id
    with pytest.raises(ScenarioBadRequest, match="Unknown input"):
        drafts.submit_draft_run(model_id, {"prompt": "a cat"})


def test_a_vanished_model_is_made_anew() -> None:
    assert drafts.save_draft_model(DRAFT, model_id="model_gone").startswith("model_")


def test_delete_forgets_the_model_and_tolerates_a_second_delete() -> None:
    model_id = drafts.save_draft_model(DRAFT, model_id=None)
    drafts.delete_draft_model(model_id)
    drafts.delete_draft_model(model_id)

    with pytest.raises(ScenarioNotFound):
        drafts.estimate_draft_cost(model_id, {"prompt": "a cat"})


def test_unknown_types_and_capabilities_are_left_out_of_the_body() -> None:
    body = drafts.DraftModel(**{**DRAFT.__dict__, "type": "vae"}).body()

    assert body["type"] == "custom"
    assert body["capabilities"] == ["txt2img"]


def test_only_sandbox_asset_paths_are_read() -> None:
    with pytest.raises(ScenarioError, match="Not a sandbox asset URL"):
        drafts.read_draft_asset("https://cdn.example.test/a.png")
    with pytest.raises(ScenarioNotFound):
        drafts.read_draft_asset("/sandbox/v1/assets/asset_nope/content")


def test_the_callers_urlconf_is_restored_after_an_in_process_call() -> None:
    from django.urls import reverse

    drafts.save_draft_model(DRAFT, model_id=None)

    # The nested request resolved against the sandbox's URLs alone, which lack this one.
    assert reverse("catalog:index") == "/"
