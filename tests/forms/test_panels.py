"""What the uiConfig components draw: their nodes, built from the inputs' bound state."""

from __future__ import annotations

from scenario_ui.forms.bound import BoundInput
from scenario_ui.forms.components import Component
from scenario_ui.forms.components.loras import LoraRow, Loras, LorasNode
from scenario_ui.forms.components.presets import Presets, PresetsNode
from scenario_ui.forms.components.resolution import Resolution, ResolutionNode
from scenario_ui.forms.nodes import Node
from scenario_ui.forms.plan import plan_for
from scenario_ui.forms.widgets import Option as Choice
from scenario_ui.schema import ModelDefinition
from tests.forms.conftest import image_definition, make_definition

RawData = dict[str, list[str]]


def bound_inputs(definition: ModelDefinition, raw: RawData) -> dict[str, BoundInput]:
    return {name: field.bind(raw) for name, field in plan_for(definition).field_named.items()}


def components_of[C: Component](definition: ModelDefinition, kind: type[C]) -> list[C]:
    return [c for c in plan_for(definition).components if isinstance(c, kind)]


def nodes_of[N: Node](
    definition: ModelDefinition, raw: RawData, kind: type[Component], node: type[N]
) -> list[N]:
    """What each component of `kind` draws for `raw`."""
    bound = bound_inputs(definition, raw)
    drawn = [component.node(bound, raw) for component in components_of(definition, kind)]
    assert all(isinstance(one, node) for one in drawn)
    return [one for one in drawn if isinstance(one, node)]


def resolution_panel(definition: ModelDefinition, raw: RawData) -> ResolutionNode | None:
    return next(iter(nodes_of(definition, raw, Resolution, ResolutionNode)), None)


def loras_panel(definition: ModelDefinition, raw: RawData) -> LorasNode | None:
    return next(iter(nodes_of(definition, raw, Loras, LorasNode)), None)


def preset_panels(definition: ModelDefinition, raw: RawData) -> list[PresetsNode]:
    return nodes_of(definition, raw, Presets, PresetsNode)


def consumes(definition: ModelDefinition, kind: type[Component]) -> list[tuple[str, ...]]:
    return [component.consumes for component in components_of(definition, kind)]


def resolution(raw: RawData, definition: ModelDefinition | None = None) -> ResolutionNode:
    panel = resolution_panel(definition or image_definition(), raw)
    assert panel is not None
    return panel


def loras(raw: RawData, definition: ModelDefinition | None = None) -> LorasNode:
    panel = loras_panel(definition or image_definition(), raw)
    assert panel is not None
    return panel


# --- resolution ------------------------------------------------------------------------


def test_resolution_choices_are_the_presets_then_custom() -> None:
    panel = resolution({"__resolution": ["1"], "width": ["1024"], "height": ["1024"]})
    assert panel.kind == "resolution"
    assert panel.label == "Dimensions"
    assert panel.choices == [
        Choice("0", "Auto (match input)", selected=False),
        Choice("1", "1:1 (1024x1024)", selected=True),
        Choice("2", "16:9 (1344x768)", selected=False),
        Choice("custom", "Custom size", selected=False),
    ]
    assert panel.is_custom is False
    assert consumes(image_definition(), Resolution) == [("width", "height")]
    assert (panel.width.name, panel.height.name) == ("width", "height")


def test_custom_resolution_shows_width_and_height() -> None:
    panel = resolution({"__resolution": ["custom"], "width": ["800"], "height": ["600"]})
    assert panel.is_custom is True
    assert [choice.value for choice in panel.choices if choice.selected] == ["custom"]
    assert (panel.width.value_text, panel.height.value_text) == ("800", "600")


def test_resolution_uses_the_last_posted_choice_and_none_without_one() -> None:
    assert [c.selected for c in resolution({"__resolution": ["2", "0"]}).choices] == [
        True,
        False,
        False,
        False,
    ]
    assert not any(choice.selected for choice in resolution({}).choices)


def test_resolution_without_presets_offers_only_custom() -> None:
    definition = image_definition(
        resolutionComponent={"label": "Size", "widthInput": "width", "heightInput": "height"}
    )
    panel = resolution({"__resolution": ["custom"]}, definition)
    assert panel.choices == [Choice("custom", "Custom size", selected=True)]


def test_no_resolution_panel_without_the_component_or_its_inputs() -> None:
    definition = image_definition(resolutionComponent=None)
    assert resolution_panel(definition, {}) is None
    missing = image_definition(
        resolutionComponent={"label": "Size", "widthInput": "width", "heightInput": "depth"}
    )
    assert resolution_panel(missing, {}) is None


# --- LoRAs -------------------------------------------------------------------------------


def test_lora_rows_pair_models_and_scales_by_index() -> None:
    panel = loras({"loras": ["model_a", "model_b"], "lorasScale": ["0.5", "1.25"]})
    assert panel.kind == "loras"
    assert panel.label == "LoRAs"
    assert panel.rows == [LoraRow(0, "model_a", "0.5"), LoraRow(1, "model_b", "1.25")]
    assert (panel.models.name, panel.scales.name, panel.model_id) == ("loras", "lorasScale", None)
    assert consumes(image_definition(), Loras) == [("loras", "lorasScale")]
    assert panel.can_add is True


def test_a_row_without_a_scale_shows_one() -> None:
    panel = loras({"loras": ["model_a", "model_b"], "lorasScale": ["0.5"]})
    assert panel.rows == [LoraRow(0, "model_a", "0.5"), LoraRow(1, "model_b", "1")]


def test_a_just_added_row_shows_the_default_scale() -> None:
    # "+ Add LoRA" appends a blank model and a blank scale: the scale sent will be 1.
    panel = loras({"loras": ["model_a", ""], "lorasScale": ["0.5", ""]})
    assert panel.rows == [LoraRow(0, "model_a", "0.5"), LoraRow(1, "", "1")]


def test_blank_rows_stay_on_screen() -> None:
    panel = loras({"loras": ["", "model_b"], "lorasScale": ["1", "2"]})
    assert panel.rows == [LoraRow(0, "", "1"), LoraRow(1, "model_b", "2")]


def test_no_rows_without_models() -> None:
    assert loras({}).rows == []


def test_can_add_up_to_max_length() -> None:
    assert loras({"loras": ["m"] * 5}).can_add is True
    assert loras({"loras": ["m"] * 6}).can_add is False
    unlimited = make_definition(
        [{"name": "loras", "type": "model_array"}, {"name": "scales", "type": "number_array"}],
        {"lorasComponent": {"label": "L", "modelInput": "loras", "scaleInput": "scales"}},
    )
    assert loras({"loras": ["m"] * 40}, unlimited).can_add is True


def test_a_model_id_input_joins_the_panel() -> None:
    definition = make_definition(
        [
            {"name": "modelId", "type": "model"},
            {"name": "loras", "type": "model_array"},
            {"name": "lorasScale", "type": "number_array"},
        ],
        {
            "lorasComponent": {
                "label": "Style",
                "modelInput": "loras",
                "scaleInput": "lorasScale",
                "modelIdInput": "modelId",
            }
        },
    )
    panel = loras({"modelId": ["model_c"]}, definition)
    assert panel.model_id is not None
    assert panel.model_id.name == "modelId"
    assert panel.model_id.value_text == "model_c"
    assert consumes(definition, Loras) == [("loras", "lorasScale", "modelId")]


def test_a_model_id_input_that_does_not_exist_is_left_out() -> None:
    definition = image_definition(
        lorasComponent={
            "label": "L",
            "modelInput": "loras",
            "scaleInput": "lorasScale",
            "modelIdInput": "ghost",
        }
    )
    panel = loras({}, definition)
    assert panel.model_id is None
    assert consumes(definition, Loras) == [("loras", "lorasScale")]


def test_no_loras_panel_without_the_component_or_its_inputs() -> None:
    definition = image_definition(lorasComponent=None)
    assert loras_panel(definition, {}) is None
    missing = image_definition(
        lorasComponent={"label": "L", "modelInput": "loras", "scaleInput": "ghost"}
    )
    assert loras_panel(missing, {}) is None


# --- presets -------------------------------------------------------------------------------


def test_preset_panels_one_per_group_with_field_labels() -> None:
    panels = preset_panels(image_definition(), {"__preset_0": ["Quality"]})
    assert [panel.index for panel in panels] == [0, 1]
    assert [panel.kind for panel in panels] == ["presets", "presets"]
    assert [panel.label for panel in panels] == ["Presets", "Presets"]
    assert consumes(image_definition(), Presets) == [(), ()]
    # Label, else name; a field the model does not declare shows its name.
    assert panels[0].field_labels == ["numInferenceSteps", "guidance"]
    assert panels[1].field_labels == ["scheduler", "sampler"]
    assert panels[0].choices == [
        Choice("Fast", "Fast", selected=False),
        Choice("Quality", "Quality", selected=True),
        Choice("Guided", "Guided", selected=False),
        Choice("Reset", "Reset", selected=False),
    ]
    assert panels[1].choices == [Choice("Classic", "Classic", selected=False)]


def test_preset_field_labels_use_input_labels() -> None:
    definition = make_definition(
        [{"name": "steps", "type": "number", "label": "Steps"}],
        {"presets": [{"fields": ["steps"], "presets": {"Fast": {"steps": 4}}}]},
    )
    assert preset_panels(definition, {})[0].field_labels == ["Steps"]


def test_no_presets_no_panels() -> None:
    assert preset_panels(image_definition(presets=None), {}) == []
