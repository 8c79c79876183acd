"""Widgets: how one input is drawn. A small class, a template, a context.

Modelled on Django's `django/forms/widgets.py`: the widget knows its template
and builds the context; the bound input (see `bound.py`) owns the shared
accessibility attributes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from django.utils.safestring import SafeString

from scenario_ui.forms.numbers import format_number
from scenario_ui.forms.uploads import describe_size

if TYPE_CHECKING:
    from scenario_ui.forms.bound import BoundInput


@dataclass(frozen=True)
class Item:
    value: str
    attrs: SafeString


class Widget:
    template_name: ClassVar[str]
    # How the input's label is drawn: a <label for>, a <legend> around several
    # controls, or inline after the control (checkboxes).
    label_mode: ClassVar[str] = "label"

    def get_context(self, bound: BoundInput) -> dict[str, Any]:
        return {"bound": bound, "widget": self, "value": bound.value_text}


class CheckboxWidget(Widget):
    template_name = "widgets/checkbox.html"
    label_mode = "inline"


class TextWidget(Widget):
    template_name = "widgets/text.html"


class TextareaWidget(Widget):
    template_name = "widgets/textarea.html"


class ColorWidget(Widget):
    template_name = "widgets/color.html"


class NumberWidget(Widget):
    """A number field, with a slider beside it when both bounds are known."""

    template_name = "widgets/number.html"


class SelectWidget(Widget):
    """allowedValues as a select, labelled from uiConfig.selects in allowedValues order."""

    template_name = "widgets/select.html"

    def get_context(self, bound: BoundInput) -> dict[str, Any]:
        context = super().get_context(bound)
        context["options"] = bound.options()
        return context


class MultiSelectWidget(SelectWidget):
    template_name = "widgets/multiselect.html"
    most_rows_shown: ClassVar[int] = 6

    def get_context(self, bound: BoundInput) -> dict[str, Any]:
        context = super().get_context(bound)
        context["size"] = min(max(len(context["options"]), 2), self.most_rows_shown)
        return context


class ListWidget(Widget):
    """A list of text or number items, one field each, plus one empty slot to add."""

    template_name = "widgets/list.html"
    label_mode = "legend"

    def get_context(self, bound: BoundInput) -> dict[str, Any]:
        context = super().get_context(bound)
        # The first control keeps the input's own id, so the error summary can link to it.
        context["items"] = [
            Item(value=text, attrs=bound.control_attrs(f"-{index}" if index else ""))
            for index, text in enumerate(bound.item_texts())
        ]
        return context


class FileWidget(ListWidget):
    """Asset ids (or a data URL), or a file to upload: `maxLength` items at most."""

    template_name = "widgets/file.html"

    def get_context(self, bound: BoundInput) -> dict[str, Any]:
        context = super().get_context(bound)
        context["limits"] = file_limits(bound)
        context["multiple"] = bound.field.multiple
        return context


def file_limits(bound: BoundInput) -> list[str]:
    """What the file must be, as short phrases shown under the upload field."""
    spec = bound.spec
    kind = getattr(spec, "kind", None)
    max_size = getattr(spec, "max_size", None)
    low, high = getattr(spec, "min_duration", None), getattr(spec, "max_duration", None)
    background = getattr(spec, "background_behavior", None)
    mask_from = getattr(spec, "mask_from", None)
    limits = [f"Kind: {kind}"] if kind else []
    if max_size:
        limits.append(f"Up to {describe_size(max_size)} each")
    if bound.field.multiple and bound.max_items:
        limits.append(f"At most {bound.max_items} files")
    if low or high:
        span = " ".join(
            part
            for part in (
                f"from {format_number(low)} s" if low else "",
                f"up to {format_number(high)} s" if high else "",
            )
            if part
        )
        limits.append(f"Duration {span}")
    if background:
        limits.append(f"Background: {background}")
    if mask_from:
        limits.append(f"Mask for the “{mask_from}” image")
    return limits


class ModelPickerWidget(ListWidget):
    """Model ids, searched as you type among catalog models of the allowed types."""

    template_name = "widgets/model.html"


class RowsWidget(Widget):
    """inputs_array: rows of nested inputs, added, removed and reordered with buttons."""

    template_name = "widgets/rows.html"
    label_mode = "legend"

    def get_context(self, bound: BoundInput) -> dict[str, Any]:
        context = super().get_context(bound)
        context["rows"] = bound.rows()
        return context


class JsonWidget(Widget):
    """An input of a type we do not know: edited as JSON text, with a notice."""

    template_name = "widgets/json.html"
