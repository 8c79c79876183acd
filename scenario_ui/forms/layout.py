"""Where each input goes: definition order, groups, collapsed sections, components, the button.

The result is a tree of nodes the form template walks; nothing here renders.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from scenario_ui.forms.bound import BoundInput
from scenario_ui.forms.panels import (
    LorasPanel,
    Panel,
    PresetPanel,
    ResolutionPanel,
    loras_panel,
    preset_panels,
    resolution_panel,
)
from scenario_ui.forms.validation import FormState
from scenario_ui.schema import ModelDefinition


@dataclass
class FieldNode:
    bound: BoundInput
    kind: str = "field"


@dataclass
class PanelNode:
    panel: Panel
    kind: str = "panel"


@dataclass
class TriggerNode:
    label: str
    kind: str = "trigger"


@dataclass
class CollapsedNode:
    label: str
    children: list[Node]
    is_open: bool
    kind: str = "collapsed"


@dataclass
class GroupNode:
    legend: str
    children: list[Node] = field(default_factory=list)
    kind: str = "group"


Node = FieldNode | PanelNode | TriggerNode | CollapsedNode | GroupNode

DEFAULT_TRIGGER_LABEL = "Generate"


@dataclass
class _Item:
    node: Node
    names: tuple[str, ...]
    group: str | None
    collapsed: bool


@dataclass
class FormLayout:
    nodes: list[Node]
    bound: dict[str, BoundInput]


def build_layout(state: FormState, *, show_issues_for: Iterable[str] | None = None) -> FormLayout:
    """Lay out the form; issues show only for `show_issues_for` (all when None)."""
    definition = state.definition
    shown = None if show_issues_for is None else set(show_issues_for)
    bound = _bind_all(state, shown)
    items = _items(definition, state, bound)
    nodes = _grouped(items)
    _place_trigger(definition, nodes)
    return FormLayout(nodes=nodes, bound=bound)


def _bind_all(state: FormState, shown: set[str] | None) -> dict[str, BoundInput]:
    labels = state.definition.ui_config.selects
    bound: dict[str, BoundInput] = {}
    for spec in state.definition.inputs:
        if spec.name in bound:
            continue  # A duplicate name (a definition problem): the first one wins.
        issues = state.issues.get(spec.name, []) if shown is None or spec.name in shown else []
        bound[spec.name] = BoundInput(
            spec=spec,
            raw=state.values.raw,
            issues=issues,
            requirement=state.required.get(spec.name),
            select_labels=labels.get(spec.name, {}),
        )
    focus = state.values.focus
    if focus is not None and focus.name in bound:
        bound[focus.name].focus_index = focus.index
    return bound


def _items(
    definition: ModelDefinition, state: FormState, bound: dict[str, BoundInput]
) -> list[_Item]:
    panels: list[Panel] = [
        panel
        for panel in (resolution_panel(definition, bound.get), loras_panel(definition, bound.get))
        if panel is not None
    ]
    consumed = {name: panel for panel in panels for name in panel.consumes}
    presets_before: dict[str | None, list[PresetPanel]] = {}
    for preset_panel in preset_panels(definition, state.values.raw):
        fields = definition.ui_config.presets[preset_panel.index].fields
        first = next((name for name in definition.input_names if name in fields), None)
        presets_before.setdefault(first, []).append(preset_panel)
    properties = definition.ui_config.input_properties
    items: list[_Item] = []
    placed: set[int] = set()
    for name, one in bound.items():
        group = one.spec.group
        items += [
            _Item(PanelNode(preset), (), group, collapsed=False)
            for preset in presets_before.pop(name, [])
        ]
        collapsed = bool(properties.get(name) and properties[name].collapsed)
        panel = consumed.get(name)
        if panel is None:
            items.append(_Item(FieldNode(one), (name,), group, collapsed))
        elif id(panel) not in placed:
            placed.add(id(panel))
            items.append(_Item(PanelNode(panel), panel.consumes, group, collapsed))
    for leftovers in presets_before.values():
        items += [_Item(PanelNode(p), (), None, collapsed=False) for p in leftovers]
    return items


def _grouped(items: list[_Item]) -> list[Node]:
    nodes: list[Node] = []
    current: GroupNode | None = None
    for item in items:
        node = _collapsible(item)
        if item.group is None:
            current = None
            nodes.append(node)
        elif current is not None and current.legend == item.group:
            current.children.append(node)
        else:
            current = GroupNode(legend=item.group, children=[node])
            nodes.append(current)
    return nodes


def _collapsible(item: _Item) -> Node:
    if not item.collapsed:
        return item.node
    node = item.node
    label = node.bound.label if isinstance(node, FieldNode) else _label_of(node)
    # Open when it holds a message, or the control a row button just added or moved
    # (a closed section would swallow the focus).
    is_open = any(bound.issues or bound.focus_index is not None for bound in _bound_inputs(node))
    return CollapsedNode(label=label, children=[node], is_open=is_open)


def _bound_inputs(node: Node) -> list[BoundInput]:
    """The inputs a node draws: a collapsed component opens when any of them has an issue."""
    if isinstance(node, FieldNode):
        return [node.bound]
    if isinstance(node, PanelNode) and isinstance(node.panel, ResolutionPanel):
        return [node.panel.width, node.panel.height]
    if isinstance(node, PanelNode) and isinstance(node.panel, LorasPanel):
        return [b for b in (node.panel.models, node.panel.scales, node.panel.model_id) if b]
    return []


def _label_of(node: Node) -> str:
    return node.panel.label if isinstance(node, PanelNode) else ""


def _place_trigger(definition: ModelDefinition, nodes: list[Node]) -> None:
    trigger = definition.ui_config.trigger_generate
    button = TriggerNode(label=(trigger.label if trigger else "") or DEFAULT_TRIGGER_LABEL)
    if trigger is not None and trigger.after and _insert_after(nodes, trigger.after, button):
        return
    if trigger is not None and trigger.position == "top":
        nodes.insert(0, button)
    else:
        nodes.append(button)


def _insert_after(nodes: list[Node], name: str, button: TriggerNode) -> bool:
    for index, node in enumerate(nodes):
        if _holds(node, name):
            if isinstance(node, GroupNode) and _insert_after(node.children, name, button):
                return True
            nodes.insert(index + 1, button)
            return True
    return False


def _holds(node: Node, name: str) -> bool:
    if isinstance(node, FieldNode):
        return node.bound.name == name
    if isinstance(node, PanelNode):
        return name in node.panel.consumes
    if isinstance(node, CollapsedNode | GroupNode):
        return any(_holds(child, name) for child in node.children)
    return False
