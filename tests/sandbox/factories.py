"""Small model records for tests that need precise data rather than the demo catalog."""

from __future__ import annotations

import base64

from scenario_ui.sandbox.json_types import JsonObject, JsonValue
from scenario_ui.sandbox.models import SandboxModel

API_ROOT = "/sandbox/v1"
AUTH_HEADERS = {"Authorization": "Basic " + base64.b64encode(b"key:secret").decode("ascii")}


def model_record(model_id: str, **fields: JsonValue) -> JsonObject:
    record: JsonObject = {
        "id": model_id,
        "name": f"Model {model_id}",
        "shortDescription": "A model for tests.",
        "type": "custom",
        "privacy": "public",
        "capabilities": ["txt2img"],
        "status": "trained",
        "createdAt": "2026-01-01T00:00:00.000Z",
        "updatedAt": "2026-01-01T00:00:00.000Z",
        "tags": [],
        "inputs": [
            {
                "name": "prompt",
                "type": "string",
                "label": "Prompt",
                "description": "What to draw.",
                "required": {"always": True},
                "costImpact": False,
            }
        ],
        "uiConfig": {"selects": {}},
    }
    record.update(fields)
    return record


def store(*records: JsonObject) -> None:
    SandboxModel.objects.bulk_create(SandboxModel.from_record(record) for record in records)
