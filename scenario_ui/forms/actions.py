"""Buttons that change the shape of a form without submitting it.

Adding, removing and moving list items, LoRA rows and inputs_array rows are
posted as `__action=<verb>:<input>[:<index>]`, by htmx or, with JavaScript
off, by a plain submit; either way the server re-renders the form. Whoever
owns the input (its plug-in, or the component that draws it) applies the verb.
"""

from __future__ import annotations

from dataclasses import dataclass

ACTION = "__action"
# "refresh" only re-renders: with JavaScript off, it shows what a picker change implies.
VERBS = ("add", "remove", "up", "down", "refresh")


@dataclass(frozen=True)
class Action:
    verb: str
    input_name: str
    index: int | None = None

    @classmethod
    def parse(cls, text: str) -> Action | None:
        parts = text.split(":")
        if len(parts) not in (2, 3) or parts[0] not in VERBS:
            return None
        digits = parts[2] if len(parts) == 3 else ""
        # isdigit() alone admits "²", which int() refuses.
        index = int(digits) if digits.isascii() and digits.isdigit() else None
        return cls(verb=parts[0], input_name=parts[1], index=index)


@dataclass(frozen=True)
class Focus:
    """Where keyboard focus goes after an action: item `index` of input `name`."""

    name: str
    index: int


# Where focus goes once the last item is removed: the input's "+ Add" button (else the
# browser would send it to the top of the page).
ADD_BUTTON = -1


def focus_index(action: Action, count: int) -> int | None:
    """The added item, the moved item at its new place, or the item before a removed one."""
    if action.verb == "refresh":
        return None
    if count == 0:
        return ADD_BUTTON if action.verb == "remove" else None
    if action.verb == "add" or action.index is None:
        index = count - 1
    else:
        index = action.index + {"remove": -1, "up": -1, "down": 1}[action.verb]
    return min(max(index, 0), count - 1)


def reshaped[T](items: list[T], action: Action, blank: T) -> list[T]:
    """`items` after the action: one more (a blank), one less, or two swapped."""
    index = action.index
    if action.verb == "add":
        return [*items, blank]
    if index is None or index >= len(items):
        return items
    if action.verb == "remove":
        return items[:index] + items[index + 1 :]
    target = index - 1 if action.verb == "up" else index + 1
    if 0 <= target < len(items):
        items[index], items[target] = items[target], items[index]
    return items
