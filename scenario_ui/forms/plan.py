"""A definition's form, planned once: each input's plug-in, the components, where each goes.

Everything here depends on the definition only, so it is computed once per
parsed definition (`plan_for` keeps it as long as the definition lives) and
every render, live update and submission of that definition reuses it.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass

from scenario_ui.forms.actions import Action, Focus, focus_index
from scenario_ui.forms.bound import BoundInput, RawData
from scenario_ui.forms.components import Component, components_for
from scenario_ui.forms.fields import Field, FormData, field_for
from scenario_ui.forms.memo import PerDefinition
from scenario_ui.forms.nodes import FieldNode, Node
from scenario_ui.schema import ModelDefinition

Draw = Callable[[Mapping[str, BoundInput], RawData], Node]


@dataclass(frozen=True)
class Slot:
    """One place in the form: an input or a component, its group, whether it is collapsed."""

    draw: Draw
    names: tuple[str, ...]
    group: str | None
    collapsed: bool


class FormPlan:
    def __init__(self, definition: ModelDefinition) -> None:
        ui_config = definition.ui_config
        self.input_names = definition.input_names
        # Every input, in definition order; a duplicated name keeps its first input.
        self.fields = [field_for(spec) for spec in definition.inputs]
        self.field_named: dict[str, Field] = {}
        for field in self.fields:
            self.field_named.setdefault(field.name, field)
        self.select_labels = ui_config.selects
        self.input_labels = {name: f.presentation.label for name, f in self.field_named.items()}
        self.components = components_for(definition, self.field_named)
        collapsed = {name for name, props in ui_config.input_properties.items() if props.collapsed}
        self.slots = _placed(self, collapsed)

    # --- the value side of the components -------------------------------------------------

    def read_posted(self, raw: RawData, data: FormData) -> RawData:
        """The components' posted controls (pickers, presets) applied to `raw`."""
        filled: set[str] = set()
        for component in self.components:
            raw = component.read_posted(raw, data, filled)
        return self.refresh(raw, filled) if filled else raw

    def refresh(self, raw: RawData, filled: Collection[str]) -> RawData:
        for component in self.components:
            raw = component.refresh(raw, filled)
        return raw

    def settle(self, raw: RawData) -> RawData:
        for component in self.components:
            raw = component.settle(raw)
        return raw

    # --- row buttons -------------------------------------------------------------------------

    def reshape(self, raw: RawData, action: Action) -> RawData:
        """The button's effect: the component drawing the input applies it, else its plug-in."""
        field = self.field_named.get(action.input_name)
        if field is None or action.verb == "refresh":
            return raw
        for component in self.components:
            changed = component.reshape(raw, action)
            if changed is not None:
                return changed
        return field.reshape(raw, action)

    def focus_after(self, raw: RawData, action: Action) -> Focus | None:
        field = self.field_named.get(action.input_name)
        if field is None:
            return None
        index = focus_index(action, field.item_count(raw))
        return None if index is None else Focus(action.input_name, index)


def _placed(plan: FormPlan, collapsed: set[str]) -> list[Slot]:
    """Inputs in definition order; a component where its first input was, or as it asks."""
    owners = {name: component for component in plan.components for name in component.consumes}
    before: dict[str | None, list[Component]] = {}
    for component in plan.components:
        if component.precedes and not component.consumes:
            first = next((n for n in plan.input_names if n in component.precedes), None)
            before.setdefault(first, []).append(component)
    slots: list[Slot] = []
    placed: set[int] = set()
    for name, field in plan.field_named.items():
        group = field.spec.group
        slots += [Slot(c.node, (), group, collapsed=False) for c in before.pop(name, [])]
        owner = owners.get(name)
        if owner is None:
            slots.append(Slot(_field_node(name), (name,), group, name in collapsed))
        elif id(owner) not in placed:
            placed.add(id(owner))
            slots.append(Slot(owner.node, owner.consumes, group, name in collapsed))
    for leftovers in before.values():
        slots += [Slot(c.node, (), None, collapsed=False) for c in leftovers]
    for component in plan.components:
        if not (component.consumes or component.precedes):
            _place_free(slots, component)
    return slots


def _place_free(slots: list[Slot], component: Component) -> None:
    """Right after the input it follows (in that input's group), else first or last."""
    if component.follows is not None:
        for index, slot in enumerate(slots):
            if component.follows in slot.names:
                slots.insert(index + 1, Slot(component.node, (), slot.group, collapsed=False))
                return
    slot = Slot(component.node, (), None, collapsed=False)
    if component.at_top:
        slots.insert(0, slot)
    else:
        slots.append(slot)


def _field_node(name: str) -> Draw:
    return lambda bound, raw: FieldNode(bound[name])


_plans: PerDefinition[FormPlan] = PerDefinition()


def plan_for(definition: ModelDefinition) -> FormPlan:
    """The definition's plan, made on first use and kept while the definition lives."""
    return _plans.get(definition, lambda: FormPlan(definition))
