from __future__ import annotations

import json
from dataclasses import dataclass

from scenario_ui.scenario import gateway
from scenario_ui.schema import ModelDefinition, parse_definition


@dataclass(frozen=True)
class ModelDetail:
    definition: ModelDefinition
    raw_json: str


def load_model_detail(model_id: str) -> ModelDetail:
    definition = parse_definition(gateway.retrieve_model(model_id))
    return ModelDetail(definition=definition, raw_json=json.dumps(definition.raw, indent=2))
