"""An input bound to its current values, issues and requirement, ready to draw.

Like Django's `BoundField`, this is the one place that decides the shared
attributes of a control: id, name, `required`/`aria-required`, `aria-invalid`
and `aria-describedby`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from scenario_ui.forms.fields import Field, RawData, field_for
from scenario_ui.forms.fields.base import as_text
from scenario_ui.forms.issues import Issue
from scenario_ui.forms.numbers import format_number
from scenario_ui.forms.rules import Requirement
from scenario_ui.forms.widgets import Widget, widget_for
from scenario_ui.schema import InputBase

ACCEPT_BY_KIND = {
    "image": "image/*",
    "image-hdr": "image/*,.hdr,.exr",
    "video": "video/*",
    "audio": "audio/*",
    "3d": ".glb,.gltf,.obj,.fbx,.usdz,.stl,.ply",
    "document": ".pdf,.txt,.md,.doc,.docx",
    "json": "application/json,.json",
    "text": "text/*,.txt,.md,.csv,.json",
}


def html_id_for(name: str) -> str:
    return "in-" + re.sub(r"[^A-Za-z0-9_-]+", "-", name)


@dataclass
class Option:
    value: str
    label: str
    selected: bool


@dataclass
class Row:
    marker: str
    children: list[BoundInput]


@dataclass
class BoundInput:
    spec: InputBase
    raw: RawData
    issues: list[Issue] = field(default_factory=list)
    requirement: Requirement | None = None
    select_labels: dict[str, str] = field(default_factory=dict)
    name: str = ""
    # The item (or row) to focus after a button changed the form's shape.
    focus_index: int | None = None

    def __post_init__(self) -> None:
        self.name = self.name or self.spec.name

    @cached_property
    def field(self) -> Field:
        return field_for(self.spec, name=self.name)

    @cached_property
    def widget(self) -> Widget:
        return widget_for(self.spec)

    @cached_property
    def wrapper_attrs(self) -> SafeString:
        """The HTML contract on the input's wrapper: data-input, its type, required, cost."""
        attrs = format_html(
            'class="field field--{}" data-input="{}" data-input-type="{}"',
            self.input_type,
            self.name,
            self.input_type,
        )
        if self.is_required:
            attrs += SafeString(' data-required="true"')
        if self.spec.cost_impact:
            attrs += SafeString(" data-cost-impact")
        return SafeString(attrs)

    @cached_property
    def description_html(self) -> SafeString:
        if not self.spec.description:
            return SafeString("")
        return format_html(
            '<p class="field__description" id="{}">{}</p>',
            self.description_id,
            self.spec.description,
        )

    @cached_property
    def label_html(self) -> SafeString:
        """The label's content: text, the CSS-drawn required marker, a cost badge.

        Built here rather than in an included template: it is drawn once per input,
        and includes dominate the render time of large forms.
        """
        cost = (
            format_html(
                ' <span class="cost-badge" title="{}">affects cost</span>',
                "Changing this changes the cost",
            )
            if self.spec.cost_impact
            else ""
        )
        return format_html(
            '{}<span class="required-marker" aria-hidden="true"></span>{}', self.label, cost
        )

    @cached_property
    def hint_html(self) -> SafeString:
        """The hint as a focusable tooltip (kept outside the label, so not in its name)."""
        hint = self.spec.hint
        if not hint:
            return SafeString("")
        return format_html(
            '<span class="hint-tip" tabindex="0" role="note" aria-label="Hint for {}: {}" '
            'data-tip="{}">?</span>',
            self.label,
            hint,
            hint,
        )

    @cached_property
    def label_mode(self) -> str:
        """A single-valued picker or file field has one main control: a plain <label> names it."""
        mode = self.widget.label_mode
        if mode == "legend" and not self.field.multiple:
            return "label"
        return mode

    @property
    def widget_context(self) -> dict[str, Any]:
        return self.widget.get_context(self)

    @cached_property
    def input_type(self) -> str:
        return self.spec.type or "unknown"

    @cached_property
    def label(self) -> str:
        return self.spec.label or self.spec.name

    @cached_property
    def html_id(self) -> str:
        return html_id_for(self.name)

    @cached_property
    def description_id(self) -> str:
        return f"{self.html_id}-description"

    @cached_property
    def error_id(self) -> str:
        return f"{self.html_id}-error"

    @property
    def is_required(self) -> bool:
        return self.requirement is not None

    @cached_property
    def error_text(self) -> str:
        return " ".join(issue.form_message for issue in self.issues)

    @cached_property
    def described_by(self) -> str:
        ids = [self.description_id] if self.spec.description else []
        return " ".join([*ids, self.error_id])

    def control_attrs(self, suffix: str = "") -> SafeString:
        """The accessibility attributes every control of this input carries."""
        attrs: list[tuple[str, str]] = [
            ("id", self.html_id + suffix),
            ("aria-describedby", self.described_by),
        ]
        if self.is_required:
            attrs += [("required", ""), ("aria-required", "true")]
        if self.issues:
            attrs.append(("aria-invalid", "true"))
        return format_html_join(" ", '{}="{}"', attrs)

    @cached_property
    def attrs(self) -> SafeString:
        return self.control_attrs()

    @property
    def value_text(self) -> str:
        values = self.raw.get(self.name, [])
        return values[-1] if values else ""

    def item_texts(self) -> list[str]:
        """The items as typed, blanks included (an added slot stays until filled)."""
        if not self.field.multiple:
            return [self.value_text]
        return list(self.raw.get(self.name, [])) or [""]

    @property
    def can_add_item(self) -> bool:
        limit = self.max_items
        return limit is None or len(self.raw.get(self.name, [])) < limit

    @property
    def max_items(self) -> int | None:
        if not self.field.multiple:
            return 1
        return getattr(self.spec, "max_length", None)

    def options(self) -> list[Option]:
        allowed = getattr(self.spec, "allowed_values", None) or []
        chosen = set(self.raw.get(self.name, []))
        return [
            Option(
                as_text(value),
                self.select_labels.get(as_text(value), as_text(value)),
                as_text(value) in chosen,
            )
            for value in allowed
        ]

    @cached_property
    def number_attrs(self) -> SafeString:
        """min/max/step for number controls; step "any" lets decimals through when unset."""
        step = getattr(self.spec, "step", None)
        attrs = [
            (attr, format_number(bound))
            for attr, bound in (
                ("min", getattr(self.spec, "min", None)),
                ("max", getattr(self.spec, "max", None)),
            )
            if bound is not None
        ]
        attrs.append(("step", format_number(step) if step else "any"))
        return format_html_join(" ", '{}="{}"', attrs)

    @property
    def has_slider(self) -> bool:
        return (
            getattr(self.spec, "min", None) is not None
            and getattr(self.spec, "max", None) is not None
        )

    @property
    def accept(self) -> str:
        return ACCEPT_BY_KIND.get(str(getattr(self.spec, "kind", "") or ""), "")

    def rows(self) -> list[Row]:
        """inputs_array rows, each with its bound children (one empty row to start)."""
        from scenario_ui.forms.fields.arrays import InputsArrayField

        assert isinstance(self.field, InputsArrayField)
        indexes = self.field.row_indexes(self.raw) or [0]
        return [
            Row(
                marker=self.field.row_marker(index),
                children=[
                    BoundInput(spec=child.spec, raw=self.raw, name=child.name)
                    for child in self.field.row_fields(index)
                ],
            )
            for index in indexes
        ]

    @property
    def can_add_row(self) -> bool:
        from scenario_ui.forms.fields.arrays import InputsArrayField

        assert isinstance(self.field, InputsArrayField)
        limit = self.spec_max_length
        return limit is None or len(self.field.row_indexes(self.raw)) < limit

    @property
    def spec_max_length(self) -> int | None:
        value = getattr(self.spec, "max_length", None)
        return value if isinstance(value, int) else None
