from __future__ import annotations

import pytest
from pydantic import ValidationError

from scenario_ui.schema.ui_config import (
    TRIGGER_POSITIONS,
    InputProperties,
    LorasComponent,
    OutputProperty,
    PresetGroup,
    ResolutionComponent,
    ResolutionPreset,
    TriggerGenerate,
    UiConfig,
)


def test_empty_config_has_nothing_set() -> None:
    config = UiConfig()

    assert config.input_properties == {}
    assert config.loras_component is None
    assert config.presets == []
    assert config.resolution_component is None
    assert config.selects == {}
    assert config.trigger_generate is None
    assert config.output_properties == {}


def test_input_properties() -> None:
    config = UiConfig.model_validate({"inputProperties": {"seed": {"collapsed": True}}})

    assert config.input_properties == {"seed": InputProperties(collapsed=True)}


def test_loras_component_with_model_id_input() -> None:
    config = UiConfig.model_validate(
        {
            "lorasComponent": {
                "label": "Model",
                "modelInput": "loras",
                "scaleInput": "lorasScale",
                "modelIdInput": "modelId",
            }
        }
    )

    assert config.loras_component == LorasComponent(
        label="Model", model_input="loras", scale_input="lorasScale", model_id_input="modelId"
    )


def test_loras_component_model_id_input_is_optional() -> None:
    component = LorasComponent.model_validate(
        {"label": "LoRAs", "modelInput": "loras", "scaleInput": "lorasScale"}
    )

    assert component.model_id_input is None


def test_presets_map_a_name_to_values_of_the_listed_fields() -> None:
    config = UiConfig.model_validate(
        {
            "presets": [
                {
                    "fields": ["numInferenceSteps", "guidance"],
                    "presets": {
                        "Fast": {"numInferenceSteps": 8, "guidance": 2},
                        "Quality": {"numInferenceSteps": 40, "guidance": 3.5},
                    },
                }
            ]
        }
    )

    assert config.presets == [
        PresetGroup(
            fields=["numInferenceSteps", "guidance"],
            presets={
                "Fast": {"numInferenceSteps": 8, "guidance": 2},
                "Quality": {"numInferenceSteps": 40, "guidance": 3.5},
            },
        )
    ]


def test_resolution_component_with_label_only_presets() -> None:
    config = UiConfig.model_validate(
        {
            "resolutionComponent": {
                "label": "Dimensions",
                "widthInput": "width",
                "heightInput": "height",
                "presets": [
                    {"label": "Auto"},
                    {"label": "16:9 (1344x768)", "width": 1344, "height": 768},
                ],
            }
        }
    )

    assert config.resolution_component == ResolutionComponent(
        label="Dimensions",
        width_input="width",
        height_input="height",
        presets=[
            ResolutionPreset(label="Auto"),
            ResolutionPreset(label="16:9 (1344x768)", width=1344, height=768),
        ],
    )
    auto = config.resolution_component.presets[0]
    assert (auto.width, auto.height) == (None, None)


def test_resolution_presets_default_to_none() -> None:
    component = ResolutionComponent.model_validate(
        {"label": "Size", "widthInput": "w", "heightInput": "h"}
    )

    assert component.presets == []


def test_selects_keep_string_keys_for_numeric_values() -> None:
    config = UiConfig.model_validate(
        {"selects": {"duration": {"-1": "Auto", "5": "5s"}, "mode": {"canny": "Canny"}}}
    )

    assert config.selects == {"duration": {"-1": "Auto", "5": "5s"}, "mode": {"canny": "Canny"}}


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({"label": "Generate"}, TriggerGenerate(label="Generate")),
        (
            {"label": "Generate", "after": "prompt"},
            TriggerGenerate(label="Generate", after="prompt"),
        ),
        ({"label": "Go", "position": "top"}, TriggerGenerate(label="Go", position="top")),
        ({"label": "Go", "position": "bottom"}, TriggerGenerate(label="Go", position="bottom")),
    ],
)
def test_trigger_generate(data: dict[str, str], expected: TriggerGenerate) -> None:
    assert UiConfig.model_validate({"triggerGenerate": data}).trigger_generate == expected


def test_trigger_generate_position_lists_the_valid_ones() -> None:
    with pytest.raises(ValidationError) as raised:
        TriggerGenerate.model_validate({"label": "Go", "position": "middle"})

    (error,) = raised.value.errors()
    assert error["msg"] == 'must be one of: top, bottom; got "middle"'
    assert TRIGGER_POSITIONS == ("top", "bottom")


def test_output_properties() -> None:
    config = UiConfig.model_validate({"outputProperties": {"depthMap": {"label": "Depth"}}})

    assert config.output_properties == {"depthMap": OutputProperty(label="Depth")}


def test_unknown_keys_are_kept_as_extra() -> None:
    config = UiConfig.model_validate({"tabs": ["Main"]})

    assert config.model_extra == {"tabs": ["Main"]}


@pytest.mark.parametrize(
    ("model", "data"),
    [
        (LorasComponent, {"label": "Model", "scaleInput": "lorasScale"}),
        (ResolutionComponent, {"widthInput": "w", "heightInput": "h"}),
        (ResolutionPreset, {"width": 512, "height": 512}),
        (PresetGroup, {"fields": ["a"]}),
        (OutputProperty, {}),
        (TriggerGenerate, {"position": "top"}),
    ],
)
def test_documented_required_fields_are_required(
    model: type[UiConfig], data: dict[str, object]
) -> None:
    with pytest.raises(ValidationError) as raised:
        model.model_validate(data)

    assert {error["type"] for error in raised.value.errors()} == {"missing"}
