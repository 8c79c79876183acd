"""`resolutionComponent`: a size picker standing for the width and height inputs.

The picker posts a choice: a preset index, or "custom" (then width and height
are typed, and snapped to the sizes the model accepts). A label-only preset
("Auto") leaves both out of the request.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from scenario_ui.forms.bound import BoundInput, RawData, RenderOptions
from scenario_ui.forms.components.base import Bound, Component, Fields
from scenario_ui.forms.fields import Field, FormData
from scenario_ui.forms.html import esc
from scenario_ui.forms.nodes import Node
from scenario_ui.forms.numbers import format_number, parse_number, snap
from scenario_ui.forms.widgets import Option
from scenario_ui.forms.widgets.base import option_tags
from scenario_ui.schema import ModelDefinition, NumberInput
from scenario_ui.schema import ResolutionComponent as ResolutionConfig

RESOLUTION_CHOICE = "__resolution"
CUSTOM_RESOLUTION = "custom"


class Resolution(Component):
    reshaping_triggers = (RESOLUTION_CHOICE,)

    def __init__(self, config: ResolutionConfig, width: Field, height: Field) -> None:
        self.config = config
        self.width = width
        self.height = height
        self.consumes = (width.name, height.name)

    @classmethod
    def of(cls, definition: ModelDefinition, fields: Fields) -> list[Component]:
        config = definition.ui_config.resolution_component
        if config is None:
            return []
        width, height = fields.get(config.width_input), fields.get(config.height_input)
        if width is None or height is None:
            return []
        return [cls(config, width, height)]

    def choice_for(self, raw: RawData) -> str:
        """Which picker entry shows the current width/height: a matching preset, else custom."""
        width = _number(raw.get(self.width.name))
        height = _number(raw.get(self.height.name))
        for index, preset in enumerate(self.config.presets):
            if preset.width is None and preset.height is None:
                if width is None and height is None:
                    return str(index)
            elif (preset.width, preset.height) == (width, height):
                return str(index)
        return CUSTOM_RESOLUTION

    def read_posted(self, raw: RawData, data: FormData, filled: set[str]) -> RawData:
        if RESOLUTION_CHOICE in data:
            raw[RESOLUTION_CHOICE] = list(data[RESOLUTION_CHOICE])
        return self.apply_choice(raw)

    def apply_choice(self, raw: RawData) -> RawData:
        """A preset sets width and height; a label-only preset ("Auto") leaves both out."""
        choice = (raw.get(RESOLUTION_CHOICE) or [""])[-1]
        if choice == CUSTOM_RESOLUTION:
            return self._snap_custom_size(raw)
        index = choice_index(choice, len(self.config.presets))
        if index is None:
            raw[RESOLUTION_CHOICE] = [self.choice_for(raw)]
            return raw
        preset = self.config.presets[index]
        for name, size in ((self.width.name, preset.width), (self.height.name, preset.height)):
            if size is None:
                raw.pop(name, None)
            else:
                raw[name] = [format_number(size)]
        return raw

    def refresh(self, raw: RawData, filled: Collection[str]) -> RawData:
        # Else the picker keeps showing the old entry, and the next post undoes the change.
        if self.width.name in filled or self.height.name in filled:
            return {**raw, RESOLUTION_CHOICE: [self.choice_for(raw)]}
        return raw

    def _snap_custom_size(self, raw: RawData) -> RawData:
        """A custom width/height moves to the nearest size the model accepts."""
        for field in (self.width, self.height):
            spec = field.spec
            value = _number(raw.get(field.name))
            if value is None or not isinstance(spec, NumberInput):
                continue
            raw[field.name] = [
                format_number(snap(value, step=spec.step, low=spec.min, high=spec.max))
            ]
        return raw

    def node(self, bound: Bound, raw: RawData) -> Node:
        choice = (raw.get(RESOLUTION_CHOICE) or [""])[-1]
        choices = [
            Option(str(index), preset.label, choice == str(index))
            for index, preset in enumerate(self.config.presets)
        ]
        choices.append(Option(CUSTOM_RESOLUTION, "Custom size", choice == CUSTOM_RESOLUTION))
        return ResolutionNode(
            label=self.config.label,
            choices=choices,
            width=bound[self.width.name],
            height=bound[self.height.name],
            is_custom=choice == CUSTOM_RESOLUTION,
        )


class ResolutionNode(Node):
    kind = "resolution"

    def __init__(
        self,
        *,
        label: str,
        choices: list[Option],
        width: BoundInput,
        height: BoundInput,
        is_custom: bool,
    ) -> None:
        self._label = label
        self.choices = choices
        self.width = width
        self.height = height
        self.is_custom = is_custom

    @property
    def label(self) -> str:
        return self._label

    def bound_inputs(self) -> Sequence[BoundInput]:
        return (self.width, self.height)

    def render(self, options: RenderOptions) -> str:
        width, height = self.width, self.height
        cost = " data-cost-impact" if width.spec.cost_impact or height.spec.cost_impact else ""
        if self.is_custom:
            sizes = (
                f'<div class="panel__pair">{width.render(options)}{height.render(options)}</div>'
                '<p class="field__meta">Custom sizes snap to the model\'s step and limits.</p>'
            )
        elif width.value_text:
            sizes = (
                f'<p class="field__meta">{esc(width.value_text)} \N{MULTIPLICATION SIGN} '
                f"{esc(height.value_text)} pixels</p>"
            )
        else:
            sizes = '<p class="field__meta">The model picks the size.</p>'
        return (
            f'<fieldset class="panel" data-component="resolution"{cost}>'
            f'<legend class="group__legend">{esc(self._label)}</legend><div class="field">'
            '<label class="field__label" for="resolution-choice">Size</label>'
            f'<select id="resolution-choice" name="{RESOLUTION_CHOICE}" '
            f'hx-post="{esc(options.live_url)}" hx-trigger="change consume" '
            f'hx-target="#model-form" hx-swap="outerHTML">{option_tags(self.choices)}</select>'
            '<noscript><button type="submit" class="button button--small" name="__action" '
            f'value="refresh:{RESOLUTION_CHOICE}">Update size</button></noscript></div>'
            f"{sizes}</fieldset>"
        )


def choice_index(choice: str, count: int) -> int | None:
    """A posted index into `count` entries; None for anything else ("custom", "²", "9")."""
    # ASCII only: "²".isdigit() holds, yet int("²") raises.
    if choice.isascii() and choice.isdigit() and int(choice) < count:
        return int(choice)
    return None


def _number(texts: list[str] | None) -> int | float | None:
    if not texts or not texts[-1].strip():
        return None
    try:
        return parse_number(texts[-1])
    except ValueError:
        return None
