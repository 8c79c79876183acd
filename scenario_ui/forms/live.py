"""What a live re-validation sends back: only the messages that may have changed.

The page remembers which inputs show a message (`__shown`). Live updates show
messages for inputs the user has filled in, and refresh or clear those already
shown; "is required" for an untouched input waits for submit. The asterisks and
`required`/`aria-required` attributes follow the evaluated rules on every update.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from scenario_ui.forms.defined import is_defined
from scenario_ui.forms.validation import FormState

SHOWN = "__shown"


def parse_shown(text: str) -> set[str]:
    return {name for name in text.split() if name}


@dataclass(frozen=True)
class LiveChange:
    shown: list[str]
    # Inputs whose message element is re-sent: all that show or showed one.
    refreshed: list[str]
    required: list[str]

    @property
    def invalid(self) -> list[str]:
        """The inputs marked aria-invalid: exactly those showing a message."""
        return self.shown


def live_change(state: FormState, previously_shown: Iterable[str]) -> LiveChange:
    before = set(previously_shown)
    names = state.definition.input_names
    touched = {
        name
        for name in names
        if any(text.strip() for text in state.values.raw_for(name))
        or is_defined(state.values.values.get(name))
    }
    shown = [name for name in names if name in state.issues and (name in touched or name in before)]
    refreshed = [name for name in names if name in before or name in shown]
    return LiveChange(
        shown=shown,
        refreshed=refreshed,
        required=[name for name in names if name in state.required] + state.required_within,
    )
