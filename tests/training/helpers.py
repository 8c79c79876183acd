"""Train-form definitions for tests, parsed the way the views will parse them."""

from __future__ import annotations

from typing import Any

from scenario_ui.schema import InputBase, ModelDefinition, parse_definition
from scenario_ui.training import TrainerFamily, training_definition

MODEL_ID = "model_train_me"
MODEL_NAME = "My LoRA"


def definition_object(family: TrainerFamily, images_count: int = 9) -> dict[str, Any]:
    return training_definition(
        family, model_id=MODEL_ID, model_name=MODEL_NAME, images_count=images_count
    )


def parsed(family: TrainerFamily, images_count: int = 9) -> ModelDefinition:
    return parse_definition(definition_object(family, images_count))


def parameter(family: TrainerFamily, name: str, images_count: int = 9) -> InputBase:
    spec = parsed(family, images_count).input_named(name)
    assert spec is not None, f"{family.label} has no {name}"
    return spec
