"""Small model definitions for the form engine, built from dicts shaped like real records."""

from __future__ import annotations

from typing import Any

from scenario_ui.forms.fields import Field, field_for
from scenario_ui.schema import ModelDefinition, parse_definition


def make_definition(
    inputs: list[dict[str, Any]], ui_config: dict[str, Any] | None = None
) -> ModelDefinition:
    """A model with these inputs (and uiConfig); fails the test if a dict has an error.

    Warnings (an unknown input type) are allowed: the forms must cope with them.
    """
    data: dict[str, Any] = {"id": "model_test", "name": "Test model", "inputs": inputs}
    if ui_config is not None:
        data["uiConfig"] = ui_config
    definition = parse_definition(data)
    errors = [problem for problem in definition.problems if problem.severity == "error"]
    assert errors == []
    return definition


def make_field(spec: dict[str, Any], *, name: str | None = None) -> Field:
    """The field of one input given as a dict (`name` defaults to "value")."""
    definition = make_definition([{"name": "value", "label": "Value", **spec}])
    return field_for(definition.inputs[0], name=name)


# An image model shaped like real records: a resolution picker with a label-only
# preset, index-aligned LoRAs, and two preset groups.
IMAGE_INPUTS: list[dict[str, Any]] = [
    {"name": "prompt", "type": "string", "label": "Prompt", "required": {"always": True}},
    {"name": "width", "type": "number", "label": "Width", "min": 128, "max": 2048, "step": 16},
    {"name": "height", "type": "number", "label": "Height", "min": 128, "max": 2048, "step": 16},
    {"name": "loras", "type": "model_array", "label": "LoRAs", "maxLength": 6},
    {
        "name": "lorasScale",
        "type": "number_array",
        "label": "LoRA scales",
        "min": 0,
        "max": 2,
        "step": 0.05,
    },
    {"name": "numInferenceSteps", "type": "number", "min": 1, "max": 50, "step": 1},
    {"name": "guidance", "type": "number", "min": 0, "max": 10, "step": 0.1},
    {"name": "scheduler", "type": "string", "allowedValues": ["euler", "ddim"]},
]
IMAGE_UI_CONFIG: dict[str, Any] = {
    "resolutionComponent": {
        "label": "Dimensions",
        "widthInput": "width",
        "heightInput": "height",
        "presets": [
            {"label": "Auto (match input)"},
            {"label": "1:1 (1024x1024)", "width": 1024, "height": 1024},
            {"label": "16:9 (1344x768)", "width": 1344, "height": 768},
        ],
    },
    "lorasComponent": {"label": "LoRAs", "modelInput": "loras", "scaleInput": "lorasScale"},
    "presets": [
        {
            "fields": ["numInferenceSteps", "guidance"],
            "presets": {
                "Fast": {"numInferenceSteps": 8, "guidance": 1.5},
                "Quality": {"numInferenceSteps": 40, "guidance": 3.5},
                "Guided": {"guidance": 7, "scheduler": "ddim"},
                "Reset": {"numInferenceSteps": None, "guidance": 0.3},
            },
        },
        {"fields": ["scheduler", "sampler"], "presets": {"Classic": {"scheduler": "ddim"}}},
    ],
}


def image_definition(**ui_overrides: Any) -> ModelDefinition:
    """IMAGE_INPUTS with IMAGE_UI_CONFIG (keys given here replace or, with None, drop keys)."""
    ui_config = {**IMAGE_UI_CONFIG, **ui_overrides}
    return make_definition(
        IMAGE_INPUTS, {key: value for key, value in ui_config.items() if value is not None}
    )
