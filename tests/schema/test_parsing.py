from __future__ import annotations

import random
from typing import Any

import pytest

from scenario_ui.schema.definition import ModelDefinition, TrainingProgress
from scenario_ui.schema.inputs import (
    FileInput,
    InputsArrayInput,
    NumberInput,
    StringInput,
    UnknownInput,
)
from scenario_ui.schema.parsing import parse_definition, parse_inputs
from scenario_ui.schema.problems import DefinitionProblem
from scenario_ui.schema.rules import RequiredRules, RuleMessage
from scenario_ui.schema.ui_config import ResolutionPreset, UiConfig

EXPECTED_TYPES = (
    "expected one of: boolean, file, file_array, inputs_array, model, model_array, number, "
    "number_array, string, string_array"
)


def error(pointer: str, message: str) -> DefinitionProblem:
    return DefinitionProblem(pointer, message, "error")


def test_reads_a_whole_definition(model_object: dict[str, Any]) -> None:
    definition = parse_definition(model_object)

    assert definition.problems == []
    assert definition.id == "model_demo-image"
    assert definition.name == "Demo Image"
    assert definition.short_description == "Text to image, for tests."
    assert (definition.type, definition.privacy, definition.status) == (
        "custom",
        "public",
        "trained",
    )
    assert definition.capabilities == ["txt2img", "img2img"]
    assert definition.tags == ["demo"]
    assert definition.training_images_number == 0
    assert definition.training_progress is None
    assert definition.parameters == {}
    assert definition.input_names == ["prompt", "image", "width", "height"]
    assert [type(model_input) for model_input in definition.inputs] == [
        StringInput,
        FileInput,
        NumberInput,
        NumberInput,
    ]
    prompt = definition.input_named("prompt")
    assert isinstance(prompt, StringInput)
    assert prompt.required == RequiredRules(always=True)
    assert prompt.max_length == 2048
    resolution = definition.ui_config.resolution_component
    assert resolution is not None
    assert resolution.presets[0] == ResolutionPreset(label="Auto (match input)")


def test_raw_is_the_model_object_as_received(model_object: dict[str, Any]) -> None:
    assert parse_definition(model_object).raw is model_object


def test_a_record_reads_like_its_bare_model(
    record: dict[str, Any], model_object: dict[str, Any]
) -> None:
    from_record = parse_definition(record)

    assert from_record == parse_definition(model_object)
    assert from_record.raw is model_object


@pytest.mark.parametrize(
    ("data", "described"),
    [(None, "null"), ([{"id": "x"}], "a list"), ("model", '"model"'), (3, "3"), (True, "true")],
)
def test_data_that_is_not_an_object(data: object, described: str) -> None:
    definition = parse_definition(data)

    assert definition == ModelDefinition(
        problems=[error("", f"definition must be a JSON object, got {described}")]
    )


def test_record_whose_model_is_not_an_object() -> None:
    definition = parse_definition({"model": ["x"]})

    assert definition.problems == [error("", 'record "model" must be an object, got a list')]
    assert definition.inputs == []
    assert definition.raw == {}


@pytest.mark.parametrize("model_object", [{}, {"id": None}])
def test_missing_id(model_object: dict[str, Any]) -> None:
    definition = parse_definition(model_object)

    assert definition.problems == [error("/id", '"id" is required')]
    assert definition.id == ""


def test_metadata_of_the_wrong_type_is_dropped(model_object: dict[str, Any]) -> None:
    model_object |= {"tags": "demo", "trainingImagesNumber": "many", "name": None}

    definition = parse_definition(model_object)

    assert definition.problems == [
        error("/tags", '"tags" must be a list, got "demo"'),
        error(
            "/trainingImagesNumber",
            '"trainingImagesNumber" must be a whole number of 0 or more, got "many"',
        ),
    ]
    assert (definition.tags, definition.training_images_number, definition.name) == ([], 0, "")
    assert definition.id == "model_demo-image"


def test_training_stats_and_parameters_are_kept_as_given(model_object: dict[str, Any]) -> None:
    model_object |= {"trainingStats": {"trainDuration": 12.5}, "parameters": {"rank": 16}}

    definition = parse_definition(model_object)

    assert definition.training_stats == {"trainDuration": 12.5}
    assert definition.parameters == {"rank": 16}


@pytest.mark.parametrize("inputs", [{}, {"inputs": None}])
def test_missing_inputs_are_an_empty_list(inputs: dict[str, Any]) -> None:
    definition = parse_definition({"id": "model_x", **inputs})

    assert definition.inputs == []
    assert definition.problems == []


def test_inputs_that_are_not_a_list(model_object: dict[str, Any]) -> None:
    model_object["inputs"] = {"prompt": {"type": "string"}}

    definition = parse_definition(model_object)

    assert definition.inputs == []
    assert definition.problems == [error("/inputs", '"inputs" must be a list, got an object')]


def test_an_input_that_is_not_an_object_is_dropped(model_object: dict[str, Any]) -> None:
    model_object["inputs"].insert(1, "seed")

    definition = parse_definition(model_object)

    assert definition.problems == [error("/inputs/1", 'input must be an object, got "seed"')]
    assert definition.input_names == ["prompt", "image", "width", "height"]


@pytest.mark.parametrize(
    ("nameless", "message"),
    [
        ({"type": "number"}, 'input has no "name"; it is left out of the form'),
        (
            {"name": "", "type": "number"},
            '"name" must be a non-empty string, got ""; the input is left out of the form',
        ),
        (
            {"name": 7, "type": "number"},
            '"name" must be a non-empty string, got 7; the input is left out of the form',
        ),
    ],
)
def test_an_input_without_a_usable_name_is_dropped(
    model_object: dict[str, Any], nameless: dict[str, Any], message: str
) -> None:
    model_object["inputs"].insert(2, nameless)

    definition = parse_definition(model_object)

    assert definition.problems == [error("/inputs/2/name", message)]
    assert definition.input_names == ["prompt", "image", "width", "height"]


def test_a_field_of_the_wrong_type_is_dropped_and_the_input_kept(
    model_object: dict[str, Any],
) -> None:
    model_object["inputs"][2] |= {"min": "abc", "allowedValues": [512, "1024"]}

    definition = parse_definition(model_object)

    assert definition.problems == [
        error("/inputs/2/min", '"min" must be a number, got "abc"'),
        error(
            "/inputs/2/allowedValues/1", 'item 1 of "allowedValues" must be a number, got "1024"'
        ),
    ]
    width = definition.input_named("width")
    assert isinstance(width, NumberInput)
    assert (width.min, width.max, width.step, width.allowed_values) == (None, 2048, 16, None)
    assert width.label == "Width"


def test_an_unknown_value_lists_the_valid_ones(model_object: dict[str, Any]) -> None:
    model_object["inputs"][1]["kind"] = "picture"

    definition = parse_definition(model_object)

    assert definition.problems == [
        error(
            "/inputs/1/kind",
            'unknown value "picture" for "kind"; expected one of: '
            "3d, audio, document, image, image-hdr, json, text, video",
        )
    ]
    image = definition.input_named("image")
    assert isinstance(image, FileInput)
    assert image.kind is None
    assert image.parent is True


def test_an_unknown_type_is_a_warning_and_the_input_kept(model_object: dict[str, Any]) -> None:
    model_object["inputs"].append(
        {"name": "level", "type": "slider", "label": "Level", "ticks": [1, 2]}
    )

    definition = parse_definition(model_object)

    assert definition.problems == [
        DefinitionProblem(
            "/inputs/4/type", f'unknown input type "slider"; {EXPECTED_TYPES}', "warning"
        )
    ]
    level = definition.input_named("level")
    assert isinstance(level, UnknownInput)
    assert (level.type, level.label, level.model_extra) == ("slider", "Level", {"ticks": [1, 2]})


@pytest.mark.parametrize(
    ("type_field", "message", "kept_type"),
    [
        ({}, f'input "level" has no type; {EXPECTED_TYPES}', ""),
        ({"type": None}, f'input "level" has no type; {EXPECTED_TYPES}', ""),
        ({"type": 4}, f'input "level" has type 4, not a string; {EXPECTED_TYPES}', ""),
    ],
)
def test_a_missing_type_is_an_error_and_the_input_kept(
    model_object: dict[str, Any], type_field: dict[str, Any], message: str, kept_type: str
) -> None:
    model_object["inputs"].append({"name": "level", "label": "Level", **type_field})

    definition = parse_definition(model_object)

    assert definition.problems == [error("/inputs/4/type", message)]
    level = definition.input_named("level")
    assert isinstance(level, UnknownInput)
    assert (level.type, level.label) == (kept_type, "Level")


def test_duplicate_names_are_errors(model_object: dict[str, Any]) -> None:
    model_object["inputs"].append({"name": "width", "type": "string"})

    definition = parse_definition(model_object)

    assert definition.problems == [
        error(
            "/inputs/4/name",
            'duplicate input name "width"; first defined at /inputs/2; '
            "this one is left out of the form",
        )
    ]
    # Values are sent by name: the form, rules and payload only ever see the first one.
    assert definition.input_names == ["prompt", "image", "width", "height"]
    assert isinstance(definition.input_named("width"), NumberInput)


def test_a_bad_rule_is_dropped_and_the_other_rules_kept(model_object: dict[str, Any]) -> None:
    model_object["inputs"][1]["required"] = {
        "always": "sometimes",
        "ifDefined": {"mask": {"message": "An image is needed with a mask."}},
        "conditional": {"values": {"mode": "edit"}, "operator": "xor"},
    }

    definition = parse_definition(model_object)

    assert definition.problems == [
        error("/inputs/1/required/always", '"always" must be true or false, got "sometimes"'),
        error("/inputs/1/required/conditional/values/mode", '"mode" must be a list, got "edit"'),
        error(
            "/inputs/1/required/conditional/operator",
            'unknown value "xor" for "operator"; expected one of: and, or',
        ),
    ]
    image = definition.input_named("image")
    assert image is not None
    assert image.required == RequiredRules(
        if_defined={"mask": RuleMessage(message="An image is needed with a mask.")}
    )


def test_required_that_is_not_an_object(model_object: dict[str, Any]) -> None:
    model_object["inputs"][0]["required"] = True

    definition = parse_definition(model_object)

    assert definition.problems == [
        error("/inputs/0/required", '"required" must be an object, got true')
    ]
    prompt = definition.input_named("prompt")
    assert prompt is not None
    assert prompt.required is None
    assert prompt.label == "Prompt"


def test_every_rule_form_is_read(model_object: dict[str, Any]) -> None:
    model_object["inputs"][1]["required"] = {
        "ifNotDefined": {"prompt": {"message": "Give an image or a prompt."}},
        "conditionalValues": {"mode": ["edit"]},
        "conditional": {"values": {"mode": ["edit"]}, "operator": "or"},
        "when": {"inferenceType": ["img2img"]},
    }

    definition = parse_definition(model_object)

    assert definition.problems == []
    image = definition.input_named("image")
    assert image is not None
    assert image.required is not None
    assert image.required.if_not_defined["prompt"].message == "Give an image or a prompt."
    assert image.required.conditional_values["mode"].values == ["edit"]
    assert image.required.conditional is not None
    assert image.required.conditional.operator == "or"
    assert image.required.when == {"inferenceType": ["img2img"]}


def test_inputs_array_rows_are_read_with_the_same_leniency(model_object: dict[str, Any]) -> None:
    model_object["inputs"].append(
        {
            "name": "keyframes",
            "type": "inputs_array",
            "maxLength": 5,
            "inputs": [
                {"name": "uri", "type": "file", "kind": "image", "required": {"always": True}},
                {"name": "at", "type": "percent"},
                {"name": "seconds", "type": "number", "min": "zero"},
                {"type": "number"},
                {"name": "uri", "type": "string"},
            ],
        }
    )

    definition = parse_definition(model_object)

    assert definition.problems == [
        DefinitionProblem(
            "/inputs/4/inputs/1/type", f'unknown input type "percent"; {EXPECTED_TYPES}', "warning"
        ),
        error("/inputs/4/inputs/2/min", '"min" must be a number, got "zero"'),
        error("/inputs/4/inputs/3/name", 'input has no "name"; it is left out of the form'),
        error(
            "/inputs/4/inputs/4/name",
            'duplicate input name "uri"; first defined at /inputs/4/inputs/0; '
            "this one is left out of the form",
        ),
    ]
    keyframes = definition.input_named("keyframes")
    assert isinstance(keyframes, InputsArrayInput)
    assert keyframes.max_length == 5
    assert [(row.name, type(row)) for row in keyframes.inputs] == [
        ("uri", FileInput),
        ("at", UnknownInput),
        ("seconds", NumberInput),
    ]


def test_a_row_name_may_repeat_a_top_level_name(model_object: dict[str, Any]) -> None:
    model_object["inputs"].append(
        {"name": "rows", "type": "inputs_array", "inputs": [{"name": "prompt", "type": "string"}]}
    )

    assert parse_definition(model_object).problems == []


@pytest.mark.parametrize(
    ("rows", "problems"),
    [
        ({}, []),
        ({"inputs": None}, []),
        ({"inputs": "uri"}, [error("/inputs/4/inputs", '"inputs" must be a list, got "uri"')]),
    ],
)
def test_inputs_array_without_a_usable_row_schema(
    model_object: dict[str, Any], rows: dict[str, Any], problems: list[DefinitionProblem]
) -> None:
    model_object["inputs"].append({"name": "rows", "type": "inputs_array", **rows})

    definition = parse_definition(model_object)

    assert definition.problems == problems
    rows_input = definition.input_named("rows")
    assert isinstance(rows_input, InputsArrayInput)
    assert rows_input.inputs == []


def test_inputs_of_other_types_keep_a_stray_inputs_field_as_is(
    model_object: dict[str, Any],
) -> None:
    model_object["inputs"][0]["inputs"] = [{"type": 1}]

    definition = parse_definition(model_object)

    assert definition.problems == []
    prompt = definition.input_named("prompt")
    assert prompt is not None
    assert prompt.model_extra == {"inputs": [{"type": 1}]}


@pytest.mark.parametrize("ui_config", [{}, {"uiConfig": None}])
def test_missing_ui_config_is_empty(
    model_object: dict[str, Any], ui_config: dict[str, Any]
) -> None:
    del model_object["uiConfig"]
    model_object |= ui_config

    definition = parse_definition(model_object)

    assert definition.ui_config == UiConfig()
    assert definition.problems == []


def test_ui_config_that_is_not_an_object(model_object: dict[str, Any]) -> None:
    model_object["uiConfig"] = "compact"

    definition = parse_definition(model_object)

    assert definition.ui_config == UiConfig()
    assert definition.problems == [
        error("/uiConfig", '"uiConfig" must be an object, got "compact"')
    ]


def test_a_bad_ui_config_key_is_dropped_and_the_others_kept(
    model_object: dict[str, Any],
) -> None:
    model_object["uiConfig"]["resolutionComponent"]["presets"][1]["width"] = "wide"
    model_object["uiConfig"]["selects"] = {"width": {"1024": "Large"}}
    model_object["uiConfig"]["lorasComponent"] = {"label": "LoRAs", "modelInput": "loras"}

    definition = parse_definition(model_object)

    assert definition.problems == [
        error("/uiConfig/lorasComponent/scaleInput", '"scaleInput" is required'),
        error(
            "/uiConfig/resolutionComponent/presets/1/width",
            '"width" must be a whole number of 0 or more, got "wide"',
        ),
    ]
    assert definition.ui_config == UiConfig(selects={"width": {"1024": "Large"}})


def test_an_empty_training_progress_means_none(model_object: dict[str, Any]) -> None:
    assert parse_definition(model_object).training_progress is None


def test_training_progress_is_read(model_object: dict[str, Any]) -> None:
    model_object["trainingProgress"] = {"stage": "queued-for-train", "position": 2}

    definition = parse_definition(model_object)

    assert definition.training_progress == TrainingProgress(stage="queued-for-train", position=2)
    assert definition.problems == []


@pytest.mark.parametrize(
    ("progress", "problem"),
    [
        ({"progress": 0.5}, error("/trainingProgress/stage", '"stage" is required')),
        ([], error("/trainingProgress", '"trainingProgress" must be an object, got a list')),
    ],
)
def test_unusable_training_progress(
    model_object: dict[str, Any], progress: object, problem: DefinitionProblem
) -> None:
    model_object["trainingProgress"] = progress

    definition = parse_definition(model_object)

    assert definition.training_progress is None
    assert definition.problems == [problem]


def test_a_bad_training_progress_field_is_dropped(model_object: dict[str, Any]) -> None:
    model_object["trainingProgress"] = {"stage": "running-train", "progress": "half"}

    definition = parse_definition(model_object)

    assert definition.training_progress == TrainingProgress(stage="running-train")
    assert definition.problems == [
        error("/trainingProgress/progress", '"progress" must be a number, got "half"')
    ]


def test_parse_inputs_reports_into_the_given_list() -> None:
    problems: list[DefinitionProblem] = []

    inputs = parse_inputs([{"name": "a", "type": "boolean"}, 1], "/inputs/0/inputs", problems)

    assert [model_input.name for model_input in inputs] == ["a"]
    assert problems == [error("/inputs/0/inputs/1", "input must be an object, got 1")]


def _random_json(generator: random.Random, depth: int) -> object:
    keys = ["id", "model", "inputs", "uiConfig", "name", "type", "required", "presets", "min"]
    scalars: list[object] = [None, True, 0, -1, 2.5, "", "string", "inputs_array", "number"]
    roll = generator.random()
    if depth > 3 or roll < 0.3:
        return generator.choice(scalars)
    if roll < 0.6:
        return [_random_json(generator, depth + 1) for _ in range(generator.randint(0, 3))]
    return {
        generator.choice(keys): _random_json(generator, depth + 1)
        for _ in range(generator.randint(0, 5))
    }


def test_never_raises_on_arbitrary_json() -> None:
    generator = random.Random(20240601)

    for _ in range(2000):
        data = _random_json(generator, 0)
        assert isinstance(parse_definition(data), ModelDefinition)


def test_duplicate_names_of_different_types_keep_only_the_first(
    model_object: dict[str, Any],
) -> None:
    model_object["inputs"].append({"name": "prompt", "type": "number", "default": 3})

    definition = parse_definition(model_object)

    prompt = definition.input_named("prompt")
    assert isinstance(prompt, StringInput)
    assert definition.input_names.count("prompt") == 1


@pytest.mark.parametrize(
    ("default", "message"),
    [
        (10**400, '"default" holds a number of 401 digits, not a finite number within ±1.8e308'),
        ([1, float("nan")], '"default" holds NaN, not a finite number within ±1.8e308'),
        ({"a": float("-inf")}, '"default" holds -Infinity, not a finite number within ±1.8e308'),
    ],
)
def test_a_default_no_request_can_carry_is_dropped_and_reported(
    model_object: dict[str, Any], default: object, message: str
) -> None:
    model_object["inputs"][2]["default"] = default

    definition = parse_definition(model_object)

    assert definition.problems == [error("/inputs/2/default", message)]
    width = definition.input_named("width")
    assert width is not None
    assert width.default is None


def test_a_preset_value_no_request_can_carry_is_reported(model_object: dict[str, Any]) -> None:
    model_object["uiConfig"] = {
        "presets": [{"fields": ["width"], "presets": {"Huge": {"width": 10**400}}}]
    }

    definition = parse_definition(model_object)

    assert definition.problems == [
        error(
            "/uiConfig/presets/0/presets/Huge/width",
            '"width" holds a number of 401 digits, not a finite number within ±1.8e308',
        )
    ]
    assert definition.ui_config.presets == []


def test_a_definition_nested_deeper_than_any_model_is_not_read() -> None:
    deep: Any = 1
    for _ in range(200):
        deep = {"a": [deep]}

    definition = parse_definition({"id": "m", "inputs": [{"name": "x", "default": deep}]})

    assert definition.problems == [
        error("", "definition is nested deeper than 64 levels; it is not read")
    ]
    assert (definition.id, definition.inputs, definition.raw) == ("", [], {})
