"""The controls of the built-in input types, each a `Widget` whose `render` is its template."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import ClassVar

from scenario_ui.forms.bound import BoundInput, RenderOptions
from scenario_ui.forms.html import esc
from scenario_ui.forms.numbers import format_number
from scenario_ui.forms.widgets.base import (
    Widget,
    add_button,
    autofocus,
    has_slider,
    item_buttons,
    item_suffix,
    limit_note,
    number_attrs,
    option_tags,
    options_of,
)


def _text_limits(bound: BoundInput) -> str:
    spec = bound.spec
    placeholder = getattr(spec, "placeholder", None)
    max_length = getattr(spec, "max_length", None)
    min_length = getattr(spec, "min_length", None)
    return (
        (f' placeholder="{esc(placeholder)}"' if placeholder else "")
        + (f' maxlength="{max_length}"' if max_length else "")
        + (f' minlength="{min_length}"' if min_length else "")
    )


class CheckboxWidget(Widget):
    label_mode = "inline"

    def render(self, bound: BoundInput, options: RenderOptions) -> str:
        presentation = bound.presentation
        name = esc(bound.name)
        # With a default, unchecking must send false; without one, unchecked leaves the API's.
        unchecked = (
            f'<input type="hidden" name="{name}" value="false">'
            if bound.spec.default is not None
            else ""
        )
        checked = " checked" if bound.value_text == "true" else ""
        return (
            f'<div class="check">{unchecked}<input type="checkbox" name="{name}" value="true"'
            f"{checked} {bound.attrs}>"
            f'<label class="field__label" for="{presentation.html_id}">{presentation.label_html}'
            f"</label>{presentation.hint_html}</div>"
        )


class TextWidget(Widget):
    def render(self, bound: BoundInput, options: RenderOptions) -> str:
        return (
            f'<input type="text" name="{esc(bound.name)}" value="{esc(bound.value_text)}" '
            f"{bound.attrs}{_text_limits(bound)}>"
        )


class TextareaWidget(Widget):
    def render(self, bound: BoundInput, options: RenderOptions) -> str:
        spec = bound.spec
        max_length = getattr(spec, "max_length", None)
        rows = 4 if getattr(spec, "prompt", None) else 3
        placeholder = f' placeholder="{esc(spec.placeholder)}"' if spec.placeholder else ""
        limit = f' maxlength="{max_length}"' if max_length else ""
        note = f'<p class="field__meta">Up to {max_length} characters.</p>' if max_length else ""
        return (
            f'<textarea name="{esc(bound.name)}" rows="{rows}" {bound.attrs}{placeholder}{limit}>'
            f"{esc(bound.value_text)}</textarea>{note}{_prompt_spark(bound, options)}"
        )


def _prompt_spark(bound: BoundInput, options: RenderOptions) -> str:
    """ "Improve prompt": posts the form with this input's name; the offer appears below."""
    if not getattr(bound.spec, "prompt_spark", None) or not options.prompt_spark_url:
        return ""
    offer = f"{bound.html_id}-spark"
    return (
        f'<div class="prompt-spark"><button type="button" class="button button--small" '
        f'name="__spark" value="{esc(bound.name)}" hx-post="{esc(options.prompt_spark_url)}" '
        f'hx-target="#{offer}" hx-swap="innerHTML" hx-sync="this:replace" '
        f'aria-controls="{offer}">Improve prompt</button>'
        f'<div id="{offer}" class="prompt-spark__offer" aria-live="polite"></div></div>'
    )


class ColorWidget(Widget):
    def render(self, bound: BoundInput, options: RenderOptions) -> str:
        value = esc(bound.value_text)
        placeholder = esc(bound.spec.placeholder or "#rrggbb")
        # A colour control always holds a colour: with none chosen it is marked empty and
        # drawn as "no colour", not as the black it must hold.
        empty = "" if value else " data-empty"
        return (
            f'<div class="color-field"><input type="color" value="{value or "#000000"}" '
            f'data-mirror="{bound.html_id}" aria-hidden="true" tabindex="-1"{empty}>'
            f'<input type="text" name="{esc(bound.name)}" value="{value}" {bound.attrs} '
            f'placeholder="{placeholder}" pattern="#[0-9a-fA-F]{{6}}" spellcheck="false"></div>'
        )


class NumberWidget(Widget):
    """A number field, with a slider beside it when both bounds are known."""

    def render(self, bound: BoundInput, options: RenderOptions) -> str:
        spec = bound.spec
        bounds = number_attrs(spec)
        value = esc(bound.value_text)
        slider = ""
        if has_slider(spec):
            at = value or esc(format_number(getattr(spec, "min", 0)))
            slider = (
                f'<input type="range" class="number-field__slider" value="{at}" {bounds} '
                f'data-mirror="{bound.html_id}" aria-hidden="true" tabindex="-1">'
            )
        return (
            f'<div class="number-field"><input type="number" name="{esc(bound.name)}" '
            f'value="{value}" inputmode="decimal" {bounds} {bound.attrs}>{slider}</div>'
        )


class SelectWidget(Widget):
    """allowedValues as a select, labelled from uiConfig.selects in allowedValues order."""

    def render(self, bound: BoundInput, options: RenderOptions) -> str:
        choices = options_of(bound)
        blank = ""
        if any(choice.value == "" for choice in choices):
            # An allowed "" is the blank choice itself: one blank option, chosen when nothing
            # else is (a blank value is never sent, like the API's own "" default).
            if not any(choice.selected for choice in choices):
                choices = [replace(c, selected=c.value == "") for c in choices]
        elif not bound.is_required or not bound.value_text:
            blank = f'<option value="">{"Choose…" if bound.is_required else "Default"}</option>'
        return (
            f'<select name="{esc(bound.name)}" {bound.attrs}>{blank}{option_tags(choices)}</select>'
        )


class MultiSelectWidget(Widget):
    most_rows_shown: ClassVar[int] = 6

    def size(self, bound: BoundInput) -> int:
        count = len(getattr(bound.spec, "allowed_values", None) or [])
        return min(max(count, 2), self.most_rows_shown)

    def render(self, bound: BoundInput, options: RenderOptions) -> str:
        max_length = getattr(bound.spec, "max_length", None)
        most = f" At most {max_length}." if max_length else ""
        return (
            f'<select name="{esc(bound.name)}" multiple size="{self.size(bound)}" {bound.attrs}>'
            f"{option_tags(options_of(bound))}</select>"
            f'<p class="field__meta">Hold Ctrl (⌘ on Mac) or Shift to pick several.{most}</p>'
        )


class ListWidget(Widget):
    """A list of text items, one field each, plus one empty slot to add."""

    label_mode = "legend"

    def item_control(self, bound: BoundInput) -> str:
        """The attributes every item's <input> shares."""
        return f'type="text" name="{esc(bound.name)}"'

    def render(self, bound: BoundInput, options: RenderOptions) -> str:
        label = esc(bound.label)
        control = self.item_control(bound)
        texts = bound.item_texts()
        items = "".join(
            f'<li class="item-list__item"><input {control} value="{esc(text)}" '
            f"{bound.control_attrs(item_suffix(index))}{autofocus(bound, index)} "
            f'aria-label="{label} {index + 1}">'
            + item_buttons(options, target=bound.name, index=index, count=len(texts), noun="item")
            + "</li>"
            for index, text in enumerate(texts)
        )
        more = (
            add_button(options, bound, noun="item")
            if bound.can_add_item
            else limit_note(bound.max_items, "items")
        )
        return f'<ol class="item-list">{items}</ol>{more}'


class NumberListWidget(ListWidget):
    """A list of numbers: number fields with the input's bounds."""

    def item_control(self, bound: BoundInput) -> str:
        return (
            f'type="number" name="{esc(bound.name)}" inputmode="decimal" {number_attrs(bound.spec)}'
        )


class ModelPickerWidget(Widget):
    """Model ids, searched as you type among catalog models of the allowed types."""

    label_mode = "legend"

    def render(self, bound: BoundInput, options: RenderOptions) -> str:
        multiple = bound.field.multiple
        texts = bound.item_texts()
        list_id = f"{bound.html_id}-options"
        items = "".join(
            f'<li class="item-list__item">{model_search(bound, options, text, index)}'
            + (
                item_buttons(
                    options, target=bound.name, index=index, count=len(texts), noun="model"
                )
                if multiple
                else ""
            )
            + "</li>"
            for index, text in enumerate(texts)
        )
        model_types = getattr(bound.spec, "model_types", None)
        types = (
            f'<p class="field__meta">Models of type {esc(", ".join(model_types))}.</p>'
            if model_types
            else ""
        )
        more = ""
        if multiple:
            more = (
                add_button(options, bound, noun="model")
                if bound.can_add_item
                else limit_note(bound.max_items, "models")
            )
        return (
            f'<ol class="item-list">{items}</ol><datalist id="{list_id}"></datalist>{types}{more}'
        )


def model_search(
    bound: BoundInput,
    options: RenderOptions,
    text: str,
    index: int,
    *,
    placeholder: str = "Search models by name or paste a model id",
    named: bool = True,
) -> str:
    """One model id field: type to search catalog models of the input's types (a datalist)."""
    types = ",".join(getattr(bound.spec, "model_types", None) or [])
    search = json.dumps({"field": bound.name, "types": types})
    label = (
        f' aria-label="{esc(bound.label)} {index + 1}"' if named and bound.field.multiple else ""
    )
    return (
        f'<input type="text" name="{esc(bound.name)}" value="{esc(text)}" '
        f'list="{bound.html_id}-options" autocomplete="off" spellcheck="false" '
        f'placeholder="{esc(placeholder)}" {bound.control_attrs(item_suffix(index))}'
        f"{autofocus(bound, index)}{label} "
        f'hx-get="{esc(options.model_options_url)}" hx-trigger="input changed delay:300ms, '
        f'focus once" hx-target="#{bound.html_id}-options" hx-swap="innerHTML" '
        f'hx-sync="this:replace" hx-vals="{esc(search)}">'
        f"{_picked_model(bound, options, text, index, search)}"
    )


def _picked_model(
    bound: BoundInput, options: RenderOptions, text: str, index: int, search: str
) -> str:
    """The chosen model's name, type and thumbnail, asked for when the id is set or changes."""
    if not options.picked_model_url:
        return ""
    control = f"{bound.html_id}{item_suffix(index)}"
    trigger = f"{'load, ' if text.strip() else ''}change from:#{control}"
    return (
        f'<span class="picked-model" id="{control}-picked" aria-live="polite" '
        f'hx-get="{esc(options.picked_model_url)}" hx-trigger="{trigger}" '
        f'hx-include="#{control}" hx-vals="{esc(search)}" hx-swap="innerHTML"></span>'
    )


class JsonWidget(Widget):
    """An input of a type we do not know: edited as JSON text, with a notice."""

    def render(self, bound: BoundInput, options: RenderOptions) -> str:
        return (
            f'<p class="notice">This input has a type this app does not know '
            f"(<code>{esc(bound.spec.type or 'none')}</code>). Enter its value as JSON; it is "
            f'sent as is.</p><textarea name="{esc(bound.name)}" rows="3" class="mono" '
            f'spellcheck="false" {bound.attrs}>{esc(bound.value_text)}</textarea>'
        )
