"""Plug-ins of list-valued inputs. `maxLength` counts items on every one of them.

(`inputs_array`, whose items are rows of inputs, has a module of its own: `rows`.)
"""

from __future__ import annotations

from functools import cached_property
from typing import Any

from scenario_ui.forms.bound import RawData
from scenario_ui.forms.defined import same_value
from scenario_ui.forms.fields.base import Field, length_phrases
from scenario_ui.forms.fields.scalars import is_integer_input, number_phrases
from scenario_ui.forms.issues import Invalid
from scenario_ui.forms.numbers import Number, parse_number
from scenario_ui.forms.uploads import Upload, upload_phrases
from scenario_ui.forms.widgets import Widget
from scenario_ui.forms.widgets.controls import (
    ListWidget,
    ModelPickerWidget,
    MultiSelectWidget,
    NumberListWidget,
)
from scenario_ui.forms.widgets.files import FileWidget
from scenario_ui.schema import (
    FileArrayInput,
    ModelArrayInput,
    NumberArrayInput,
    StringArrayInput,
)


class ArrayField(Field):
    multiple = True

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

    def choose_widget(self) -> Widget:
        return MultiSelectWidget() if getattr(self.spec, "allowed_values", None) else ListWidget()


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
            item, low=spec.min, high=spec.max, step=spec.step, integer=self.integer
        )

    @cached_property
    def integer(self) -> bool:
        return is_integer_input(self.spec)

    def choose_widget(self) -> Widget:
        return MultiSelectWidget() if self.spec.allowed_values else NumberListWidget()


class FileArrayField(ArrayField):
    input_type = "file_array"
    spec: FileArrayInput
    takes_uploads = True

    def with_uploads(self, value: list[str] | None, files: list[Upload]) -> list[str | Upload]:
        """Chosen files join the asset ids."""
        return [*(value or []), *files]

    def convert(self, text: str) -> str:
        return text.strip()

    def validate_item(self, item: str | Upload) -> list[str]:
        if isinstance(item, Upload):
            return upload_phrases(item, self.spec)
        return []

    def choose_widget(self) -> Widget:
        return FileWidget()


class ModelArrayField(ArrayField):
    input_type = "model_array"
    spec: ModelArrayInput

    def convert(self, text: str) -> str:
        return text.strip()

    def choose_widget(self) -> Widget:
        return ModelPickerWidget()
