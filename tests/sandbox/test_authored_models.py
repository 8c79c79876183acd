"""`POST /models`, `PUT /models/{id}` and `DELETE /models/{id}`, through the official SDK.

The sandbox's addition (a definition's `inputs`, `uiConfig` and `capabilities` in the
body) travels as the SDK's `extra_body`, the way the studio's test runs send it.
"""

from __future__ import annotations

import pytest
from scenario_sdk import BadRequestError, NotFoundError, Scenario
from scenario_sdk.types import ModelCreateResponse

from scenario_ui.sandbox.models import SandboxModel
from tests.sandbox.sdk_shapes import shape_problems

pytestmark = pytest.mark.urls("tests.sandbox.urls")

INPUTS = [{"name": "prompt", "type": "string", "required": {"always": True}}]


def test_create_makes_a_new_private_model_with_the_definition(sdk_client: Scenario) -> None:
    created = sdk_client.models.create(
        name="Draft: Lumen XL",
        type="custom",
        extra_body={"inputs": INPUTS, "uiConfig": {"selects": {}}, "capabilities": ["txt2img"]},
    )

    model = sdk_client.models.retrieve(created.model.id).model
    assert model.id.startswith("model_")
    assert (model.name, model.type, model.privacy, model.status) == (
        "Draft: Lumen XL",
        "custom",
        "private",
        "new",
    )
    assert model.to_dict()["inputs"] == INPUTS
    assert model.capabilities == ["txt2img"]
    assert shape_problems(ModelCreateResponse, created.to_dict()) == []


def test_create_without_a_body_makes_an_untitled_custom_model(sdk_client: Scenario) -> None:
    model = sdk_client.models.create().model

    assert (model.name, model.type) == ("Untitled model", "custom")
    assert SandboxModel.objects.filter(pk=model.id).exists()


def test_update_replaces_the_definition_and_moves_updated_at(sdk_client: Scenario) -> None:
    model_id = sdk_client.models.create(name="Draft", extra_body={"inputs": INPUTS}).model.id
    new_inputs = [*INPUTS, {"name": "seed", "type": "number"}]

    updated = sdk_client.models.update(
        model_id, short_description="Two inputs", extra_body={"inputs": new_inputs}
    ).model

    assert updated.to_dict()["inputs"] == new_inputs
    assert updated.short_description == "Two inputs"
    assert sdk_client.models.retrieve(model_id).model.to_dict()["inputs"] == new_inputs


def test_the_type_of_a_model_that_is_not_new_cannot_change(sdk_client: Scenario) -> None:
    model_id = sdk_client.models.create().model.id
    record = SandboxModel.objects.get(pk=model_id).record
    SandboxModel.objects.filter(pk=model_id).update(record={**record, "status": "trained"})

    with pytest.raises(BadRequestError, match='it has status "trained", and only a "new"'):
        sdk_client.models.update(model_id, type="flux.1-lora")


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        ({"type": "vae"}, 'Invalid type "vae"; expected one of: custom, '),
        ({"name": " "}, "Invalid name; expected a non-empty string"),
        ({"inputs": {}}, "Invalid inputs; expected an array of inputs"),
        ({"uiConfig": []}, "Invalid uiConfig; expected an object"),
        ({"capabilities": ["txt2img", "dance"]}, "Invalid capabilities; expected an array of: "),
    ],
)
def test_invalid_fields_are_refused_with_the_options(
    sdk_client: Scenario, body: dict[str, object], reason: str
) -> None:
    with pytest.raises(BadRequestError) as raised:
        sdk_client.models.create(extra_body=body)

    assert raised.value.body["reason"].startswith(reason)  # type: ignore[index]
    assert not SandboxModel.objects.exists()


def test_delete_removes_the_model_and_a_second_delete_is_404(sdk_client: Scenario) -> None:
    model_id = sdk_client.models.create().model.id

    sdk_client.models.delete(model_id)

    assert not SandboxModel.objects.filter(pk=model_id).exists()
    with pytest.raises(NotFoundError, match=f"Model {model_id} not found"):
        sdk_client.models.delete(model_id)


def test_updating_a_model_that_does_not_exist_is_404(sdk_client: Scenario) -> None:
    with pytest.raises(NotFoundError):
        sdk_client.models.update("model_nope", name="x")
