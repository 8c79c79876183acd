"""Small model definitions shaped like real `GET /models/{id}` answers."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.fixture
def model_object() -> dict[str, Any]:
    """A bare model object: metadata, four inputs and a uiConfig."""
    return {
        "id": "model_demo-image",
        "name": "Demo Image",
        "shortDescription": "Text to image, for tests.",
        "type": "custom",
        "privacy": "public",
        "status": "trained",
        "capabilities": ["txt2img", "img2img"],
        "tags": ["demo"],
        "trainingImagesNumber": 0,
        "trainingProgress": {},
        "parameters": {},
        "ownerId": "proj_demo",
        "inputs": [
            {
                "name": "prompt",
                "type": "string",
                "label": "Prompt",
                "description": "What to draw",
                "costImpact": False,
                "prompt": True,
                "promptSpark": True,
                "maxLength": 2048,
                "required": {"always": True},
            },
            {
                "name": "image",
                "type": "file",
                "label": "Reference Image",
                "costImpact": False,
                "kind": "image",
                "parent": True,
                "group": "Reference Image",
            },
            {
                "name": "width",
                "type": "number",
                "label": "Width",
                "costImpact": False,
                "min": 128,
                "max": 2048,
                "step": 16,
            },
            {
                "name": "height",
                "type": "number",
                "label": "Height",
                "costImpact": False,
                "min": 128,
                "max": 2048,
                "step": 16,
            },
        ],
        "uiConfig": {
            "resolutionComponent": {
                "label": "Dimensions",
                "widthInput": "width",
                "heightInput": "height",
                "presets": [
                    {"label": "Auto (match input)"},
                    {"label": "1:1 (1024x1024)", "width": 1024, "height": 1024},
                ],
            },
        },
    }


@pytest.fixture
def record(model_object: dict[str, Any]) -> dict[str, Any]:
    """The same model as `GET /models/{id}` answers it."""
    return {"model": model_object}
