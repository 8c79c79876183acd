"""One registry: input type -> widget (chosen from the input's own fields) -> template."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from scenario_ui.forms.widgets.base import (
    CheckboxWidget,
    ColorWidget,
    FileWidget,
    JsonWidget,
    ListWidget,
    ModelPickerWidget,
    MultiSelectWidget,
    NumberWidget,
    RowsWidget,
    SelectWidget,
    TextareaWidget,
    TextWidget,
    Widget,
)
from scenario_ui.schema import InputBase, StringInput, UnknownInput


def _string_widget(spec: StringInput) -> Widget:
    if spec.allowed_values:
        return SelectWidget()
    if spec.color:
        return ColorWidget()
    if spec.prompt:
        return TextareaWidget()
    return TextWidget()


def _choice_or(widget: type[Widget], choices: type[Widget]) -> Callable[[Any], Widget]:
    return lambda spec: choices() if getattr(spec, "allowed_values", None) else widget()


WIDGET_CHOOSERS: dict[str, Callable[[Any], Widget]] = {
    "boolean": lambda spec: CheckboxWidget(),
    "number": _choice_or(NumberWidget, SelectWidget),
    "string": _string_widget,
    "string_array": _choice_or(ListWidget, MultiSelectWidget),
    "number_array": _choice_or(ListWidget, MultiSelectWidget),
    "file": lambda spec: FileWidget(),
    "file_array": lambda spec: FileWidget(),
    "model": lambda spec: ModelPickerWidget(),
    "model_array": lambda spec: ModelPickerWidget(),
    "inputs_array": lambda spec: RowsWidget(),
}


def widget_for(spec: InputBase) -> Widget:
    if isinstance(spec, UnknownInput):
        return JsonWidget()
    return WIDGET_CHOOSERS[spec.type](spec)
