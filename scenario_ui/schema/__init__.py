"""The project's own model of a Scenario model definition, read leniently.

`parse_definition` turns a `GET /models/{id}` record (or its bare `model`
object) into a `ModelDefinition`; it does no I/O and never raises.
`lint_definition` lists everything wrong with one, for model authors.
"""

from __future__ import annotations

from scenario_ui.schema.definition import ModelDefinition, TrainingProgress
from scenario_ui.schema.inputs import (
    BACKGROUND_BEHAVIORS,
    FILE_KINDS,
    INPUT_TYPES,
    BooleanInput,
    FileArrayInput,
    FileInput,
    Input,
    InputBase,
    InputsArrayInput,
    ModelArrayInput,
    ModelPickerInput,
    NumberArrayInput,
    NumberInput,
    StringArrayInput,
    StringInput,
    UnknownInput,
)
from scenario_ui.schema.lint import lint_definition
from scenario_ui.schema.parsing import parse_definition
from scenario_ui.schema.problems import DefinitionProblem
from scenario_ui.schema.rules import ConditionalRule, ConditionalValue, RequiredRules, RuleMessage
from scenario_ui.schema.ui_config import (
    InputProperties,
    LorasComponent,
    OutputProperty,
    PresetGroup,
    ResolutionComponent,
    ResolutionPreset,
    TriggerGenerate,
    UiConfig,
)

__all__ = [
    "BACKGROUND_BEHAVIORS",
    "FILE_KINDS",
    "INPUT_TYPES",
    "BooleanInput",
    "ConditionalRule",
    "ConditionalValue",
    "DefinitionProblem",
    "FileArrayInput",
    "FileInput",
    "Input",
    "InputBase",
    "InputProperties",
    "InputsArrayInput",
    "LorasComponent",
    "ModelArrayInput",
    "ModelDefinition",
    "ModelPickerInput",
    "NumberArrayInput",
    "NumberInput",
    "OutputProperty",
    "PresetGroup",
    "RequiredRules",
    "ResolutionComponent",
    "ResolutionPreset",
    "RuleMessage",
    "StringArrayInput",
    "StringInput",
    "TrainingProgress",
    "TriggerGenerate",
    "UiConfig",
    "UnknownInput",
    "lint_definition",
    "parse_definition",
]
