"""Read a model definition piece by piece, so one bad piece costs only itself.

Each input, each `required` rule set, each `uiConfig` key and each metadata
field is validated on its own; whatever fails becomes a `DefinitionProblem`
and the rest is still read.
"""

from __future__ import annotations

from typing import Any

from scenario_ui.nesting import MAX_NESTING, nested_too_deeply
from scenario_ui.schema.definition import ModelDefinition, TrainingProgress
from scenario_ui.schema.inputs import (
    INPUT_TYPES,
    InputBase,
    InputsArrayInput,
    UnknownInput,
    input_class_for_type,
)
from scenario_ui.schema.lenient import validate_dropping_invalid_fields
from scenario_ui.schema.problems import DefinitionProblem, join_pointer
from scenario_ui.schema.rules import RequiredRules
from scenario_ui.schema.scalars import describe_value
from scenario_ui.schema.ui_config import UiConfig

_METADATA_KEYS = (
    "id",
    "name",
    "shortDescription",
    "type",
    "privacy",
    "status",
    "capabilities",
    "tags",
    "trainingImagesNumber",
    "trainingStats",
    "parameters",
)
_EXPECTED_INPUT_TYPES = "expected one of: " + ", ".join(INPUT_TYPES)


def parse_definition(data: object) -> ModelDefinition:
    """Read a `{"model": {...}}` record or a bare model object. Never raises."""
    record_problems: list[DefinitionProblem] = []
    if nested_too_deeply(data):
        # Reading it would exhaust Python's recursion limit somewhere down the line.
        message = f"definition is nested deeper than {MAX_NESTING} levels; it is not read"
        return ModelDefinition(problems=[_error("", message)])
    model_object = _unwrap_record(data, record_problems)
    if model_object is None:
        return ModelDefinition(problems=record_problems)
    structure_problems: list[DefinitionProblem] = []
    fields: dict[str, object] = {
        key: model_object[key] for key in _METADATA_KEYS if key in model_object
    }
    fields["inputs"] = parse_inputs(model_object.get("inputs"), "/inputs", structure_problems)
    fields["uiConfig"] = _parse_ui_config(model_object.get("uiConfig"), structure_problems)
    fields["trainingProgress"] = _parse_training_progress(
        model_object.get("trainingProgress"), structure_problems
    )
    definition, field_problems = validate_dropping_invalid_fields(ModelDefinition, fields, "")
    # Every ModelDefinition field has a default, so nothing can leave it unbuilt.
    assert definition is not None
    if model_object.get("id") is None:
        field_problems.insert(0, _error("/id", '"id" is required'))
    return definition.model_copy(
        update={"problems": field_problems + structure_problems, "raw": model_object}
    )


def parse_inputs(data: object, pointer: str, problems: list[DefinitionProblem]) -> list[InputBase]:
    """Read a list of inputs (a model's, or an `inputs_array` row schema)."""
    if data is None:
        return []
    if not isinstance(data, list):
        problems.append(_error(pointer, f'"inputs" must be a list, got {describe_value(data)}'))
        return []
    inputs: list[InputBase] = []
    first_pointer_by_name: dict[str, str] = {}
    for index, item in enumerate(data):
        item_pointer = join_pointer(pointer, index)
        parsed = _parse_input(item, item_pointer, problems)
        if parsed is None:
            continue
        if parsed.name in first_pointer_by_name:
            # Values are sent by name, so only one input can have it: the first one.
            problems.append(
                _error(
                    join_pointer(item_pointer, "name"),
                    f'duplicate input name "{parsed.name}"; '
                    f"first defined at {first_pointer_by_name[parsed.name]}; "
                    "this one is left out of the form",
                )
            )
            continue
        first_pointer_by_name[parsed.name] = item_pointer
        inputs.append(parsed)
    return inputs


def _unwrap_record(data: object, problems: list[DefinitionProblem]) -> dict[str, Any] | None:
    if not isinstance(data, dict):
        problems.append(_error("", f"definition must be a JSON object, got {describe_value(data)}"))
        return None
    if "model" not in data:
        return data
    model_object = data["model"]
    if not isinstance(model_object, dict):
        problems.append(
            _error("", f'record "model" must be an object, got {describe_value(model_object)}')
        )
        return None
    return model_object


def _parse_input(data: object, pointer: str, problems: list[DefinitionProblem]) -> InputBase | None:
    if not isinstance(data, dict):
        problems.append(_error(pointer, f"input must be an object, got {describe_value(data)}"))
        return None
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        # Without a name the value cannot be sent, so the form cannot show it.
        problems.append(_nameless_input_problem(name, pointer))
        return None
    fields = dict(data)
    input_class = input_class_for_type(data.get("type"))
    if input_class is UnknownInput:
        problems.append(_unknown_type_problem(name, data.get("type"), pointer))
        if not isinstance(data.get("type"), str):
            fields.pop("type", None)
    if "required" in fields:
        fields["required"] = _parse_required(
            fields["required"], join_pointer(pointer, "required"), problems
        )
    if input_class is InputsArrayInput:
        fields["inputs"] = parse_inputs(
            data.get("inputs"), join_pointer(pointer, "inputs"), problems
        )
    parsed, field_problems = validate_dropping_invalid_fields(input_class, fields, pointer)
    problems.extend(field_problems)
    return parsed


def _nameless_input_problem(name: object, pointer: str) -> DefinitionProblem:
    name_pointer = join_pointer(pointer, "name")
    if name is None:
        return _error(name_pointer, 'input has no "name"; it is left out of the form')
    return _error(
        name_pointer,
        f'"name" must be a non-empty string, got {describe_value(name)}; '
        "the input is left out of the form",
    )


def _unknown_type_problem(name: str, input_type: object, pointer: str) -> DefinitionProblem:
    type_pointer = join_pointer(pointer, "type")
    if input_type is None:
        return _error(type_pointer, f'input "{name}" has no type; {_EXPECTED_INPUT_TYPES}')
    if not isinstance(input_type, str):
        return _error(
            type_pointer,
            f'input "{name}" has type {describe_value(input_type)}, not a string; '
            f"{_EXPECTED_INPUT_TYPES}",
        )
    # A warning only: the form still shows the input, as JSON text.
    return DefinitionProblem(
        type_pointer, f'unknown input type "{input_type}"; {_EXPECTED_INPUT_TYPES}', "warning"
    )


def _parse_required(
    data: object, pointer: str, problems: list[DefinitionProblem]
) -> RequiredRules | None:
    if data is None:
        return None
    if not isinstance(data, dict):
        problems.append(
            _error(pointer, f'"required" must be an object, got {describe_value(data)}')
        )
        return None
    rules, rule_problems = validate_dropping_invalid_fields(RequiredRules, data, pointer)
    problems.extend(rule_problems)
    return rules


def _parse_ui_config(data: object, problems: list[DefinitionProblem]) -> UiConfig:
    if data is None:
        return UiConfig()
    if not isinstance(data, dict):
        problems.append(
            _error("/uiConfig", f'"uiConfig" must be an object, got {describe_value(data)}')
        )
        return UiConfig()
    ui_config, key_problems = validate_dropping_invalid_fields(UiConfig, data, "/uiConfig")
    problems.extend(key_problems)
    return ui_config or UiConfig()


def _parse_training_progress(
    data: object, problems: list[DefinitionProblem]
) -> TrainingProgress | None:
    # Models that are not training carry `{}` here; that is not a problem.
    if data is None or data == {}:
        return None
    if not isinstance(data, dict):
        problems.append(
            _error(
                "/trainingProgress",
                f'"trainingProgress" must be an object, got {describe_value(data)}',
            )
        )
        return None
    progress, progress_problems = validate_dropping_invalid_fields(
        TrainingProgress, data, "/trainingProgress"
    )
    problems.extend(progress_problems)
    return progress


def _error(pointer: str, message: str) -> DefinitionProblem:
    return DefinitionProblem(pointer, message, "error")
