"""`uiConfig`: names that must be inputs of the right type, and values that must fit them."""

from __future__ import annotations

from tests.schema.test_lint import error, lint, make_input, warning

PROMPT_AND_SEED = [make_input("prompt", "string"), make_input("seed", "number")]
SIZES = [
    make_input("width", "number", min=256, max=2048),
    make_input("height", "number", min=256, max=2048),
]


def test_input_properties_must_name_inputs() -> None:
    ui_config = {"inputProperties": {"seed": {"collapsed": True}, "seeed": {"collapsed": True}}}

    assert lint(PROMPT_AND_SEED, ui_config) == [
        error(
            "/uiConfig/inputProperties/seeed",
            'inputProperties "seeed" names no input; inputs: prompt, seed',
        )
    ]


def test_selects_naming_no_input_is_a_warning() -> None:
    ui_config = {"selects": {"aiModel": {"meshy-5": "Meshy 5"}}}

    assert lint(PROMPT_AND_SEED, ui_config) == [
        warning(
            "/uiConfig/selects/aiModel", 'selects "aiModel" names no input; inputs: prompt, seed'
        )
    ]


def test_selects_labelling_a_value_that_is_not_allowed_is_a_warning() -> None:
    mode = make_input("mode", "string", allowedValues=["canny", "depth"])
    ui_config = {"selects": {"mode": {"depth": "Depth", "pose": "Pose"}}}

    assert lint([mode], ui_config) == [
        warning(
            "/uiConfig/selects/mode/pose",
            'selects labels "pose", which is not an allowed value of input "mode"; '
            'allowed: "canny", "depth"',
        )
    ]


def test_selects_keys_of_numbers_are_compared_as_numbers() -> None:
    fps = make_input("fps", "number", allowedValues=[-1, 23.976, 24.0])
    labels = {"24": "24", "23.976": "23.976", "-1": "Auto", "auto": "Auto", "25": "25"}

    assert lint([fps], {"selects": {"fps": labels}}) == [
        warning(
            f"/uiConfig/selects/fps/{key}",
            f'selects labels "{key}", which is not an allowed value of input "fps"; '
            "allowed: -1, 23.976, 24.0",
        )
        for key in ("auto", "25")
    ]


def test_selects_on_an_input_without_allowed_values_are_not_judged() -> None:
    assert lint(PROMPT_AND_SEED, {"selects": {"prompt": {"a": "A"}}}) == []


def test_preset_fields_and_keys_must_name_inputs() -> None:
    group = {"fields": ["seed", "sampler"], "presets": {"Fast": {"seed": 1, "sampler": "euler"}}}

    assert lint(PROMPT_AND_SEED, {"presets": [group]}) == [
        error(
            "/uiConfig/presets/0/fields/1",
            'presets field "sampler" names no input; inputs: prompt, seed',
        ),
        error(
            "/uiConfig/presets/0/presets/Fast/sampler",
            'preset "Fast" key "sampler" names no input; inputs: prompt, seed',
        ),
    ]


def test_a_preset_setting_an_input_outside_its_fields_is_a_warning() -> None:
    group = {"fields": ["seed"], "presets": {"Fast": {"seed": 1, "prompt": "a cat"}}}

    assert lint(PROMPT_AND_SEED, {"presets": [group]}) == [
        warning(
            "/uiConfig/presets/0/presets/Fast/prompt",
            'preset "Fast" sets "prompt", which is not one of its group\'s fields: seed',
        )
    ]


def test_preset_values_must_fit_their_input() -> None:
    steps = make_input("steps", "number", min=1, max=150)
    group = {
        "fields": ["steps"],
        "presets": {"Fast": {"steps": 8}, "Slow": {"steps": 500}, "Odd": {"steps": "8"}},
    }

    assert lint([steps], {"presets": [group]}) == [
        error(
            "/uiConfig/presets/0/presets/Slow/steps",
            'preset "Slow" value for "steps" is 500, above max 150 of input "steps"',
        ),
        error(
            "/uiConfig/presets/0/presets/Odd/steps",
            'preset "Odd" value for "steps" must be a number, got "8"',
        ),
    ]


def test_a_null_preset_value_leaves_the_field_empty() -> None:
    group = {"fields": ["seed"], "presets": {"Random": {"seed": None}}}

    assert lint(PROMPT_AND_SEED, {"presets": [group]}) == []


def test_resolution_inputs_must_be_number_inputs() -> None:
    inputs = [make_input("width", "number"), make_input("size", "string")]
    ui_config = {"resolutionComponent": {"label": "Size", "widthInput": "w", "heightInput": "size"}}

    assert lint(inputs, ui_config) == [
        error(
            "/uiConfig/resolutionComponent/widthInput",
            'resolutionComponent.widthInput "w" names no input; number inputs: width',
        ),
        error(
            "/uiConfig/resolutionComponent/heightInput",
            'resolutionComponent.heightInput "size" must name a number input; '
            "it is a string input; number inputs: width",
        ),
    ]


def test_resolution_presets_must_fit_the_width_and_height_inputs() -> None:
    presets = [
        {"label": "Auto"},
        {"label": "Square", "width": 1024, "height": 1024},
        {"label": "Huge", "width": 4096, "height": 128},
    ]
    ui_config = {
        "resolutionComponent": {
            "label": "Size",
            "widthInput": "width",
            "heightInput": "height",
            "presets": presets,
        }
    }

    assert lint(SIZES, ui_config) == [
        error(
            "/uiConfig/resolutionComponent/presets/2/width",
            'resolution preset "Huge" width is 4096, above max 2048 of input "width"',
        ),
        error(
            "/uiConfig/resolutionComponent/presets/2/height",
            'resolution preset "Huge" height is 128, below min 256 of input "height"',
        ),
    ]


def test_loras_component_inputs_must_have_their_types() -> None:
    inputs = [make_input("loras", "model_array"), make_input("strength", "number")]
    ui_config = {
        "lorasComponent": {
            "label": "LoRAs",
            "modelInput": "loras",
            "scaleInput": "strength",
            "modelIdInput": "modelId",
        }
    }

    assert lint(inputs, ui_config) == [
        error(
            "/uiConfig/lorasComponent/scaleInput",
            'lorasComponent.scaleInput "strength" must name a number_array input; '
            "it is a number input",
        ),
        error(
            "/uiConfig/lorasComponent/modelIdInput",
            'lorasComponent.modelIdInput "modelId" names no input; the model has no model input',
        ),
    ]


def test_a_sound_loras_component_without_model_id_input() -> None:
    inputs = [make_input("loras", "model_array"), make_input("lorasScale", "number_array")]
    ui_config = {
        "lorasComponent": {"label": "LoRAs", "modelInput": "loras", "scaleInput": "lorasScale"}
    }

    assert lint(inputs, ui_config) == []


def test_trigger_generate_with_both_after_and_position() -> None:
    trigger = {"label": "Generate", "after": "seed", "position": "bottom"}

    assert lint(PROMPT_AND_SEED, {"triggerGenerate": trigger}) == [
        error(
            "/uiConfig/triggerGenerate",
            'triggerGenerate sets both "after" and "position"; use one of them',
        )
    ]


def test_trigger_generate_after_must_name_an_input() -> None:
    assert lint(PROMPT_AND_SEED, {"triggerGenerate": {"label": "Go", "after": "sed"}}) == [
        error(
            "/uiConfig/triggerGenerate/after",
            'triggerGenerate.after "sed" names no input; inputs: prompt, seed',
        )
    ]
    assert lint(PROMPT_AND_SEED, {"triggerGenerate": {"label": "Go", "position": "top"}}) == []


def test_output_properties_name_outputs_not_inputs() -> None:
    assert lint(PROMPT_AND_SEED, {"outputProperties": {"image": {"label": "Image"}}}) == []
