"""A large model definition for `make bench`: 200 inputs, generated, the same every time.

Real definitions have 10 to 20 inputs; this one shows how the form scales. It
uses every input type, groups, collapsed inputs, each kind of `required` rule
and both components, so no part of the form is left out of the measure.
"""

from __future__ import annotations

from typing import Any

INPUT_COUNT = 200
# Consecutive inputs share a group; every fourth run of them has none.
GROUP_SIZE = 16
ROW_INPUTS: list[dict[str, Any]] = [
    {"name": "image", "type": "file", "kind": "image", "required": {"always": True}},
    {"name": "weight", "type": "number", "min": 0, "max": 1, "step": 0.05, "default": 1},
]
NUMBER: dict[str, Any] = {"type": "number", "min": 0, "max": 100, "step": 1, "default": 50}
FRACTION: dict[str, Any] = {"type": "number", "min": 0, "max": 1, "step": 0.05, "default": 0.5}
STRING_SELECT: dict[str, Any] = {
    "type": "string",
    "allowedValues": ["low", "medium", "high"],
    "default": "medium",
}
TEXT: dict[str, Any] = {"type": "string", "maxLength": 500, "placeholder": "Describe it"}
IMAGE: dict[str, Any] = {"type": "file", "kind": "image"}
SWITCH: dict[str, Any] = {"type": "boolean", "default": False}
IMAGES: dict[str, Any] = {"type": "file_array", "kind": "image", "maxLength": 4}
NUMBER_SELECT: dict[str, Any] = {"type": "number", "allowedValues": [-1, 1, 2, 4], "default": -1}
# The generated inputs cycle through these. Counts follow how often each type
# occurs in real records (numbers and selects most, arrays least) so the figure
# predicts a real large model; arrays are still over-represented, to be safe.
TEMPLATES: tuple[dict[str, Any], ...] = (
    *(NUMBER, FRACTION) * 3,
    *(STRING_SELECT,) * 4,
    *(TEXT, IMAGE) * 3,
    *(SWITCH, IMAGES) * 2,
    NUMBER_SELECT,
    {"type": "string_array", "maxLength": 5, "default": ["alpha", "beta"]},
    {"type": "number_array", "min": 0, "max": 10, "step": 0.5, "maxLength": 3, "default": [1, 2]},
    {"type": "model", "modelTypes": ["flux.1-lora"]},
    {"type": "model_array", "modelTypes": ["flux.1-lora"], "maxLength": 3},
    {"type": "inputs_array", "maxLength": 3, "inputs": ROW_INPUTS},
)
# Inputs before the generated ones, which the components and rules refer to.
FIXED_INPUTS: list[dict[str, Any]] = [
    {"name": "prompt", "type": "string", "prompt": True, "required": {"always": True}},
    {"name": "negativePrompt", "type": "string", "prompt": True},
    {"name": "quality", "type": "string", "allowedValues": ["draft", "high"], "default": "draft"},
    {"name": "width", "type": "number", "min": 256, "max": 2048, "step": 16},
    {"name": "height", "type": "number", "min": 256, "max": 2048, "step": 16},
    {"name": "loras", "type": "model_array", "modelTypes": ["flux.1-lora"], "maxLength": 4},
    {"name": "lorasScale", "type": "number_array", "min": 0, "max": 2, "step": 0.05},
]
UI_CONFIG: dict[str, Any] = {
    "resolutionComponent": {
        "label": "Dimensions",
        "widthInput": "width",
        "heightInput": "height",
        "presets": [
            {"label": "Auto"},
            {"label": "1:1", "width": 1024, "height": 1024},
            {"label": "16:9", "width": 1344, "height": 768},
        ],
    },
    "lorasComponent": {"label": "Style", "modelInput": "loras", "scaleInput": "lorasScale"},
    "selects": {"quality": {"draft": "Draft", "high": "High quality"}},
}


def generated_definition() -> dict[str, Any]:
    """A bare model object (as in a `{"model": ...}` record) with `INPUT_COUNT` inputs."""
    generated = [_generated_input(index) for index in range(INPUT_COUNT - len(FIXED_INPUTS))]
    collapsed = {spec["name"]: {"collapsed": True} for spec in generated[::25]}
    return {
        "id": f"model_bench-{INPUT_COUNT}-inputs",
        "name": f"Bench ({INPUT_COUNT} inputs)",
        "type": "custom",
        "inputs": [*(_described(spec) for spec in FIXED_INPUTS), *generated],
        "uiConfig": {**UI_CONFIG, "inputProperties": collapsed},
    }


def _generated_input(index: int) -> dict[str, Any]:
    template = TEMPLATES[index % len(TEMPLATES)]
    spec = _described({"name": _name_of(index), **template})
    section = index // GROUP_SIZE
    if section % 4 != 3:
        spec["group"] = f"Section {section + 1}"
    if index % 8 == 5:
        spec["required"] = _rule(index)
    return spec


def _name_of(index: int) -> str:
    kind = TEMPLATES[index % len(TEMPLATES)]["type"].replace("_", "")
    return f"{kind}{index}"


def _rule(index: int) -> dict[str, Any]:
    """The four kinds of rule in turn, naming inputs that exist."""
    message = {"message": f"Needed for setting {index}."}
    kind = index // 8 % 4
    if kind == 0:
        return {"always": True}
    if kind == 1:
        return {"ifDefined": {"negativePrompt": message}}
    if kind == 2:
        return {"ifNotDefined": {_name_of(index - 1): message}}
    return {"conditional": {"values": {"quality": ["high"]}, "operator": "or"}}


def _described(spec: dict[str, Any]) -> dict[str, Any]:
    # Every real input has these; they are part of what the form renders.
    name = spec["name"]
    return {
        "label": name[:1].upper() + name[1:],
        "description": f"What {name} changes in the result.",
        "costImpact": False,
        **spec,
    }
