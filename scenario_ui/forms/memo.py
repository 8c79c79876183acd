"""What is computed from a parsed definition, kept exactly as long as that definition lives.

Definitions are immutable once parsed, and the app keeps one parsed definition
per model and version (see `generate.form_page.load_definition`): whatever
hangs off the definition object is therefore per model and version too.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable

from scenario_ui.schema import ModelDefinition


class PerDefinition[V]:
    """Values must not refer back to the definition, or it would never be let go."""

    def __init__(self) -> None:
        self._entries: dict[int, tuple[weakref.ref[ModelDefinition], V]] = {}

    def get(self, definition: ModelDefinition, make: Callable[[], V]) -> V:
        key = id(definition)
        entry = self._entries.get(key)
        # The reference check guards against a new definition reusing a dead one's id.
        if entry is not None and entry[0]() is definition:
            return entry[1]
        value = make()
        self._entries[key] = (weakref.ref(definition), value)
        weakref.finalize(definition, self._entries.pop, key, None)
        return value
