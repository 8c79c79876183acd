"""Where each parsed input sits in the raw definition, for the linter's pointers."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from scenario_ui.schema.inputs import InputBase, InputsArrayInput
from scenario_ui.schema.problems import join_pointer


@dataclass(frozen=True, slots=True)
class LocatedInput:
    """A parsed input, its pointer in the raw definition, and the inputs it may name.

    `scope` is what `maskFrom` and `required` rules may refer to: the model's
    inputs, and for a row of an `inputs_array` its sibling fields first.
    """

    input: InputBase
    pointer: str
    raw: dict[str, Any]
    scope: tuple[InputBase, ...]


def locate_inputs(
    parsed: Sequence[InputBase],
    raw_inputs: object,
    pointer: str,
    outer_scope: tuple[InputBase, ...] = (),
) -> list[LocatedInput]:
    """Pair each parsed input with the raw item it was read from.

    The parser leaves out items it cannot read (not an object, no name) but
    keeps the order, so raw positions are found by walking both lists together.
    """
    if not isinstance(raw_inputs, list):
        return []
    scope = (*parsed, *outer_scope)
    located: list[LocatedInput] = []
    pending = iter(parsed)
    expected = next(pending, None)
    for index, item in enumerate(raw_inputs):
        if expected is None:
            break
        if isinstance(item, dict) and item.get("name") == expected.name:
            located.append(LocatedInput(expected, join_pointer(pointer, index), item, scope))
            expected = next(pending, None)
    return located


def walk_inputs(located: Sequence[LocatedInput]) -> Iterator[LocatedInput]:
    """Every input, each followed by the row fields of an `inputs_array`, in document order."""
    for entry in located:
        yield entry
        if isinstance(entry.input, InputsArrayInput):
            yield from walk_inputs(
                locate_inputs(
                    entry.input.inputs,
                    entry.raw.get("inputs"),
                    join_pointer(entry.pointer, "inputs"),
                    entry.scope,
                )
            )


def with_article(word: str) -> str:
    """`a number`, `an inputs_array`: input types read as nouns in messages."""
    return f"an {word}" if word[:1] in set("aeiou") else f"a {word}"


def input_named(inputs: Sequence[InputBase], name: str) -> InputBase | None:
    """The first input called `name`; duplicates are the parser's to report."""
    return next((model_input for model_input in inputs if model_input.name == name), None)
