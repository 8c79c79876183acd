"""Small model records for tests that need precise data rather than the demo catalog."""

from __future__ import annotations

import base64
import io

from PIL import Image

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


def png_bytes(width: int = 8, height: int = 6) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (200, 40, 40)).save(buffer, format="PNG")
    return buffer.getvalue()


def data_url(content: bytes, mime_type: str = "image/png") -> str:
    return f"data:{mime_type};base64,{base64.b64encode(content).decode('ascii')}"


def lora_record(model_id: str, model_type: str = "flux.1-lora") -> JsonObject:
    return model_record(model_id, type=model_type, inputs=[], capabilities=["txt2img"])


def generator_record(model_id: str = "model_generator", **fields: JsonValue) -> JsonObject:
    """A custom image model with one input of each kind the sandbox checks or prices."""
    inputs: list[JsonValue] = [
        {
            "name": "prompt",
            "type": "string",
            "prompt": True,
            "maxLength": 200,
            "required": {"always": True},
            "costImpact": False,
        },
        {"name": "negativePrompt", "type": "string", "prompt": True, "costImpact": False},
        {
            "name": "loras",
            "type": "model_array",
            "modelTypes": ["flux.1-lora", "flux.1-composition"],
            "maxLength": 2,
            "costImpact": False,
        },
        {"name": "lorasScale", "type": "number_array", "min": 0, "max": 2, "costImpact": False},
        {"name": "image", "type": "file", "kind": "image", "costImpact": False},
        {
            "name": "keyframes",
            "type": "inputs_array",
            "inputs": [{"name": "frame", "type": "file", "kind": "image"}],
            "costImpact": False,
        },
        {
            "name": "quality",
            "type": "string",
            "allowedValues": ["draft", "standard", "high"],
            "default": "standard",
            "costImpact": True,
        },
        {
            "name": "numOutputs",
            "type": "number",
            "min": 1,
            "max": 4,
            "default": 1,
            "costImpact": True,
        },
        {"name": "width", "type": "number", "min": 64, "max": 2048, "costImpact": False},
        {"name": "height", "type": "number", "min": 64, "max": 2048, "costImpact": False},
    ]
    ui_config: JsonObject = {
        "lorasComponent": {"label": "LoRAs", "modelInput": "loras", "scaleInput": "lorasScale"}
    }
    return model_record(model_id, inputs=inputs, uiConfig=ui_config, **fields)


def store_generator_and_loras() -> None:
    """The generator, two Flux LoRAs, a Flux 2 LoRA and a non-custom model."""
    store(
        generator_record(),
        lora_record("model_lora_a"),
        lora_record("model_lora_b"),
        lora_record("model_flux2_lora", "flux.2-dev-lora"),
    )


def trainable_record(
    model_id: str = "model_trainee", model_type: str = "flux.1-lora", **fields: JsonValue
) -> JsonObject:
    """A model of `model_type` that can be trained: new, with 10 training images."""
    record = model_record(
        model_id,
        type=model_type,
        privacy="private",
        status="new",
        source="scenario",
        custom=False,
        collectionIds=[],
        exampleAssetIds=[],
        trainingImagesNumber=10,
        trainingProgress={},
        parameters={},
        inputs=[],
    )
    record.update(fields)
    return record
