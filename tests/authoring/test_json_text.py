"""The author's JSON text: the value, syntax errors at line:column, every pointer located."""

from __future__ import annotations

import json

import pytest

from scenario_ui.authoring.json_text import MAX_DEPTH, JsonText, JsonTextError, TextRange

TEXT = """{
  "inputs": [
    {"name": "seed", "type": "number", "default": 7},
    {
      "name": "tags",
      "type": "string_array"
    }
  ],
  "uiConfig": {}
}"""


def test_reads_the_value_as_json_does() -> None:
    assert JsonText(TEXT).value == json.loads(TEXT)


@pytest.mark.parametrize(
    ("pointer", "line", "column", "covered"),
    [
        ("/inputs/0/default", 3, 40, '"default": 7'),
        ("/inputs/1/name", 5, 7, '"name": "tags"'),
        # An object or a list: its key and opening bracket, not the whole block.
        ("/inputs/1", 4, 5, "{"),
        ("/inputs", 2, 3, '"inputs": ['),
        ("/uiConfig", 9, 3, '"uiConfig": {'),
        ("", 1, 1, "{"),
    ],
)
def test_locates_a_pointer(pointer: str, line: int, column: int, covered: str) -> None:
    found = JsonText(TEXT).locate(pointer)

    assert (found.line, found.column) == (line, column)
    assert TEXT[found.start : found.end] == covered


def test_a_missing_field_points_at_its_nearest_ancestor() -> None:
    text = JsonText(TEXT)

    assert text.locate("/inputs/1/required/always") == text.locate("/inputs/1")
    assert text.locate("/id") == text.locate("")


def test_pointer_tokens_are_unescaped_like_rfc_6901() -> None:
    text = JsonText('{"a/b": {"m~n": 1, "q\\"u": 2}}')

    assert text.locate("/a~1b/m~0n").column == 10
    assert text.locate('/a~1b/q"u').column == 20


@pytest.mark.parametrize(
    ("text", "message", "label"),
    [
        ('{\n  "a": 1,\n}', "Expecting property name enclosed in double quotes", "3:1"),
        ('{"a": [1 2]}', "Expecting ',' delimiter", "1:10"),
        ('{"a" 1}', "Expecting ':' delimiter", "1:6"),
        ("", "Expecting value", "1:1"),
        ("[1]\n  x", "Extra data", "2:3"),
        ('{"a": NaN}', "NaN is not a JSON value", "1:7"),
        ('{"a": [-Infinity]}', "-Infinity is not a JSON value", "1:8"),
    ],
)
def test_syntax_errors_say_where(text: str, message: str, label: str) -> None:
    parsed = JsonText(text)
    with pytest.raises(JsonTextError) as raised:
        _ = parsed.value

    assert raised.value.message == message
    assert parsed.range_at(raised.value.offset).label == label


def test_nesting_deeper_than_python_recurses_is_refused_where_it_starts() -> None:
    deep = JsonText('{"a":\n' + "[" * 100_000 + "]" * 100_000 + "}")
    with pytest.raises(JsonTextError) as raised:
        _ = deep.value

    assert raised.value.message == f"nested more than {MAX_DEPTH} levels deep"
    assert deep.range_at(raised.value.offset).label == f"2:{MAX_DEPTH}"


def test_the_scan_goes_as_deep_as_json_reads() -> None:
    deep = '{"a": ' + "[" * (MAX_DEPTH - 1) + "1" + "]" * (MAX_DEPTH - 1) + "}"

    assert JsonText(deep).locate("/a" + "/0" * (MAX_DEPTH - 2)).column == 7 + MAX_DEPTH - 2


def test_locating_in_text_too_deep_to_scan_falls_back_to_the_start() -> None:
    # Python's json may read a little deeper than the scan goes, depending on the stack.
    deep = JsonText("[" * 1500 + "]" * 1500)

    assert deep.locate("/0/0").label == "1:1"


def test_duplicate_keys_are_listed_and_the_last_one_wins() -> None:
    text = JsonText('{"name": "a", "inputs": [{"name": "x", "name": "y"}], "name": "b"}')

    assert text.value == {"name": "b", "inputs": [{"name": "y"}]}
    assert text.duplicate_keys == ["/inputs/0/name", "/name"]
    assert text.locate("/name").column == 55


def test_no_duplicates_costs_no_scan() -> None:
    text = JsonText(TEXT)
    _ = text.value

    assert text.duplicate_keys == []
    assert text._scanned is None


def test_offsets_count_utf16_units_as_browser_editors_do() -> None:
    text = JsonText('{"label": "🎨 art", "x": 1}')

    found = text.locate("/x")
    assert found.column == 20  # characters, as a person counts
    assert (found.start, found.end) == (20, 26)  # the emoji takes two UTF-16 units


def test_range_at_the_end_of_the_text_stays_inside_it() -> None:
    assert JsonText("{}").range_at(2) == TextRange(line=1, column=3, start=2, end=2)
