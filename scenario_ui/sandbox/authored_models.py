"""Models made through the API: `POST /models`, `PUT /models/{id}`, `DELETE /models/{id}`.

The real API creates a model from its metadata (name, type, description); the form
of a custom model (`inputs`, `uiConfig`) is Scenario's to set. The sandbox also takes
`inputs`, `uiConfig` and `capabilities` in these bodies, so a model author's draft can
run as a temporary model, in the sandbox only.
"""

from __future__ import annotations

from typing import Any, Final

from django.db import transaction

from scenario_ui.sandbox import clock
from scenario_ui.sandbox.api.errors import SandboxApiError
from scenario_ui.sandbox.api.records import find_model_record
from scenario_ui.sandbox.identity import SANDBOX_OWNER_ID, SANDBOX_USER_ID
from scenario_ui.sandbox.json_types import JsonObject, JsonValue
from scenario_ui.sandbox.models import SandboxModel, new_identifier
from scenario_ui.sandbox.vocabulary import MODEL_CAPABILITIES, MODEL_TYPES

DEFAULT_NAME: Final = "Untitled model"
DEFAULT_TYPE: Final = "custom"
# What the API reference documents for both create and update.
TEXT_FIELDS: Final = ("name", "shortDescription")
# The sandbox's addition, for drafts: how the model's form looks and what it makes.
DEFINITION_FIELDS: Final = ("inputs", "uiConfig", "capabilities")


def create_model(body: JsonObject) -> JsonObject:
    """A new private model with status "new", owned by the sandbox's user."""
    now = clock.iso_timestamp(clock.now())
    model_type = _model_type(body.get("type", DEFAULT_TYPE))
    record: JsonObject = {
        "id": new_identifier("model"),
        "name": DEFAULT_NAME,
        "shortDescription": "",
        "type": model_type,
        "privacy": "private",
        "status": "new",
        "capabilities": [],
        "source": "other",
        "tags": [],
        "collectionIds": [],
        "exampleAssetIds": [],
        "trainingImagesNumber": 0,
        "parameters": {},
        "custom": model_type == DEFAULT_TYPE,
        "userId": SANDBOX_USER_ID,
        "authorId": SANDBOX_USER_ID,
        "ownerId": SANDBOX_OWNER_ID,
        "createdAt": now,
        "updatedAt": now,
        **_changes(body),
    }
    SandboxModel.from_record(record).save(force_insert=True)
    return record


def update_model(model_id: str, body: JsonObject) -> JsonObject:
    with transaction.atomic():
        record = find_model_record(model_id)
        changes = _changes(body)
        if "type" in body:
            model_type = _model_type(body["type"])
            if model_type != record.get("type") and record.get("status") != "new":
                raise SandboxApiError(
                    400,
                    f"The type of model {model_id} cannot change: it has status "
                    f'"{record.get("status")}", and only a "new" model\'s type can',
                )
            changes.update(type=model_type, custom=model_type == DEFAULT_TYPE)
        updated = {**record, **changes, "updatedAt": clock.iso_timestamp(clock.now())}
        SandboxModel.from_record(updated).save(force_update=True)
    return updated


def delete_model(model_id: str) -> None:
    deleted, _ = SandboxModel.objects.filter(pk=model_id).delete()
    if not deleted:
        raise SandboxApiError(404, f"Model {model_id} not found")


def _changes(body: JsonObject) -> JsonObject:
    changes: JsonObject = {}
    for key in TEXT_FIELDS:
        if key in body:
            changes[key] = _text(body[key], key)
    if "inputs" in body:
        changes["inputs"] = _typed(body["inputs"], list, "inputs", "an array of inputs")
    if "uiConfig" in body:
        changes["uiConfig"] = _typed(body["uiConfig"], dict, "uiConfig", "an object")
    if "capabilities" in body:
        changes["capabilities"] = _capabilities(body["capabilities"])
    return changes


def _model_type(value: Any) -> str:
    if value not in MODEL_TYPES:
        raise SandboxApiError(
            400, f"Invalid type {_shown(value)}; expected one of: {', '.join(MODEL_TYPES)}"
        )
    return str(value)


def _text(value: Any, key: str) -> str:
    if not isinstance(value, str) or (key == "name" and not value.strip()):
        raise SandboxApiError(400, f"Invalid {key}; expected a non-empty string")
    return value


def _typed(value: Any, kind: type, key: str, expected: str) -> Any:
    if not isinstance(value, kind):
        raise SandboxApiError(400, f"Invalid {key}; expected {expected}")
    return value


def _capabilities(value: Any) -> list[JsonValue]:
    if not isinstance(value, list) or not all(item in MODEL_CAPABILITIES for item in value):
        raise SandboxApiError(
            400,
            "Invalid capabilities; expected an array of: " + ", ".join(MODEL_CAPABILITIES),
        )
    return [str(item) for item in value]


def _shown(value: Any) -> str:
    return f'"{value}"' if isinstance(value, str) else repr(value)
