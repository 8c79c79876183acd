"""The official SDK against the sandbox, in-process: the contract the app relies on."""

from __future__ import annotations

import math

import pytest
from scenario_sdk import AuthenticationError, BadRequestError, NotFoundError, Scenario, omit

from scenario_ui.sandbox.json_types import JsonObject

pytestmark = pytest.mark.urls("tests.sandbox.urls")


def ids_newest_first(catalog: list[JsonObject], **where: str) -> list[str]:
    matching = [r for r in catalog if all(r[key] == value for key, value in where.items())]
    newest_first = sorted(matching, key=lambda r: (str(r["createdAt"]), str(r["id"])), reverse=True)
    return [str(record["id"]) for record in newest_first]


def test_list_auto_paginates_over_every_public_model(
    sdk_client: Scenario, seeded_demo_catalog: list[JsonObject]
) -> None:
    expected = ids_newest_first(seeded_demo_catalog, privacy="public")
    first_page = sdk_client.models.list(privacy="public", page_size=4)

    assert [model.id for model in first_page] == expected
    assert len(list(first_page.iter_pages())) == math.ceil(len(expected) / 4)


def test_list_defaults_to_my_private_models(
    sdk_client: Scenario, seeded_demo_catalog: list[JsonObject]
) -> None:
    listed = [model.id for model in sdk_client.models.list()]
    assert listed == ids_newest_first(seeded_demo_catalog, privacy="private")


def test_list_filters_by_type_types_and_status(
    sdk_client: Scenario, seeded_demo_catalog: list[JsonObject]
) -> None:
    loras = sdk_client.models.list(privacy="public", type="flux.1-lora")
    assert {model.id for model in loras} == set(
        ids_newest_first(seeded_demo_catalog, privacy="public", type="flux.1-lora")
    )
    pickable = sdk_client.models.list(privacy="public", types=["flux.1-lora", "flux.1-composition"])
    assert {model.type for model in pickable} == {"flux.1-lora", "flux.1-composition"}
    failed = sdk_client.models.list(status="failed")
    assert [model.id for model in failed] == ids_newest_first(
        seeded_demo_catalog, privacy="private", status="failed"
    )


def test_list_rows_carry_no_inputs_or_ui_config(
    sdk_client: Scenario, seeded_demo_catalog: list[JsonObject]
) -> None:
    for model in sdk_client.models.list(privacy="public", type="custom"):
        assert model.to_dict().keys().isdisjoint({"inputs", "uiConfig"})


def test_last_page_has_no_token(
    sdk_client: Scenario, seeded_demo_catalog: list[JsonObject]
) -> None:
    raw = sdk_client.models.with_raw_response.list(privacy="private", page_size=500)
    assert raw.status_code == 200
    assert "nextPaginationToken" not in raw.http_response.json()


def test_retrieve_has_inputs_and_ui_config(
    sdk_client: Scenario, seeded_demo_catalog: list[JsonObject]
) -> None:
    model = sdk_client.models.retrieve("model_demo-lumen-xl").model
    assert model.inputs is not None
    assert model.inputs[0].name == "modelId"
    assert model.ui_config is not None
    assert model.ui_config.loras_component is not None
    assert model.ui_config.loras_component.api_model_id_input == "modelId"
    [record] = [r for r in seeded_demo_catalog if r["id"] == "model_demo-lumen-xl"]
    assert model.to_dict() == record


def test_get_bulk_answers_rows_in_the_requested_order(
    sdk_client: Scenario, seeded_demo_catalog: list[JsonObject]
) -> None:
    requested = ["model_demo-lora-neon-alley", "model_demo-missing", "model_demo-halo-edit"]
    models = sdk_client.models.get_bulk(model_ids=requested).models
    assert [model.id for model in models] == ["model_demo-lora-neon-alley", "model_demo-halo-edit"]
    assert models[1].inputs is None


def test_unknown_model_raises_not_found(sdk_client: Scenario) -> None:
    with pytest.raises(NotFoundError) as raised:
        sdk_client.models.retrieve("model_demo-missing")
    assert raised.value.status_code == 404
    assert raised.value.body == {"reason": "Model model_demo-missing not found"}


def test_invalid_parameters_raise_bad_request(sdk_client: Scenario) -> None:
    with pytest.raises(BadRequestError) as raised:
        sdk_client.models.list(pagination_token="not-a-token")
    assert raised.value.status_code == 400


def test_missing_credentials_raise_authentication_error(sdk_client: Scenario) -> None:
    with pytest.raises(AuthenticationError) as raised:
        sdk_client.models.list(extra_headers={"Authorization": omit})
    assert raised.value.status_code == 401
