"""Plug-ins of single-valued inputs."""

from __future__ import annotations

import json
from functools import cached_property
from typing import Any

from scenario_ui.forms.defined import same_value
from scenario_ui.forms.fields.base import Field, bound_phrases, length_phrases
from scenario_ui.forms.issues import Invalid
from scenario_ui.forms.numbers import (
    Number,
    NumberOutOfRange,
    format_number,
    is_whole,
    on_step,
    parse_number,
)
from scenario_ui.forms.uploads import Upload, upload_phrases
from scenario_ui.forms.widgets import Widget
from scenario_ui.forms.widgets.controls import (
    CheckboxWidget,
    ColorWidget,
    JsonWidget,
    ModelPickerWidget,
    NumberWidget,
    SelectWidget,
    TextareaWidget,
    TextWidget,
)
from scenario_ui.forms.widgets.files import FileWidget
from scenario_ui.schema import (
    BooleanInput,
    FileInput,
    ModelPickerInput,
    NumberArrayInput,
    NumberInput,
    StringInput,
    UnknownInput,
)
from scenario_ui.schema.scalars import FINITE_NUMBER, json_value_problem

TRUE_TEXTS = frozenset({"true", "on", "1", "yes"})
FALSE_TEXTS = frozenset({"false", "off", "0", "no"})


class BooleanField(Field):
    input_type = "boolean"
    spec: BooleanInput

    def convert(self, text: str) -> bool:
        lowered = text.strip().lower()
        if lowered in TRUE_TEXTS:
            return True
        if lowered in FALSE_TEXTS:
            return False
        raise Invalid("must be true or false")

    def choose_widget(self) -> Widget:
        return CheckboxWidget()


def is_integer_input(spec: NumberInput | NumberArrayInput) -> bool:
    """A whole `step` on a whole grid (from a whole `min`, or 0) means whole numbers only.

    Without a `step` any number in range is valid, however whole `min`/`max` are: the API
    accepts Rodin's `strength` 5.5 in 2..12, and the page's `step="any"` agrees.
    """
    return spec.step is not None and is_whole(spec.step) and is_whole(spec.min)


def number_phrases(
    value: Number,
    *,
    low: Number | None,
    high: Number | None,
    step: Number | None,
    integer: bool,
) -> list[str]:
    phrases = bound_phrases(value, low, high)
    if integer and not float(value).is_integer():
        phrases.append("must be a whole number")
    elif step and not on_step(value, step, low if low is not None else 0):
        phrases.append(f"must be a multiple of {format_number(step)}")
    return phrases


class NumberField(Field):
    input_type = "number"
    spec: NumberInput

    def convert(self, text: str) -> Number:
        try:
            value = parse_number(text)
        except NumberOutOfRange:
            raise Invalid(FINITE_NUMBER) from None
        except ValueError:
            raise Invalid("must be a number") from None
        # "1e3" and "3.0" go out as 1000 and 3: the same JSON number, written plainly.
        return int(value) if float(value).is_integer() else value

    def validate(self, value: Number) -> list[str]:
        allowed = self.spec.allowed_values
        if allowed:
            return [] if any(same_value(value, o) for o in allowed) else [self.allowed_phrase()]
        return number_phrases(
            value,
            low=self.spec.min,
            high=self.spec.max,
            step=self.spec.step,
            integer=self.integer,
        )

    @cached_property
    def integer(self) -> bool:
        return is_integer_input(self.spec)

    def choose_widget(self) -> Widget:
        return SelectWidget() if self.spec.allowed_values else NumberWidget()


class StringField(Field):
    input_type = "string"
    spec: StringInput

    def validate(self, value: str) -> list[str]:
        spec = self.spec
        if spec.allowed_values and value not in spec.allowed_values:
            return [self.allowed_phrase()]
        return length_phrases(len(value), spec.min_length, spec.max_length, "characters")

    def choose_widget(self) -> Widget:
        # allowedValues wins over the other flags: only those values are accepted.
        if self.spec.allowed_values:
            return SelectWidget()
        if self.spec.color:
            return ColorWidget()
        return TextareaWidget() if self.spec.prompt else TextWidget()


class FileField(Field):
    """An asset id (or a data URL); uploads become asset ids before submission."""

    input_type = "file"
    spec: FileInput
    takes_uploads = True

    def with_uploads(self, value: Any, files: list[Upload]) -> Upload:
        """One file replaces the asset id."""
        return files[0]

    def convert(self, text: str) -> str:
        return text.strip()

    def validate(self, value: str | Upload) -> list[str]:
        if isinstance(value, Upload):
            return upload_phrases(value, self.spec)
        return []

    def choose_widget(self) -> Widget:
        return FileWidget()


class ModelField(Field):
    input_type = "model"
    spec: ModelPickerInput

    def convert(self, text: str) -> str:
        return text.strip()

    def choose_widget(self) -> Widget:
        return ModelPickerWidget()


class UnknownField(Field):
    """An input of a type we do not know: its value is JSON, typed as text."""

    input_type = "unknown"
    spec: UnknownInput

    def convert(self, text: str) -> Any:
        try:
            value = json.loads(text, parse_constant=_reject_constant)
        except (ValueError, RecursionError):
            # Also a numeral of more digits than Python reads, or NaN/Infinity (not JSON).
            raise Invalid("must be valid JSON") from None
        problem = json_value_problem(value)
        if problem:
            raise Invalid(problem)
        return value

    def to_raw(self, value: Any) -> dict[str, list[str]]:
        return {} if value is None else {self.name: [json.dumps(value)]}

    def choose_widget(self) -> Widget:
        return JsonWidget()


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")
