from __future__ import annotations

from django.urls import resolve, reverse

from scenario_ui.sandbox import views


def test_the_project_mounts_the_api_under_sandbox_v1() -> None:
    assert reverse("sandbox:models-list") == "/sandbox/v1/models"
    assert reverse("sandbox:models-get-bulk") == "/sandbox/v1/models/get-bulk"
    assert reverse("sandbox:model-detail", args=["model_a"]) == "/sandbox/v1/models/model_a"


def test_get_bulk_is_not_mistaken_for_a_model_id() -> None:
    assert resolve("/sandbox/v1/models/get-bulk").func is views.get_models_in_bulk
    assert resolve("/sandbox/v1/models/model_a").func is views.model_detail


def test_everything_else_under_the_api_root_resolves_to_the_json_404() -> None:
    assert resolve("/sandbox/v1/models/model_a/epochs").func is views.route_not_found
    assert resolve("/sandbox/v1/").func is views.route_not_found


def test_generation_job_and_asset_routes() -> None:
    assert reverse("sandbox:generate-custom", args=["model_a"]) == (
        "/sandbox/v1/generate/custom/model_a"
    )
    assert reverse("sandbox:jobs-list") == "/sandbox/v1/jobs"
    assert reverse("sandbox:job-detail", args=["job_a"]) == "/sandbox/v1/jobs/job_a"
    assert reverse("sandbox:job-action", args=["job_a"]) == "/sandbox/v1/jobs/job_a/action"
    assert reverse("sandbox:assets-upload") == "/sandbox/v1/assets"
    assert reverse("sandbox:assets-get-bulk") == "/sandbox/v1/assets/get-bulk"
    assert reverse("sandbox:asset-detail", args=["asset_a"]) == "/sandbox/v1/assets/asset_a"
    assert reverse("sandbox:asset-content", args=["asset_a"]) == (
        "/sandbox/v1/assets/asset_a/content"
    )


def test_asset_get_bulk_is_not_mistaken_for_an_asset_id() -> None:
    assert resolve("/sandbox/v1/assets/get-bulk").func is views.get_assets_in_bulk
    assert resolve("/sandbox/v1/assets/asset_a").func is views.retrieve_asset


def test_training_routes() -> None:
    assert reverse("sandbox:model-train", args=["model_a"]) == "/sandbox/v1/models/model_a/train"
    assert reverse("sandbox:model-train-action", args=["model_a"]) == (
        "/sandbox/v1/models/model_a/train/action"
    )
    assert resolve("/sandbox/v1/models/model_a/train").func is views.train_model
