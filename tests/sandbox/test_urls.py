from __future__ import annotations

from django.urls import resolve, reverse

from scenario_ui.sandbox import views


def test_the_project_mounts_the_api_under_sandbox_v1() -> None:
    assert reverse("sandbox:models-list") == "/sandbox/v1/models"
    assert reverse("sandbox:models-get-bulk") == "/sandbox/v1/models/get-bulk"
    assert reverse("sandbox:model-detail", args=["model_a"]) == "/sandbox/v1/models/model_a"


def test_get_bulk_is_not_mistaken_for_a_model_id() -> None:
    assert resolve("/sandbox/v1/models/get-bulk").func is views.get_models_in_bulk
    assert resolve("/sandbox/v1/models/model_a").func is views.retrieve_model


def test_everything_else_under_the_api_root_resolves_to_the_json_404() -> None:
    assert resolve("/sandbox/v1/models/model_a/train").func is views.route_not_found
    assert resolve("/sandbox/v1/").func is views.route_not_found
