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
from scenario_ui.forms.fields.base import Field, FieldFactory, FormData, length_phrases
from scenario_ui.forms.fields.row_rules import (
    RowState,
    evaluate_row,
    holds_only_defaults,
    row_issues,
    row_phrases,
    with_defaults,
)
from scenario_ui.forms.html import esc
from scenario_ui.forms.issues import Invalid
from scenario_ui.forms.rules import required_inputs
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
        """The rows the person filled in, each completed with its fields' defaults.

        A row that holds nothing but the defaults it was pre-filled with is not sent.
        """
        rows: list[dict[str, Any]] = []
        for row in self.row_indexes(raw):
            fields = self.row_fields(row)
            state = evaluate_row(fields, raw)
            for one in fields:
                phrase = state.errors.get(one.spec.name)
                if phrase is not None:
                    # Numbered as `validate` numbers the rows kept so far.
                    label = one.spec.label or one.spec.name
                    raise Invalid(f"row {len(rows) + 1}: {label} {phrase}")
            if state.values and not holds_only_defaults(fields, state.values):
                rows.append(with_defaults(fields, state.values))
        return rows or None

    def validate(self, value: list[dict[str, Any]]) -> list[str]:
        """Each row checked as its own form: its rules hold against its own values."""
        phrases = length_phrases(len(value), self.spec.min_length, self.spec.max_length, "items")
        for number, row in enumerate(value, start=1):
            fields = self.row_fields(number - 1)
            state = RowState(row, required=required_inputs(fields, row))
            for one, phrase, message in row_phrases(fields, state):
                label = one.spec.label or one.spec.name
                phrases.append(f"row {number}: {message or f'{label} {phrase}'}")
        return phrases

    def required_within(self, raw: RawData) -> list[str]:
        """The posted names of the row fields required now (for live asterisks)."""
        names: list[str] = []
        for row, row_raw in self.drawn_rows(raw):
            fields = self.row_fields(row)
            required = evaluate_row(fields, row_raw).required
            names += [one.name for one in fields if one.spec.name in required]
        return names

    def drawn_rows(self, raw: RawData) -> list[tuple[int, RawData]]:
        """The posted rows, or one new row (pre-filled) when none was posted."""
        indexes = self.row_indexes(raw)
        if indexes:
            return [(index, raw) for index in indexes]
        return [(0, {**self.default_row(0), **raw})]

    def default_row(self, row: int) -> RawData:
        """A new row as drawn: its fields' defaults filled in."""
        raw: RawData = {}
        for one in self.row_fields(row):
            if one.spec.default is not None:
                raw.update(one.to_raw(one.spec.default))
        return raw

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
        prefix_length = len(f"{self.name}.0.")
        new_row = {key[prefix_length:]: texts for key, texts in self.default_row(0).items()}
        for position, row in enumerate(reshaped(ordered, action, new_row)):
            rest[self.row_marker(position)] = ["1"]
            for child, values in row.items():
                rest[f"{self.name}.{position}.{child}"] = values
        return rest

    # --- drawing -----------------------------------------------------------------------------

    def rows(self, raw: RawData, *, show_issues: bool) -> list[Row]:
        """The rows to draw, each child bound to its row's rules (one new row to start)."""
        drawn = []
        for index, row_raw in self.drawn_rows(raw):
            fields = self.row_fields(index)
            state = evaluate_row(fields, row_raw)
            issues = row_issues(fields, state) if show_issues else {}
            children = [
                one.bind(
                    row_raw,
                    requirement=state.required.get(one.spec.name),
                    issues=issues.get(one.name, ()),
                )
                for one in fields
            ]
            drawn.append(Row(marker=self.row_marker(index), children=children))
        return drawn

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
        rows = field.rows(bound.raw, show_issues=bool(bound.issues))
        label = esc(bound.label)
        drawn = []
        for index, row in enumerate(rows):
            focus = " autofocus" if bound.focus_index == index else ""
            children = _grouped(row.children, options)
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


def _grouped(children: list[BoundInput], options: RenderOptions) -> str:
    """A row's fields, consecutive fields of one `group` in a fieldset (as at top level)."""
    parts: list[str] = []
    group: str | None = None
    for child in children:
        wanted = child.spec.group or None
        if wanted != group:
            if group is not None:
                parts.append("</fieldset>")
            if wanted is not None:
                legend = esc(wanted)
                parts.append(
                    f'<fieldset class="group group--row" data-group="{legend}">'
                    f'<legend class="group__legend">{legend}</legend>'
                )
            group = wanted
        parts.append(child.render(options))
    if group is not None:
        parts.append("</fieldset>")
    return "".join(parts)
