"""The input plug-in: everything the form does with one input type, in one class.

Like Django's form fields: `extract` reads the input's part of the submitted
data, `to_python` converts it, `validate` checks constraints of a defined
value, `to_payload` puts it in the request body. Unlike them, the plug-in also
owns the buttons that reshape its items (`reshape`) and how it is drawn: it
picks a widget (`choose_widget`) and draws through `BoundInput`, the one place
that writes the shared accessibility attributes. One class per input type,
listed once in `registry`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import cached_property
from typing import Any, ClassVar, Protocol

from scenario_ui.forms.actions import Action, reshaped
from scenario_ui.forms.bound import BoundInput, Presentation, RawData, RenderOptions
from scenario_ui.forms.issues import Invalid, Issue
from scenario_ui.forms.numbers import Number, format_number
from scenario_ui.forms.rules import Requirement
from scenario_ui.forms.texts import as_text
from scenario_ui.forms.uploads import Upload
from scenario_ui.forms.widgets import Widget
from scenario_ui.schema import InputBase

FormData = Mapping[str, list[str]]
UploadAs = Callable[[Upload], Any]


class FieldFactory(Protocol):
    """Makes the plug-in of any input: how a plug-in builds its children (rows)."""

    def __call__(self, spec: InputBase, *, name: str | None = None) -> Field: ...


class Field:
    input_type: ClassVar[str]
    # Whether the submitted data holds several values under the input's name.
    multiple: ClassVar[bool] = False

    def __init__(
        self, spec: InputBase, *, name: str | None = None, fields: FieldFactory | None = None
    ) -> None:
        """`fields` makes the plug-ins of child inputs; plug-ins without children ignore it."""
        self.spec = spec
        # Rows of an inputs_array post their children under "rows.0.child".
        self.name = name or spec.name

    # --- posted data -> values ------------------------------------------------------------

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

    def required_within(self, raw: RawData) -> list[str]:
        """Names of controls inside this input required now (an inputs_array's row fields)."""
        return []

    def to_raw(self, value: Any) -> RawData:
        """A JSON value (a default, a VALUES file entry) as the form would have posted it."""
        if value is None:
            return {}
        if isinstance(value, list):
            return {self.name: [as_text(item) for item in value]}
        return {self.name: [as_text(value)]}

    def coerce(self, option: Any) -> Any:
        """A rule's option as a value of this input: "1" matches the number 1."""
        if not isinstance(option, str):
            return option
        try:
            coerced = self.to_python({self.name: [option]})
        except Invalid:
            return option
        # Array fields coerce a single text into a one-item list.
        return coerced[0] if isinstance(coerced, list) and len(coerced) == 1 else coerced

    def to_payload(self, value: Any, upload_as: UploadAs) -> Any:
        """The value as the request body carries it; None leaves it out."""
        if isinstance(value, Upload):
            return upload_as(value)
        if isinstance(value, list):
            items = [upload_as(item) if isinstance(item, Upload) else item for item in value]
            return [item for item in items if item is not None] or None
        return value

    # Whether chosen files (uploads) can stand for this input's value.
    takes_uploads: ClassVar[bool] = False

    def with_uploads(self, value: Any, files: list[Upload]) -> Any:
        """The value once `files` were chosen for this input (see `takes_uploads`)."""
        raise TypeError(f"{self.input_type} inputs take no files")

    def allowed_phrase(self) -> str:
        allowed = getattr(self.spec, "allowed_values", None) or []
        return "must be one of: " + ", ".join(as_text(option) for option in allowed)

    # --- buttons that reshape the input ----------------------------------------------------

    def item_count(self, raw: RawData) -> int:
        return len(raw.get(self.name, []))

    def reshape(self, raw: RawData, action: Action) -> RawData:
        """Add, remove or move one of this input's items (a copy of `raw`)."""
        changed = dict(raw)
        changed[self.name] = reshaped(list(raw.get(self.name, [])), action, "")
        return changed

    # --- drawing ---------------------------------------------------------------------------

    @cached_property
    def widget(self) -> Widget:
        return self.choose_widget()

    def choose_widget(self) -> Widget:
        raise NotImplementedError

    @cached_property
    def presentation(self) -> Presentation:
        return Presentation.of(self.spec, self.name)

    @property
    def label_mode(self) -> str:
        """A single-valued picker or file field has one main control: a plain <label> names it."""
        mode = self.widget.label_mode
        return "label" if mode == "legend" and not self.multiple else mode

    def render_control(self, bound: BoundInput, options: RenderOptions) -> str:
        return self.widget.render(bound, options)

    def bind(
        self,
        raw: RawData,
        *,
        issues: Sequence[Issue] = (),
        requirement: Requirement | None = None,
        select_labels: dict[str, str] | None = None,
        focus_index: int | None = None,
    ) -> BoundInput:
        return BoundInput(
            self,
            raw,
            issues=issues,
            requirement=requirement,
            select_labels=select_labels,
            focus_index=focus_index,
        )


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
