"""A validation finding, phrased once and shown two ways (API and form)."""

from __future__ import annotations

from dataclasses import dataclass


class Invalid(ValueError):
    """Raised by a field when what the user typed cannot become a value."""

    def __init__(self, phrase: str) -> None:
        super().__init__(phrase)
        self.phrase = phrase


@dataclass(frozen=True, slots=True)
class Issue:
    """`phrase` continues "Input <name> ...", the way the API words its 400s."""

    input_name: str
    phrase: str
    # A rule's own message ("A reference image is required when a mask is provided.")
    # replaces the generic wording when there is one.
    custom_message: str | None = None

    @property
    def api_message(self) -> str:
        return self.custom_message or f"Input {self.input_name} {self.phrase}"

    @property
    def form_message(self) -> str:
        if self.custom_message:
            return self.custom_message
        return self.phrase[:1].upper() + self.phrase[1:] + "."
