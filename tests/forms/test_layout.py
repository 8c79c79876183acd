from __future__ import annotations

from typing import Any

from scenario_ui.forms.components.loras import Loras, LorasNode
from scenario_ui.forms.components.presets import PresetsNode
from scenario_ui.forms.components.resolution import Resolution, ResolutionNode
from scenario_ui.forms.components.trigger import DEFAULT_TRIGGER_LABEL, TriggerNode
from scenario_ui.forms.layout import FormLayout, build_layout
from scenario_ui.forms.nodes import CollapsedNode, FieldNode, GroupNode, Node
from scenario_ui.forms.plan import plan_for
from scenario_ui.forms.validation import evaluate
from scenario_ui.forms.values import initial_values, values_from_data
from scenario_ui.forms.widgets.base import options_of
from scenario_ui.schema import ModelDefinition, parse_definition
from tests.forms.conftest import image_definition, make_definition


def layout_of(
    definition: ModelDefinition,
    data: dict[str, list[str]] | None = None,
    *,
    show_issues_for: list[str] | None = None,
) -> FormLayout:
    values = initial_values(definition) if data is None else values_from_data(definition, data)
    return build_layout(evaluate(definition, values), show_issues_for=show_issues_for)


def shape(nodes: list[Node]) -> list[Any]:
    """The tree in short: names, component kinds, ("group", legend, [...]), ("collapsed", ...)."""
    result: list[Any] = []
    for node in nodes:
        if isinstance(node, FieldNode):
            result.append(node.bound.name)
        elif isinstance(node, TriggerNode):
            result.append(f"trigger:{node.label}")
        elif isinstance(node, GroupNode):
            result.append(("group", node.legend, shape(node.children)))
        elif isinstance(node, CollapsedNode):
            result.append(("collapsed", node.label, node.is_open, shape(node.children)))
        else:
            result.append(node.kind)
    return result


def consumed_by(definition: ModelDefinition, kind: type) -> tuple[str, ...]:
    (component,) = [c for c in plan_for(definition).components if isinstance(c, kind)]
    return component.consumes


def inputs(*names: str, group: str | None = None, **extra: Any) -> list[dict[str, Any]]:
    return [
        {"name": name, "type": "string", **({"group": group} if group else {}), **extra}
        for name in names
    ]


def test_inputs_in_definition_order_and_the_button_last() -> None:
    layout = layout_of(make_definition(inputs("b", "a", "c")))
    assert shape(layout.nodes) == ["b", "a", "c", "trigger:Generate"]
    assert DEFAULT_TRIGGER_LABEL == "Generate"
    assert list(layout.bound) == ["b", "a", "c"]
    assert all(isinstance(node.kind, str) for node in layout.nodes)
    assert [node.kind for node in layout.nodes] == ["field", "field", "field", "trigger"]


def test_consecutive_inputs_of_a_group_share_a_fieldset() -> None:
    definition = make_definition(
        [
            *inputs("prompt"),
            *inputs("steps", "guidance", group="Settings"),
            *inputs("seed"),
            *inputs("width", group="Settings"),
            *inputs("mask", group="Image"),
        ]
    )
    assert shape(layout_of(definition).nodes) == [
        "prompt",
        ("group", "Settings", ["steps", "guidance"]),
        "seed",
        # The same group again after another input is a second fieldset.
        ("group", "Settings", ["width"]),
        ("group", "Image", ["mask"]),
        "trigger:Generate",
    ]


def test_collapsed_inputs_start_closed() -> None:
    definition = make_definition(
        [
            {"name": "prompt", "type": "string"},
            {"name": "negativePrompt", "type": "string", "label": "Negative prompt"},
            {"name": "seed", "type": "number", "group": "Settings"},
        ],
        {"inputProperties": {"negativePrompt": {"collapsed": True}, "seed": {"collapsed": True}}},
    )
    layout = layout_of(definition)
    assert shape(layout.nodes) == [
        "prompt",
        ("collapsed", "Negative prompt", False, ["negativePrompt"]),
        ("group", "Settings", [("collapsed", "seed", False, ["seed"])]),
        "trigger:Generate",
    ]


def test_collapsed_false_is_not_collapsed() -> None:
    definition = make_definition(
        inputs("prompt"), {"inputProperties": {"prompt": {"collapsed": False}}}
    )
    assert shape(layout_of(definition).nodes) == ["prompt", "trigger:Generate"]


def test_a_collapsed_input_with_an_issue_opens() -> None:
    definition = make_definition(
        [{"name": "seed", "type": "number", "min": 0}],
        {"inputProperties": {"seed": {"collapsed": True}}},
    )
    data = {"seed": ["-5"]}
    assert shape(layout_of(definition, data).nodes)[0] == ("collapsed", "seed", True, ["seed"])
    # An issue that is not shown yet keeps it closed.
    closed = layout_of(definition, data, show_issues_for=[])
    assert shape(closed.nodes)[0] == ("collapsed", "seed", False, ["seed"])
    assert closed.bound["seed"].issues == []
    shown = layout_of(definition, data, show_issues_for=["seed"])
    assert [issue.phrase for issue in shown.bound["seed"].issues] == ["must be at least 0"]


def test_a_collapsed_input_opens_when_a_row_button_targets_it() -> None:
    definition = make_definition(
        [{"name": "tags", "type": "string_array"}],
        {"inputProperties": {"tags": {"collapsed": True}}},
    )
    assert shape(layout_of(definition, {"tags": ["a"]}).nodes)[0] == (
        "collapsed",
        "tags",
        False,
        ["tags"],
    )
    added = layout_of(definition, {"tags": ["a"], "__action": ["add:tags"]})
    assert shape(added.nodes)[0] == ("collapsed", "tags", True, ["tags"])
    assert added.bound["tags"].focus_index == 1


def test_show_issues_for_filters_the_bound_issues() -> None:
    definition = make_definition(
        [
            {"name": "a", "type": "string", "required": {"always": True}},
            {"name": "b", "type": "number", "max": 1},
        ]
    )
    data = {"b": ["3"]}
    everything = layout_of(definition, data)
    assert [len(everything.bound[name].issues) for name in "ab"] == [1, 1]
    only_b = layout_of(definition, data, show_issues_for=["b"])
    assert [len(only_b.bound[name].issues) for name in "ab"] == [0, 1]
    # Requirement is bound whether or not its message shows.
    assert only_b.bound["a"].is_required is True
    assert only_b.bound["b"].is_required is False


def test_select_labels_are_bound_per_input() -> None:
    definition = make_definition(
        [{"name": "mode", "type": "string", "allowedValues": ["a", "b"]}],
        {"selects": {"mode": {"b": "Bee"}, "ghost": {"x": "X"}}},
    )
    bound = layout_of(definition).bound["mode"]
    assert bound.select_labels == {"b": "Bee"}
    assert [option.label for option in options_of(bound)] == ["a", "Bee"]


# --- components -----------------------------------------------------------------------------


def test_the_resolution_picker_replaces_width_and_height() -> None:
    definition = image_definition(lorasComponent=None, presets=None)
    layout = layout_of(definition)
    assert shape(layout.nodes) == [
        "prompt",
        "resolution",
        "loras",
        "lorasScale",
        "numInferenceSteps",
        "guidance",
        "scheduler",
        "trigger:Generate",
    ]
    panel = layout.nodes[1]
    assert isinstance(panel, ResolutionNode)
    assert consumed_by(definition, Resolution) == ("width", "height")
    # Consumed inputs are still bound, for the panel and the error summary.
    assert panel.width is layout.bound["width"]


def test_the_loras_component_replaces_models_scales_and_model_id() -> None:
    definition = make_definition(
        [
            {"name": "prompt", "type": "string"},
            {"name": "lorasScale", "type": "number_array", "group": "Style"},
            {"name": "modelId", "type": "model", "group": "Style"},
            {"name": "loras", "type": "model_array", "group": "Style"},
            {"name": "seed", "type": "number", "group": "Style"},
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
    layout = layout_of(definition)
    # Placed where the first of its inputs is, in that input's group.
    assert shape(layout.nodes) == [
        "prompt",
        ("group", "Style", ["loras", "seed"]),
        "trigger:Generate",
    ]
    group = layout.nodes[1]
    assert isinstance(group, GroupNode)
    panel_node = group.children[0]
    assert isinstance(panel_node, LorasNode)
    assert consumed_by(definition, Loras) == ("loras", "lorasScale", "modelId")


def test_a_component_naming_a_missing_input_is_left_out() -> None:
    definition = make_definition(
        inputs("width", "loras"),
        {
            "resolutionComponent": {
                "label": "Size",
                "widthInput": "width",
                "heightInput": "height",
                "presets": [],
            },
            "lorasComponent": {"label": "L", "modelInput": "loras", "scaleInput": "scales"},
        },
    )
    assert shape(layout_of(definition).nodes) == ["width", "loras", "trigger:Generate"]


def test_a_collapsed_component_stays_one_collapsed_section() -> None:
    definition = image_definition(
        lorasComponent=None, presets=None, inputProperties={"width": {"collapsed": True}}
    )
    nodes = layout_of(definition).nodes
    assert shape(nodes)[:3] == [
        "prompt",
        ("collapsed", "Dimensions", False, ["resolution"]),
        "loras",
    ]


def test_a_collapsed_component_opens_when_one_of_its_inputs_has_an_issue() -> None:
    definition = image_definition(
        resolutionComponent=None, presets=None, inputProperties={"loras": {"collapsed": True}}
    )
    data = {"loras": ["model_a"], "lorasScale": ["5"]}
    nodes = layout_of(definition, data).nodes
    assert shape(nodes)[3] == ("collapsed", "LoRAs", True, ["loras"])


# --- presets --------------------------------------------------------------------------------


def test_preset_pickers_come_before_the_first_of_their_fields() -> None:
    definition = image_definition(lorasComponent=None, resolutionComponent=None)
    layout = layout_of(definition)
    assert shape(layout.nodes) == [
        "prompt",
        "width",
        "height",
        "loras",
        "lorasScale",
        "presets",
        "numInferenceSteps",
        "guidance",
        "presets",
        "scheduler",
        "trigger:Generate",
    ]
    indexes = [node.index for node in layout.nodes if isinstance(node, PresetsNode)]
    assert indexes == [0, 1]


def test_preset_placement_follows_definition_order_not_the_fields_order() -> None:
    definition = make_definition(
        [*inputs("a"), *inputs("b", "c", group="G")],
        {"presets": [{"fields": ["c", "b"], "presets": {"P": {"b": "1", "c": "2"}}}]},
    )
    assert shape(layout_of(definition).nodes) == [
        "a",
        ("group", "G", ["presets", "b", "c"]),
        "trigger:Generate",
    ]


def test_a_preset_of_unknown_fields_goes_last_before_the_button() -> None:
    definition = make_definition(
        inputs("a"), {"presets": [{"fields": ["ghost"], "presets": {"P": {"ghost": 1}}}]}
    )
    assert shape(layout_of(definition).nodes) == ["a", "presets", "trigger:Generate"]


# --- the generate button --------------------------------------------------------------------


def test_trigger_at_the_top() -> None:
    definition = make_definition(
        inputs("a", "b"), {"triggerGenerate": {"label": "Go", "position": "top"}}
    )
    assert shape(layout_of(definition).nodes) == ["trigger:Go", "a", "b"]


def test_trigger_at_the_bottom() -> None:
    definition = make_definition(
        inputs("a", "b"), {"triggerGenerate": {"label": "Render", "position": "bottom"}}
    )
    assert shape(layout_of(definition).nodes) == ["a", "b", "trigger:Render"]


def test_trigger_without_a_label_says_generate() -> None:
    definition = make_definition(inputs("a"), {"triggerGenerate": {"label": ""}})
    assert shape(layout_of(definition).nodes) == ["a", "trigger:Generate"]


def test_trigger_after_an_input() -> None:
    definition = make_definition(
        inputs("prompt", "style"), {"triggerGenerate": {"label": "Go", "after": "prompt"}}
    )
    assert shape(layout_of(definition).nodes) == ["prompt", "trigger:Go", "style"]


def test_trigger_after_an_input_inside_a_group_stays_in_the_group() -> None:
    definition = make_definition(
        [*inputs("prompt"), *inputs("steps", "seed", group="Settings")],
        {"triggerGenerate": {"label": "Go", "after": "steps"}},
    )
    assert shape(layout_of(definition).nodes) == [
        "prompt",
        ("group", "Settings", ["steps", "trigger:Go", "seed"]),
    ]


def test_trigger_after_a_collapsed_input_follows_the_section() -> None:
    definition = make_definition(
        inputs("prompt", "seed"),
        {
            "triggerGenerate": {"label": "Go", "after": "prompt"},
            "inputProperties": {"prompt": {"collapsed": True}},
        },
    )
    assert shape(layout_of(definition).nodes) == [
        ("collapsed", "prompt", False, ["prompt"]),
        "trigger:Go",
        "seed",
    ]


def test_trigger_after_an_input_of_a_component_follows_the_component() -> None:
    definition = image_definition(
        lorasComponent=None, presets=None, triggerGenerate={"label": "Go", "after": "height"}
    )
    assert shape(layout_of(definition).nodes)[:4] == ["prompt", "resolution", "trigger:Go", "loras"]


def test_trigger_after_an_unknown_input_falls_back_to_the_bottom() -> None:
    definition = make_definition(
        inputs("a", "b"), {"triggerGenerate": {"label": "Go", "after": "ghost"}}
    )
    assert shape(layout_of(definition).nodes) == ["a", "b", "trigger:Go"]


def test_exactly_one_trigger() -> None:
    definition = make_definition(
        [*inputs("a", group="G"), *inputs("b")],
        {"triggerGenerate": {"label": "Go", "after": "a"}},
    )
    nodes = layout_of(definition).nodes
    assert shape(nodes) == [("group", "G", ["a", "trigger:Go"]), "b"]


# --- broken definitions ---------------------------------------------------------------------


def test_duplicate_names_are_laid_out_once_the_first_wins() -> None:
    definition = parse_definition(
        {
            "id": "m",
            "inputs": [
                {"name": "a", "type": "string", "label": "First"},
                {"name": "b", "type": "boolean"},
                {"name": "a", "type": "number", "label": "Second"},
            ],
        }
    )
    layout = layout_of(definition)
    assert shape(layout.nodes) == ["a", "b", "trigger:Generate"]
    assert layout.bound["a"].label == "First"
    assert layout.bound["a"].input_type == "string"


def test_no_inputs_only_the_button() -> None:
    layout = layout_of(make_definition([]))
    assert shape(layout.nodes) == ["trigger:Generate"]
    assert layout.bound == {}


def test_collapsed_node_type() -> None:
    definition = make_definition(inputs("a"), {"inputProperties": {"a": {"collapsed": True}}})
    node = layout_of(definition).nodes[0]
    assert isinstance(node, CollapsedNode)
    assert node.kind == "collapsed"
    assert isinstance(node.children[0], FieldNode)
