from __future__ import annotations

from scenario_ui.sandbox.outputs.drawing import Subject

SUBJECT = Subject(
    model_name="Lumen XL",
    prompt="a lighthouse on a basalt cliff at dawn, volumetric fog, 35mm photo " * 3,
    parameters=["numOutputs: 2", "quality: high"],
    seed=bytes(range(32)),
)
