"""Widgets: how one input is drawn. A small class whose `render` is its template.

Modelled on Django's `django/forms/widgets.py`, compiled: `render` writes the
control's HTML with f-strings (see `forms.html`), and the bound input (see
`bound.py`) supplies the shared accessibility attributes through
`control_attrs`. The buttons that reshape a list are drawn here too, once for
every plug-in that has items.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from scenario_ui.forms.actions import ADD_BUTTON
from scenario_ui.forms.bound import BoundInput, RenderOptions
from scenario_ui.forms.html import esc
from scenario_ui.forms.numbers import format_number
from scenario_ui.forms.texts import as_text

# The label of an allowed `""` (Meshy's `poseMode`: an explicit "none" choice) unless
# `uiConfig.selects` names it.
NONE_LABEL = "None"


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    selected: bool


class Widget:
    # How the input's label is drawn: a <label for>, a <legend> around several
    # controls, or inline after the control (checkboxes).
    label_mode: ClassVar[str] = "label"

    def render(self, bound: BoundInput, options: RenderOptions) -> str:
        raise NotImplementedError


def options_of(bound: BoundInput) -> list[Option]:
    """allowedValues in their order, labelled from `uiConfig.selects`, the posted ones chosen."""
    allowed = getattr(bound.spec, "allowed_values", None) or []
    chosen = set(bound.raw.get(bound.name, ()))
    labels = bound.select_labels
    # As a form posts them, which is also how `uiConfig.selects` keys them.
    texts = [as_text(value) for value in allowed]
    return [Option(text, labels.get(text, text or NONE_LABEL), text in chosen) for text in texts]


def option_tags(options: list[Option]) -> str:
    return "".join(
        f'<option value="{esc(option.value)}"{" selected" if option.selected else ""}>'
        f"{esc(option.label)}</option>"
        for option in options
    )


def number_attrs(spec: Any) -> str:
    """min/max/step for number controls; step "any" lets decimals through when unset."""
    step = getattr(spec, "step", None)
    parts = [
        f'{attr}="{esc(format_number(bound))}"'
        for attr, bound in (
            ("min", getattr(spec, "min", None)),
            ("max", getattr(spec, "max", None)),
        )
        if bound is not None
    ]
    parts.append(f'step="{esc(format_number(step)) if step else "any"}"')
    return " ".join(parts)


def has_slider(spec: Any) -> bool:
    return getattr(spec, "min", None) is not None and getattr(spec, "max", None) is not None


def item_suffix(index: int) -> str:
    """The first control keeps the input's own id, so the error summary can link to it."""
    return f"-{index}" if index else ""


def autofocus(bound: BoundInput, index: int) -> str:
    return " autofocus" if bound.focus_index == index else ""


# A row button redraws the whole form from every field it posts: it replaces a live update
# in flight instead of queueing behind it (the form's own sync), since that update's answer
# may redraw the button and a queued request of a redrawn button is never sent.
ROW_ACTION_SYNC = 'hx-sync="closest form:replace"'


def _action_button(options: RenderOptions, value: str, css: str, label: str, text: str) -> str:
    return (
        f'<button type="submit" class="{css}" name="__action" value="{esc(value)}" formnovalidate '
        f'hx-post="{esc(options.live_url)}" hx-target="#model-form" hx-swap="outerHTML" '
        f'{ROW_ACTION_SYNC} aria-label="{esc(label)}">{text}</button>'
    )


def item_buttons(options: RenderOptions, *, target: str, index: int, count: int, noun: str) -> str:
    """Move up, move down and remove for item `index` of `count`; they post `__action`."""
    number = index + 1
    buttons = []
    if index > 0:
        buttons.append(
            _action_button(
                options, f"up:{target}:{index}", "icon-button", f"Move {noun} {number} up", "↑"
            )
        )
    if index < count - 1:
        buttons.append(
            _action_button(
                options, f"down:{target}:{index}", "icon-button", f"Move {noun} {number} down", "↓"
            )
        )
    buttons.append(
        _action_button(
            options,
            f"remove:{target}:{index}",
            "icon-button icon-button--danger",
            f"Remove {noun} {number}",
            "✕",
        )
    )
    return f'<div class="item-buttons">{"".join(buttons)}</div>'


def add_button(options: RenderOptions, bound: BoundInput, *, noun: str) -> str:
    return (
        f'<button type="submit" class="button button--small" name="__action" '
        f'value="add:{esc(bound.name)}" formnovalidate hx-post="{esc(options.live_url)}" '
        f'hx-target="#model-form" hx-swap="outerHTML" {ROW_ACTION_SYNC}'
        f"{autofocus(bound, ADD_BUTTON)}>"
        f"+ Add {noun}</button>"
    )


def limit_note(limit: int | None, noun: str) -> str:
    return f'<p class="field__meta">At most {limit} {noun}.</p>'
