"""Fields of list-valued inputs. `maxLength` counts items on every one of them."""

from __future__ import annotations

import re
from typing import Any, ClassVar

from scenario_ui.forms.defined import is_defined, same_value
from scenario_ui.forms.fields.base import Field, FormData, RawData, length_phrases
from scenario_ui.forms.fields.scalars import is_integer_input, number_phrases
from scenario_ui.forms.issues import Invalid
from scenario_ui.forms.numbers import Number, parse_number
from scenario_ui.forms.uploads import Upload, upload_phrases
from scenario_ui.schema import (
    FileArrayInput,
    InputsArrayInput,
    ModelArrayInput,
    NumberArrayInput,
    StringArrayInput,
)

ROW_MARKER = "__row"


class ArrayField(Field):
    multiple = True
    unit: ClassVar[str] = "items"

    def to_python(self, raw: RawData) -> list[Any] | None:
        texts = [text for text in raw.get(self.name, []) if text.strip() != ""]
        return [self.convert(text) for text in texts] or None

    def validate(self, value: list[Any]) -> list[str]:
        spec = self.spec
        phrases = length_phrases(
            len(value),
            getattr(spec, "min_length", None),
            getattr(spec, "max_length", None),
            "items",
        )
        for item in value:
            phrases += [p for p in self.validate_item(item) if p not in phrases]
        return phrases

    def validate_item(self, item: Any) -> list[str]:
        return []


class StringArrayField(ArrayField):
    input_type = "string_array"
    spec: StringArrayInput

    def validate_item(self, item: str) -> list[str]:
        allowed = self.spec.allowed_values
        return [self.allowed_phrase()] if allowed and item not in allowed else []


class NumberArrayField(ArrayField):
    input_type = "number_array"
    spec: NumberArrayInput

    def convert(self, text: str) -> Number:
        try:
            return parse_number(text)
        except ValueError:
            raise Invalid("must be a list of numbers") from None

    def validate_item(self, item: Number) -> list[str]:
        allowed = self.spec.allowed_values
        if allowed:
            return [] if any(same_value(item, o) for o in allowed) else [self.allowed_phrase()]
        spec = self.spec
        return number_phrases(
            item, low=spec.min, high=spec.max, step=spec.step, integer=is_integer_input(spec)
        )


class FileArrayField(ArrayField):
    input_type = "file_array"
    spec: FileArrayInput

    def convert(self, text: str) -> str:
        return text.strip()

    def validate_item(self, item: str | Upload) -> list[str]:
        if isinstance(item, Upload):
            return upload_phrases(item, kind=self.spec.kind, max_size=self.spec.max_size)
        return []


class ModelArrayField(ArrayField):
    input_type = "model_array"
    spec: ModelArrayInput

    def convert(self, text: str) -> str:
        return text.strip()


class InputsArrayField(Field):
    """Rows of nested inputs, posted as "<name>.<row>.<child>" so rows keep their order."""

    input_type = "inputs_array"
    multiple = True
    spec: InputsArrayInput

    def row_fields(self, row: int) -> list[Field]:
        from scenario_ui.forms.fields.registry import field_for

        return [
            field_for(child, name=f"{self.name}.{row}.{child.name}") for child in self.spec.inputs
        ]

    def row_indexes(self, data: FormData) -> list[int]:
        pattern = re.compile(rf"^{re.escape(self.name)}\.(\d+)\.")
        return sorted({int(m.group(1)) for key in data if (m := pattern.match(key))})

    def row_marker(self, row: int) -> str:
        """Posted with every row, so a row the user added but left empty stays on screen."""
        return f"{self.name}.{row}.{ROW_MARKER}"

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
