"""The uiConfig component plug-in: one class per component, listed once in `registry`.

Like Django's `MultiValueField` with its `MultiWidget`, a component stands for
several inputs at once. It says which inputs it draws in their place
(`consumes`) and where it goes otherwise (`precedes`, `follows`, `at_top`); it
maps its own posted controls onto those inputs (`read_posted`, `refresh`,
`settle`); it owns the buttons on its rows (`reshape`); and it draws itself
through the inputs' `BoundInput`s (`node`).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import ClassVar

from scenario_ui.forms.actions import Action
from scenario_ui.forms.bound import BoundInput, RawData
from scenario_ui.forms.fields import Field, FormData
from scenario_ui.forms.nodes import Node
from scenario_ui.schema import ModelDefinition

Fields = Mapping[str, Field]
Bound = Mapping[str, BoundInput]


class Component:
    # Posted keys that mean "draw the form again in its new shape", never "submit".
    reshaping_keys: ClassVar[tuple[str, ...]] = ()
    # Controls (named by htmx's HX-Trigger-Name) whose change redraws the whole form.
    reshaping_triggers: ClassVar[tuple[str, ...]] = ()

    # Where it goes: in place of the first input it consumes; else before the first
    # of `precedes`; else right after the input `follows` names; else first or last.
    consumes: tuple[str, ...] = ()
    precedes: tuple[str, ...] = ()
    follows: str | None = None
    at_top: bool = False

    @classmethod
    def of(cls, definition: ModelDefinition, fields: Fields) -> list[Component]:
        """The instances this definition asks for (none when its inputs are missing)."""
        raise NotImplementedError

    def read_posted(self, raw: RawData, data: FormData, filled: set[str]) -> RawData:
        """Apply the component's posted controls to `raw`; add the inputs it set to `filled`."""
        return raw

    def refresh(self, raw: RawData, filled: Collection[str]) -> RawData:
        """Inputs in `filled` got values from elsewhere (a preset, a JSON object): follow them."""
        return raw

    def settle(self, raw: RawData) -> RawData:
        """Tidy `raw` before it becomes values (not while a button reshapes the form)."""
        return raw

    def reshape(self, raw: RawData, action: Action) -> RawData | None:
        """Apply a row button aimed at an input this component draws; None if not its own."""
        return None

    def node(self, bound: Bound, raw: RawData) -> Node:
        """What it draws in this render, from its inputs' bound state and the posted `raw`."""
        raise NotImplementedError
