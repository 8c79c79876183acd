"""The `inputs_array` plug-in: rows of nested inputs, each row drawn as a small form.

Rows post their children as "<name>.<row>.<child>" so they keep their order,
plus a marker, so a row the user added but left empty stays on screen. The
plug-in builds its children's plug-ins through the factory it is given (the
registry), so this module and the registry do not import each other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from scenario_ui.forms.actions import Action, reshaped
from scenario_ui.forms.bound import BoundInput, RawData, RenderOptions
from scenario_ui.forms.defined import is_defined
from scenario_ui.forms.fields.base import Field, FieldFactory, FormData, length_phrases
from scenario_ui.forms.html import esc
from scenario_ui.forms.issues import Invalid
from scenario_ui.forms.widgets import Widget
from scenario_ui.forms.widgets.base import add_button, item_buttons, limit_note
from scenario_ui.schema import InputBase, InputsArrayInput

ROW_MARKER = "__row"


@dataclass(frozen=True)
class Row:
    marker: str
    children: list[BoundInput]


class InputsArrayField(Field):
    input_type = "inputs_array"
    multiple = True
    spec: InputsArrayInput

    def __init__(
        self, spec: InputBase, *, name: str | None = None, fields: FieldFactory | None = None
    ) -> None:
        if fields is None:
            raise TypeError("an inputs_array plug-in needs `fields` to build its rows' inputs")
        super().__init__(spec, name=name)
        self.make_field = fields
        self._rows: dict[int, list[Field]] = {}
        self._row_key = re.compile(rf"^{re.escape(self.name)}\.(\d+)\.")

    def row_fields(self, row: int) -> list[Field]:
        fields = self._rows.get(row)
        if fields is None:
            fields = [
                self.make_field(child, name=f"{self.name}.{row}.{child.name}")
                for child in self.spec.inputs
            ]
            self._rows[row] = fields
        return fields

    def row_indexes(self, data: FormData) -> list[int]:
        pattern = self._row_key
        return sorted({int(m.group(1)) for key in data if (m := pattern.match(key))})

    def row_marker(self, row: int) -> str:
        """Posted with every row, so a row the user added but left empty stays on screen."""
        return f"{self.name}.{row}.{ROW_MARKER}"

    # --- posted data -> values ------------------------------------------------------------

    def extract(self, data: FormData) -> RawData:
        raw: RawData = {}
        for row in self.row_indexes(data):
            raw[self.row_marker(row)] = ["1"]
            for field in self.row_fields(row):
                raw.update(field.extract(data))
        return raw

    def to_python(self, raw: RawData) -> list[dict[str, Any]] | None:
        rows: list[dict[str, Any]] = []
        for row in self.row_indexes(raw):
            values = {}
            for field in self.row_fields(row):
                try:
                    value = field.to_python(field.extract(raw))
                except Invalid as invalid:
                    # Numbered as `validate` numbers the rows kept so far.
                    label = field.spec.label or field.spec.name
                    raise Invalid(f"row {len(rows) + 1}: {label} {invalid.phrase}") from None
                if is_defined(value):
                    values[field.spec.name] = value
            if values:
                rows.append(values)
        return rows or None

    def validate(self, value: list[dict[str, Any]]) -> list[str]:
        phrases = length_phrases(len(value), self.spec.min_length, self.spec.max_length, "items")
        for number, row in enumerate(value, start=1):
            for field in self.row_fields(number - 1):
                child = field.spec
                item = row.get(child.name)
                label = child.label or child.name
                if item is None:
                    if child.required is not None and child.required.always:
                        phrases.append(f"row {number}: {label} is required")
                    continue
                phrases += [f"row {number}: {label} {p}" for p in field.validate(item)]
        return phrases

    def to_raw(self, value: Any) -> RawData:
        raw: RawData = {}
        if not isinstance(value, list):
            return raw
        for row, item in enumerate(value):
            if not isinstance(item, dict):
                continue
            raw[self.row_marker(row)] = ["1"]
            for field in self.row_fields(row):
                raw.update(field.to_raw(item.get(field.spec.name)))
        return raw

    # --- row buttons -------------------------------------------------------------------------

    def item_count(self, raw: RawData) -> int:
        return len(self.row_indexes(raw))

    def reshape(self, raw: RawData, action: Action) -> RawData:
        """Add, remove or move a row; rows are renumbered 0..n-1 in their new order."""
        prefix = re.compile(rf"^{re.escape(self.name)}\.(\d+)\.(.+)$")
        rows: dict[int, RawData] = {}
        rest: RawData = {}
        for key, values in raw.items():
            match = prefix.match(key)
            if match:
                rows.setdefault(int(match.group(1)), {})[match.group(2)] = values
            else:
                rest[key] = values
        ordered = [rows[index] for index in sorted(rows)]
        for position, row in enumerate(reshaped(ordered, action, {})):
            rest[self.row_marker(position)] = ["1"]
            for child, values in row.items():
                rest[f"{self.name}.{position}.{child}"] = values
        return rest

    # --- drawing -----------------------------------------------------------------------------

    def rows(self, raw: RawData) -> list[Row]:
        """The rows to draw, each with its bound children (one empty row to start)."""
        return [
            Row(
                marker=self.row_marker(index),
                children=[field.bind(raw) for field in self.row_fields(index)],
            )
            for index in self.row_indexes(raw) or [0]
        ]

    def can_add_row(self, raw: RawData) -> bool:
        limit = self.spec.max_length
        return limit is None or self.item_count(raw) < limit

    def choose_widget(self) -> Widget:
        return RowsWidget(self)


class RowsWidget(Widget):
    """Rows of nested inputs, added, removed and reordered with buttons."""

    label_mode = "legend"

    def __init__(self, field: InputsArrayField) -> None:
        self.field = field

    def render(self, bound: BoundInput, options: RenderOptions) -> str:
        field = self.field
        rows = field.rows(bound.raw)
        label = esc(bound.label)
        drawn = []
        for index, row in enumerate(rows):
            focus = " autofocus" if bound.focus_index == index else ""
            children = "".join(child.render(options) for child in row.children)
            buttons = item_buttons(
                options, target=bound.name, index=index, count=len(rows), noun="row"
            )
            drawn.append(
                f'<li class="rows__row"><fieldset class="rows__set" tabindex="-1"{focus}>'
                f'<legend class="rows__legend">{label} {index + 1}</legend>'
                f'<input type="hidden" name="{esc(row.marker)}" value="1">'
                f'<div class="rows__fields">{children}</div>{buttons}</fieldset></li>'
            )
        more = (
            add_button(options, bound, noun="row")
            if field.can_add_row(bound.raw)
            else limit_note(field.spec.max_length, "rows")
        )
        # The list keeps the input's id: the error summary links here, and it names the
        # rows' message.
        return (
            f'<ol class="rows" id="{bound.html_id}" tabindex="-1" '
            f'aria-describedby="{bound.described_by}">{"".join(drawn)}</ol>{more}'
        )
