"""`triggerGenerate`: where the Generate button goes (after an input, first or last)."""

from __future__ import annotations

from scenario_ui.forms.bound import RawData, RenderOptions
from scenario_ui.forms.components.base import Bound, Component, Fields
from scenario_ui.forms.html import esc
from scenario_ui.forms.nodes import Node
from scenario_ui.schema import ModelDefinition

DEFAULT_TRIGGER_LABEL = "Generate"


class Trigger(Component):
    def __init__(self, label: str, *, follows: str | None, at_top: bool) -> None:
        self.label = label
        self.follows = follows
        self.at_top = at_top

    @classmethod
    def of(cls, definition: ModelDefinition, fields: Fields) -> list[Component]:
        """Every form has its button; `triggerGenerate` only moves and names it."""
        trigger = definition.ui_config.trigger_generate
        if trigger is None:
            return [cls(DEFAULT_TRIGGER_LABEL, follows=None, at_top=False)]
        return [
            cls(
                trigger.label or DEFAULT_TRIGGER_LABEL,
                follows=trigger.after,
                at_top=trigger.position == "top",
            )
        ]

    def node(self, bound: Bound, raw: RawData) -> Node:
        return TriggerNode(self.label)


class TriggerNode(Node):
    kind = "trigger"

    def __init__(self, label: str) -> None:
        self._label = label

    @property
    def label(self) -> str:
        return self._label

    def render(self, options: RenderOptions) -> str:
        if options.submit_refusal:
            refusal = esc(options.submit_refusal)
            return (
                '<div class="form-actions" data-component="trigger">'
                f'<p class="alert alert--info" id="submit-refusal">{refusal}</p></div>'
            )
        estimate = (
            '<output id="cost-estimate" class="cost-estimate" aria-live="polite" '
            f'hx-post="{esc(options.estimate_url)}" hx-include="#model-form" '
            'hx-trigger="load, cost-inputs-changed from:#model-form delay:500ms" '
            'hx-sync="this:replace" hx-swap="innerHTML"></output>'
            if options.estimate_url
            else ""
        )
        return (
            '<div class="form-actions" data-component="trigger"><button type="submit" '
            'class="button button--primary button--large" name="__submit" value="1" '
            f'formenctype="multipart/form-data">{esc(self._label)}</button>{estimate}</div>'
        )
