"""The pieces a form is laid out in: fields, components, groups and collapsed sections.

Each node draws itself and says which inputs it holds, so the layout never asks
what kind of node it has in hand. Components (see `components/`) bring nodes of
their own.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from scenario_ui.forms.bound import BoundInput, RenderOptions
from scenario_ui.forms.html import esc


class Node:
    kind: ClassVar[str]

    @property
    def label(self) -> str:
        """What a collapsed section holding this node is called."""
        return ""

    def bound_inputs(self) -> Sequence[BoundInput]:
        """The inputs drawn here: a collapsed section opens when one of them needs the user."""
        return ()

    def holds(self, name: str) -> bool:
        return any(bound.name == name for bound in self.bound_inputs())

    def render(self, options: RenderOptions) -> str:
        raise NotImplementedError


class FieldNode(Node):
    kind = "field"

    def __init__(self, bound: BoundInput) -> None:
        self.bound = bound

    @property
    def label(self) -> str:
        return self.bound.label

    def bound_inputs(self) -> Sequence[BoundInput]:
        return (self.bound,)

    def holds(self, name: str) -> bool:
        return self.bound.name == name

    def render(self, options: RenderOptions) -> str:
        return self.bound.render(options)


class ParentNode(Node):
    def __init__(self, children: list[Node]) -> None:
        self.children = children

    def bound_inputs(self) -> Sequence[BoundInput]:
        return [bound for child in self.children for bound in child.bound_inputs()]

    def holds(self, name: str) -> bool:
        return any(child.holds(name) for child in self.children)

    def render_children(self, options: RenderOptions) -> str:
        return "".join(child.render(options) for child in self.children)


class GroupNode(ParentNode):
    """Consecutive inputs of one `group`, in a fieldset."""

    kind = "group"

    def __init__(self, legend: str, children: list[Node]) -> None:
        super().__init__(children)
        self.legend = legend

    def render(self, options: RenderOptions) -> str:
        legend = esc(self.legend)
        return (
            f'<fieldset class="group" data-group="{legend}"><legend class="group__legend">'
            f"{legend}</legend>{self.render_children(options)}</fieldset>"
        )


class CollapsedNode(ParentNode):
    """An input (or component) that `inputProperties` collapses, behind a summary."""

    kind = "collapsed"

    def __init__(self, label: str, children: list[Node], *, is_open: bool) -> None:
        super().__init__(children)
        self._label = label
        self.is_open = is_open

    @property
    def label(self) -> str:
        return self._label

    def render(self, options: RenderOptions) -> str:
        opened = " open" if self.is_open else ""
        return (
            f'<details class="collapsed-section"{opened}><summary>{esc(self._label)}</summary>'
            f'<div class="collapsed-section__body">{self.render_children(options)}</div></details>'
        )
