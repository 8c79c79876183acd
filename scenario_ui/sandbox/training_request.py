"""`PUT /models/{modelId}/train` checked the way the app checks its Train form.

The checks, in order; each refusal is a 400 unless said otherwise:

1. the model exists (404 `Model <id> not found`);
2. its type has a trainer (`scenario_ui.training.not_trainable_message`);
3. its status is new, failed or training-canceled;
4. it has training images (a dry run of a model without any may simulate them with
   the `trainingImagesCount` query parameter);
5. every parameter of the body is one of its trainer's;
6. the parameters pass the form engine's checks and the trainer's cross-field rules
   (`evaluate_training`); the first issue is the answer.

The body's parameters override the model's stored `parameters` (those its trainer takes):
the merged set is what is checked, priced and trained.
"""

from __future__ import annotations

from typing import Final

from django.http import QueryDict

from scenario_ui.forms import values_from_json
from scenario_ui.sandbox.api.errors import SandboxApiError
from scenario_ui.sandbox.api.records import find_model_record
from scenario_ui.sandbox.json_types import JsonObject
from scenario_ui.sandbox.lifecycle import prompt_asks_to_fail
from scenario_ui.sandbox.training_cost import training_cost
from scenario_ui.sandbox.training_order import (
    TrainingOrder,
    failure_parameter,
    refuse_untrainable_status,
)
from scenario_ui.schema import ModelDefinition, parse_definition
from scenario_ui.training import (
    TrainerFamily,
    evaluate_training,
    family_for,
    not_trainable_message,
    training_definition,
)

IMAGES_COUNT_PARAM: Final = "trainingImagesCount"


def check_training(
    model_id: str, body_parameters: object, *, simulated_images: int | None
) -> TrainingOrder:
    """The order for a trigger; `simulated_images` is the dry run's `trainingImagesCount`."""
    model = parse_definition(find_model_record(model_id))
    family = family_for(model.type)
    if family is None:
        raise SandboxApiError(400, not_trainable_message(model.type))
    refuse_untrainable_status(model_id, model.status)
    images_count = model.training_images_number or simulated_images or 0
    if images_count <= 0:
        raise SandboxApiError(400, f"Model {model_id} has no training images")
    if not isinstance(body_parameters, dict):
        raise SandboxApiError(400, "Invalid parameters; expected a JSON object")
    definition = parse_definition(
        training_definition(
            family, model_id=model_id, model_name=model.name, images_count=images_count
        )
    )
    _refuse_unknown_parameters(family, definition, list(body_parameters))
    parameters = {**_stored_parameters(model, definition), **body_parameters}
    state = evaluate_training(definition, values_from_json(definition, parameters))
    issues = state.all_issues()
    if issues:
        raise SandboxApiError(400, issues[0].api_message)
    prompt = parameters.get(failure_parameter(family))
    return TrainingOrder(
        model_id=model_id,
        family=family,
        parameters=parameters,
        cost=training_cost(family, definition, state.values.values, images_count),
        fails=isinstance(prompt, str) and prompt_asks_to_fail(prompt),
    )


def simulated_images_count(params: QueryDict) -> int | None:
    """The dry run's `trainingImagesCount`; None when absent."""
    text = params.get(IMAGES_COUNT_PARAM)
    if not text:
        return None
    if not (text.isascii() and text.isdigit()):
        raise SandboxApiError(
            400, f'Invalid {IMAGES_COUNT_PARAM} "{text}"; expected a whole number of images'
        )
    return int(text)


def _refuse_unknown_parameters(
    family: TrainerFamily, definition: ModelDefinition, names: list[str]
) -> None:
    expected = definition.input_names
    unknown = [name for name in names if name not in expected]
    if unknown:
        raise SandboxApiError(
            400,
            f"Unknown parameter(s) for {family.label} training: {', '.join(unknown)}; "
            f"expected: {', '.join(expected)}",
        )


def _stored_parameters(model: ModelDefinition, definition: ModelDefinition) -> JsonObject:
    expected = definition.input_names
    return {name: value for name, value in model.parameters.items() if name in expected}
