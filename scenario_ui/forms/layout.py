"""The form of one render: each planned slot bound to the current state, then grouped.

Where each input and component goes was decided once (`plan.FormPlan.slots`);
here every input is bound to its values, issues and requirement, each slot
becomes a node, and consecutive slots of a group share a fieldset. Nothing
here renders: nodes draw themselves.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cached_property

from scenario_ui.forms.bound import BoundInput, RawData
from scenario_ui.forms.nodes import CollapsedNode, GroupNode, Node
from scenario_ui.forms.plan import FormPlan, plan_for
from scenario_ui.forms.validation import FormState


class FormLayout:
    """Every input bound; the nodes made when first asked for (a live answer draws none)."""

    def __init__(self, plan: FormPlan, bound: dict[str, BoundInput], raw: RawData) -> None:
        self.plan = plan
        self.bound = bound
        self.raw = raw

    @cached_property
    def nodes(self) -> list[Node]:
        return _nodes(self.plan, self.bound, self.raw)


def build_layout(state: FormState, *, show_issues_for: Iterable[str] | None = None) -> FormLayout:
    """Lay out the form; issues show only for `show_issues_for` (all when None)."""
    plan = plan_for(state.definition)
    shown = None if show_issues_for is None else set(show_issues_for)
    return FormLayout(plan, _bind_all(plan, state, shown), state.values.raw)


def _nodes(plan: FormPlan, bound: dict[str, BoundInput], raw: RawData) -> list[Node]:
    nodes: list[Node] = []
    group: GroupNode | None = None
    for slot in plan.slots:
        node = slot.draw(bound, raw)
        if slot.collapsed:
            # Open when it holds a message, or the control a row button just added or
            # moved (a closed section would swallow the focus).
            is_open = any(b.issues or b.focus_index is not None for b in node.bound_inputs())
            node = CollapsedNode(node.label, [node], is_open=is_open)
        if slot.group is None:
            group = None
            nodes.append(node)
        elif group is not None and group.legend == slot.group:
            group.children.append(node)
        else:
            group = GroupNode(slot.group, [node])
            nodes.append(group)
    return nodes


def _bind_all(plan: FormPlan, state: FormState, shown: set[str] | None) -> dict[str, BoundInput]:
    raw = state.values.raw
    issues = state.issues
    required = state.required
    labels = plan.select_labels
    bound = {
        name: BoundInput(
            field,
            raw,
            issues=issues.get(name, ()) if shown is None or name in shown else (),
            requirement=required.get(name),
            select_labels=labels.get(name),
            input_labels=plan.input_labels,
        )
        for name, field in plan.field_named.items()
    }
    focus = state.values.focus
    if focus is not None and focus.name in bound:
        bound[focus.name].focus_index = focus.index
    return bound
