"""The Train form of a model, as an ordinary model definition.

`training_definition` gives the definition object (`inputs` + `uiConfig`) of a
trainer's parameters; `parse_definition` reads it like any model's, so the
form engine renders, validates and serializes it unchanged.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from scenario_ui.training.families import (
    ELEVENLABS_VOICE,
    FLUX_LORA,
    MUSUBI,
    SD_1_5,
    SDXL_LORA,
    TrainerFamily,
)
from scenario_ui.training.parameters_common import ParameterSet
from scenario_ui.training.parameters_flux import flux_lora_parameters, musubi_parameters
from scenario_ui.training.parameters_sd import sd15_parameters, sdxl_parameters
from scenario_ui.training.parameters_voice import elevenlabs_voice_parameters

TRAIN_BUTTON_LABEL = "Train"

_PARAMETERS_BY_FAMILY: dict[TrainerFamily, Callable[[int], ParameterSet]] = {
    SD_1_5: sd15_parameters,
    SDXL_LORA: sdxl_parameters,
    FLUX_LORA: flux_lora_parameters,
    MUSUBI: musubi_parameters,
    ELEVENLABS_VOICE: elevenlabs_voice_parameters,
}


def parameter_set(family: TrainerFamily, images_count: int) -> ParameterSet:
    """The parameters `family`'s trainer takes, defaults computed for `images_count` images."""
    return _PARAMETERS_BY_FAMILY[family](images_count)


def training_definition(
    family: TrainerFamily, *, model_id: str, model_name: str, images_count: int
) -> dict[str, Any]:
    """The definition object of the Train form of model `model_id`.

    `type` is the family's main model type: the form does not depend on which
    of the family's types the model has.
    """
    parameters = parameter_set(family, images_count)
    definition = {
        "id": model_id,
        "name": model_name,
        "type": family.primary_model_type,
        "trainingImagesNumber": images_count,
        "inputs": parameters.inputs,
        "uiConfig": {
            "inputProperties": {name: {"collapsed": True} for name in parameters.advanced},
            "selects": parameters.selects,
            "triggerGenerate": {"label": TRAIN_BUTTON_LABEL, "position": "bottom"},
        },
    }
    # The parameter dicts are shared module data: callers get their own copy to change.
    return copy.deepcopy(definition)
