"""A field turns what was typed for one input into a typed value and checks it.

Like Django's form fields: `extract` reads the input's part of the submitted
data, `to_python` converts it, `validate` checks constraints of a defined
value. Each input type has one field class (see `registry`).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, ClassVar

from scenario_ui.forms.numbers import Number, format_number
from scenario_ui.schema import InputBase

FormData = Mapping[str, list[str]]
RawData = dict[str, list[str]]


class Field:
    input_type: ClassVar[str]
    # Whether the submitted data holds several values under the input's name.
    multiple: ClassVar[bool] = False

    def __init__(self, spec: InputBase, *, name: str | None = None) -> None:
        self.spec = spec
        # Rows of an inputs_array post their children under "rows.0.child".
        self.name = name or spec.name

    def extract(self, data: FormData) -> RawData:
        """This input's entries of `data`, as typed, for redisplay and conversion."""
        return {self.name: list(data[self.name])} if self.name in data else {}

    def to_python(self, raw: RawData) -> Any:
        """The typed value, or None when nothing was entered. Raises `Invalid`."""
        values = raw.get(self.name, [])
        text = values[-1] if values else ""
        return None if text.strip() == "" else self.convert(text)

    def convert(self, text: str) -> Any:
        return text

    def validate(self, value: Any) -> list[str]:
        """Phrases (continuing "Input <name> ...") for each broken constraint."""
        return []

    def to_raw(self, value: Any) -> RawData:
        """A JSON value (a default, a VALUES file entry) as the form would have posted it."""
        if value is None:
            return {}
        if isinstance(value, list):
            return {self.name: [as_text(item) for item in value]}
        return {self.name: [as_text(value)]}

    def allowed_phrase(self) -> str:
        allowed = getattr(self.spec, "allowed_values", None) or []
        return "must be one of: " + ", ".join(as_text(option) for option in allowed)


def as_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return format_number(value)
    if isinstance(value, str):
        return value
    return json.dumps(value)


def bound_phrases(value: Number, low: Number | None, high: Number | None) -> list[str]:
    phrases = []
    if low is not None and value < low:
        phrases.append(f"must be at least {format_number(low)}")
    if high is not None and value > high:
        phrases.append(f"must be at most {format_number(high)}")
    return phrases


def length_phrases(count: int, low: int | None, high: int | None, unit: str) -> list[str]:
    phrases = []
    if low is not None and count < low:
        phrases.append(f"must be at least {low} {unit} long")
    if high is not None and count > high:
        phrases.append(f"must be at most {high} {unit} long")
    return phrases
