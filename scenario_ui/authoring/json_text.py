"""A definition as the author typed it: JSON text, parsed, with where each value sits.

`json.loads` reads the value (fast, in C) but keeps no positions, and silently
keeps the last of two equal keys. `locate` scans the text once more, only when a
position is needed, and maps every JSON pointer to its place in the text.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, NoReturn

from scenario_ui.schema.problems import join_pointer

_WHITESPACE = re.compile(r"[ \t\n\r]*")
_STRING = re.compile(r'"(?:[^"\\\x00-\x1f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"')
_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?")
_LITERAL = re.compile(r"true|false|null")
_NOT_JSON_CONSTANT = re.compile(r"-?(?:NaN|Infinity)")
_CLOSING = {"{": "}", "[": "]"}
# About where Python's own json gives up; pointers that deep also make the scan slow.
MAX_DEPTH = 1000


@dataclass(frozen=True, slots=True)
class TextRange:
    """A stretch of the text: 1-based line and column of its start (in characters, as a
    person counts them) and its bounds in UTF-16 code units (as browser editors count)."""

    line: int
    column: int
    start: int
    end: int

    @property
    def label(self) -> str:
        return f"{self.line}:{self.column}"


class JsonTextError(ValueError):
    """The text is not JSON; `offset` is where reading stopped, in characters."""

    def __init__(self, message: str, offset: int) -> None:
        super().__init__(message)
        self.message = message
        self.offset = offset


@dataclass(frozen=True, slots=True)
class _Span:
    # Where the member starts (its key, or the value in an array), and the value's bounds.
    member_start: int
    value_start: int
    value_end: int
    is_container: bool


@dataclass(slots=True)
class _Frame:
    bracket: str
    pointer: str
    member_start: int
    start: int
    count: int = 0
    keys: set[str] = field(default_factory=set)


class JsonText:
    """The author's text; `value` raises `JsonTextError` when it is not JSON."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.duplicate_keys: list[str] = []
        self._scanned: tuple[dict[str, _Span], list[str]] | None = None

    @cached_property
    def value(self) -> Any:
        found_duplicate = False

        def pairs_to_dict(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
            nonlocal found_duplicate
            result = dict(pairs)
            found_duplicate = found_duplicate or len(result) != len(pairs)
            return result

        try:
            value = json.loads(self.text, object_pairs_hook=pairs_to_dict, parse_constant=_refuse)
        except json.JSONDecodeError as error:
            raise JsonTextError(error.msg, error.pos) from error
        except (ValueError, RecursionError) as error:
            # NaN or Infinity (Python's json reads them, JSON has none), or nesting too
            # deep: the scan finds where, and says why in JSON's own terms.
            self._spans()
            raise JsonTextError(str(error), 0) from error
        if found_duplicate:
            self.duplicate_keys = self._spans()[1]
        return value

    def locate(self, pointer: str) -> TextRange:
        """Where `pointer` points: the member (key and value) of a scalar, the key and
        opening bracket of an object or list. A pointer to something the text lacks
        (a missing field) points at its nearest ancestor that is there."""
        try:
            spans = self._spans()[0]
        except JsonTextError:
            return self.range_at(0)
        while pointer not in spans and pointer:
            pointer = pointer.rsplit("/", 1)[0]
        span = spans.get(pointer)
        if span is None:
            return self.range_at(0)
        end = span.value_start + 1 if span.is_container else span.value_end
        return self.range_at(span.member_start, end)

    def range_at(self, offset: int, end: int | None = None) -> TextRange:
        line = bisect_right(self._line_starts, offset)
        column = offset - self._line_starts[line - 1] + 1
        last = max(end if end is not None else offset + 1, offset)
        return TextRange(line, column, self._utf16(offset), self._utf16(min(last, len(self.text))))

    @cached_property
    def _line_starts(self) -> list[int]:
        return [0, *(match.end() for match in re.finditer("\n", self.text))]

    @cached_property
    def _astral_offsets(self) -> list[int]:
        # Characters outside the BMP take two UTF-16 code units; they are rare.
        return [match.start() for match in re.finditer("[\U00010000-\U0010ffff]", self.text)]

    def _utf16(self, offset: int) -> int:
        return offset + bisect_right(self._astral_offsets, offset - 1)

    def _spans(self) -> tuple[dict[str, _Span], list[str]]:
        if self._scanned is None:
            self._scanned = _Scanner(self.text).scan()
        return self._scanned


def _refuse(name: str) -> NoReturn:
    raise ValueError(f"{name} is not a JSON value")


class _Scanner:
    """One pass over the text, without recursion (any depth), recording every span."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.spans: dict[str, _Span] = {}
        self.duplicates: list[str] = []

    def scan(self) -> tuple[dict[str, _Span], list[str]]:
        text = self.text
        stack: list[_Frame] = []
        pointer, member_start = "", None
        position = self._skip(0)
        while True:
            start = position
            opening = text[position : position + 1]
            if opening in _CLOSING:
                frame = _Frame(
                    opening, pointer, start if member_start is None else member_start, start
                )
                position = self._skip(position + 1)
                if text.startswith(_CLOSING[opening], position):
                    position = self._close(frame, position)
                else:
                    if len(stack) == MAX_DEPTH:
                        self._fail(f"nested more than {MAX_DEPTH} levels deep", start)
                    stack.append(frame)
                    pointer, member_start, position = self._next_member(frame, position)
                    continue
            else:
                position = self._scalar(position)
                member = start if member_start is None else member_start
                self.spans[pointer] = _Span(member, start, position, is_container=False)
            # After a value: a comma, the closing bracket of its container, or the end.
            while True:
                position = self._skip(position)
                if not stack:
                    if position != len(text):
                        self._fail("Extra data", position)
                    return self.spans, self.duplicates
                frame = stack[-1]
                if text.startswith(",", position):
                    frame.count += 1
                    pointer, member_start, position = self._next_member(
                        frame, self._skip(position + 1)
                    )
                    break
                if text.startswith(_CLOSING[frame.bracket], position):
                    stack.pop()
                    position = self._close(frame, position)
                    continue
                self._fail("Expecting ',' delimiter", position)

    def _next_member(self, frame: _Frame, position: int) -> tuple[str, int | None, int]:
        """The pointer and start of the next member, and where its value starts."""
        if frame.bracket == "[":
            return join_pointer(frame.pointer, frame.count), None, position
        match = _STRING.match(self.text, position)
        if match is None:
            self._fail("Expecting property name enclosed in double quotes", position)
        token = match.group()
        key = json.loads(token) if "\\" in token else token[1:-1]
        pointer = join_pointer(frame.pointer, key)
        if key in frame.keys:
            self.duplicates.append(pointer)
        frame.keys.add(key)
        after = self._skip(match.end())
        if not self.text.startswith(":", after):
            self._fail("Expecting ':' delimiter", after)
        return pointer, position, self._skip(after + 1)

    def _close(self, frame: _Frame, position: int) -> int:
        end = position + 1
        self.spans[frame.pointer] = _Span(frame.member_start, frame.start, end, is_container=True)
        return end

    def _scalar(self, position: int) -> int:
        for pattern in (_STRING, _NUMBER, _LITERAL):
            match = pattern.match(self.text, position)
            if match is not None:
                return match.end()
        constant = _NOT_JSON_CONSTANT.match(self.text, position)
        if constant is not None:
            self._fail(f"{constant.group()} is not a JSON value", position)
        if self.text.startswith('"', position):
            self._fail("Unterminated string or invalid character in string", position)
        return self._fail("Expecting value", position)

    def _skip(self, position: int) -> int:
        match = _WHITESPACE.match(self.text, position)
        return match.end() if match is not None else position

    def _fail(self, message: str, position: int) -> NoReturn:
        raise JsonTextError(message, position)
